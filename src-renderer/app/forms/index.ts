// The form parts every form in the renderer uses: the form, the field (bound to the form or
// not), the radio choice, the customer and workplace pair, the options of a select, the form's
// error and buttons, and the one mapping of errors onto fields.
export { ChoiceField } from './ChoiceField';
export { CustomerFields } from './CustomerFields';
export { Field, FieldMessage, FormField, useFieldError } from './Field';
export { Form } from './Form';
export { fieldErrorText, savedOrShown, showServerErrors } from './formErrors';
export { FormButtons, FormError } from './FormFooter';
export { ctrlEnterTo } from './keys';
export { OptionList } from './OptionList';
export { Suggestions } from './Suggestions';
