// Whom a caller or reporter works for and where, on a Form with the fields "customerId" and
// "workplace": the customer (a municipality) picked from the desk's list, and the workplace,
// with that customer's known workplaces offered as one types. Shared by the call and ticket forms.
import { useQuery } from '@tanstack/react-query';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { FormField } from './Field';
import { Suggestions } from './Suggestions';

export function CustomerFields({
  labels,
  listId,
  required = false,
}: {
  /** Where the two labels are: `<labels>.customer`, `<labels>.workplace`. */
  labels: string;
  /** The id of the workplaces' list, unique on the page. */
  listId: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useFormContext<{ customerId: string; workplace: string }>();
  const customerId = useWatch({ control: form.control, name: 'customerId' });
  const customers = useQuery(trpc.calls.customers.queryOptions());
  const workplaces = customers.data?.find((c) => c.id === customerId)?.workplaces ?? [];
  return (
    <>
      <FormField
        label={t(`${labels}.customer`)}
        required={required}
        registration={form.register('customerId')}
      >
        {(c) => (
          <select {...c}>
            <option value="">{t('calls.log.noCustomer')}</option>
            {customers.data?.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label={t(`${labels}.workplace`)}
        required={required}
        registration={form.register('workplace')}
      >
        {(c) => <Suggestions control={c} id={listId} options={workplaces} />}
      </FormField>
    </>
  );
}
