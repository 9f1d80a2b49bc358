// Adding a reporter or correcting one by hand (issue 18): name, municipality
// and workplace, e-mail and one or more phone numbers. The desk checks it all
// (a number another reporter has is refused); each refusal lands next to its field.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReporterListItem } from '../../../src-shared/reporters/schemas';
import { formatPhone } from '../../../src-shared/phone';
import { CustomerFields, Form, FormError, FormField, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';

const FIELDS = ['name', 'customerId', 'workplace', 'email', 'phones'];
type Values = { name: string; customerId: string; workplace: string; email: string; phones: string };

/** A server path ("reporter.phones.0", or a rule's "phones") as the form's field. */
const fieldOf = (path: string): string | null => {
  const field = path.replace(/^reporter\./, '').split('.')[0]!;
  return FIELDS.includes(field) ? field : null;
};

export function ReporterForm({
  reporter,
  onSaved,
  onCancel,
}: {
  /** The reporter to correct; none: a new one. */
  reporter: ReporterListItem | null;
  onSaved(id: string, name: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    defaultValues: {
      name: reporter?.name ?? '',
      customerId: reporter?.customerId ?? '',
      workplace: reporter?.workplace ?? '',
      email: reporter?.email ?? '',
      phones: reporter?.phones.map(formatPhone).join(', ') ?? '',
    },
  });
  const save = useMutation(
    trpc.reporters.save.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.reporters.pathKey() }),
          // Waiting calls recognise their callers anew.
          queryClient.invalidateQueries({ queryKey: trpc.calls.pathKey() }),
        ]),
    }),
  );
  const submit = form.handleSubmit(async (v) => {
    try {
      const saved = await save.mutateAsync({
        reporter: {
          id: reporter?.id ?? null,
          name: v.name,
          customerId: v.customerId,
          workplace: v.workplace,
          email: v.email.trim() || null,
          phones: v.phones
            .split(/[,;|/]/)
            .map((p) => p.trim())
            .filter(Boolean),
        },
      });
      onSaved(saved.id, v.name.trim());
    } catch (e) {
      showServerErrors(form, e, t, fieldOf);
    }
  });
  const titleId = 'reporter-form-title';
  return (
    <Form
      form={form}
      wording="reporters.edit.errors"
      className="card"
      onSubmit={submit}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>
        {reporter ? t('reporters.edit.editTitle', { name: reporter.name }) : t('reporters.edit.addTitle')}
      </h2>
      <FormField label={t('reporters.fields.name')} required registration={form.register('name')}>
        {(c) => <input {...c} autoComplete="off" autoFocus />}
      </FormField>
      <CustomerFields labels="reporters.edit" listId="reporter-workplaces" required />
      <FormField label={t('reporters.fields.email')} registration={form.register('email')}>
        {(c) => <input {...c} type="email" autoComplete="off" />}
      </FormField>
      <FormField
        label={t('reporters.edit.phones')}
        required
        hint={t('reporters.edit.phonesHint')}
        registration={form.register('phones')}
      >
        {(c) => <input {...c} inputMode="tel" autoComplete="off" />}
      </FormField>
      <FormError message={form.formState.errors.root?.message} />
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? t('reporters.edit.saving') : t('reporters.edit.save')}
        </button>
        <button type="button" className="ghost" onClick={onCancel}>
          {t('reporters.edit.cancel')}
        </button>
      </div>
    </Form>
  );
}
