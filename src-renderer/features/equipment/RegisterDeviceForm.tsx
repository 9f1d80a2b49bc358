// Registering a device in the register: in stock (delivered later at a
// handover) or already in use (with its delivered date), for a customer and
// workplace, optionally for a named user.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  CustomerFields,
  Form,
  FormButtons,
  FormError,
  FormField,
  OptionList,
  showServerErrors,
} from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import {
  BLANK_DEVICE,
  DEVICE_FIELDS,
  DeviceFields,
  deviceCoreOf,
  type DeviceFieldValues,
} from './DeviceFields';

interface Values extends DeviceFieldValues {
  status: 'in_stock' | 'in_use';
  customerId: string;
  workplace: string;
  assignedUser: string;
  deliveredDate: string;
}

const BLANK: Values = {
  ...BLANK_DEVICE,
  status: 'in_stock',
  customerId: '',
  workplace: '',
  assignedUser: '',
  deliveredDate: '',
};
const FIELDS = [...DEVICE_FIELDS, 'status', 'customerId', 'workplace', 'assignedUser', 'deliveredDate'];

export function RegisterDeviceForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useForm<Values>({ defaultValues: BLANK });
  const register = useMutation(trpc.equipment.registerDevice.mutationOptions());
  const [done, setDone] = useState<{ id: string; serial: string } | null>(null);

  const submit = form.handleSubmit(async (v) => {
    setDone(null);
    try {
      const r = await register.mutateAsync({
        device: {
          ...deviceCoreOf(v),
          status: v.status,
          customerId: v.customerId,
          workplace: v.workplace,
          assignedUser: v.assignedUser.trim() || null,
          assignedReporterId: null,
          deliveredDate: v.deliveredDate || null,
        },
      });
      setDone({ id: r.id, serial: v.serial.trim() });
      form.reset({
        ...BLANK,
        customerId: v.customerId,
        workplace: v.workplace,
        modelId: v.modelId,
        status: v.status,
      });
      form.setFocus('serial');
    } catch (e) {
      showServerErrors(form, e, t, FIELDS);
    }
  });

  return (
    <Form
      form={form}
      wording="equipment.errors"
      className="card"
      onSubmit={submit}
      aria-labelledby="register-title"
    >
      <h2 id="register-title">{t('equipment.register.title')}</h2>
      <div className="form-grid">
        <DeviceFields />
        <FormField label={t('equipment.fields.status')} required registration={form.register('status')}>
          {(c) => (
            <select {...c}>
              <OptionList values={['in_stock', 'in_use']} labels="equipment.statuses" />
            </select>
          )}
        </FormField>
        <CustomerFields labels="equipment.fields" listId="register-workplaces" required />
        <FormField label={t('equipment.fields.assignedUser')} registration={form.register('assignedUser')}>
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField
          label={t('equipment.fields.deliveredDate')}
          className="narrow-field"
          registration={form.register('deliveredDate')}
        >
          {(c) => <input type="date" {...c} />}
        </FormField>
      </div>
      <FormError message={form.formState.errors.root?.message} />
      {done && (
        <p className="success" role="status">
          {t('equipment.register.done', { serial: done.serial })}{' '}
          <Link href={`/equipment/devices/${done.id}`}>{t('equipment.register.open')}</Link>
        </p>
      )}
      <FormButtons pending={register.isPending}>{t('equipment.register.submit')}</FormButtons>
    </Form>
  );
}
