// The options of a select: fixed values with their labels in the user's language
// (`<labels>.<value>`), or values with labels as they are (names, ids).
import { useTranslation } from 'react-i18next';

type Props =
  { values: readonly string[]; labels: string } | { options: readonly { value: string; label: string }[] };

export function OptionList(props: Props) {
  const { t } = useTranslation();
  const options =
    'options' in props
      ? props.options
      : props.values.map((v) => ({ value: v, label: t(`${props.labels}.${v}`) }));
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}
