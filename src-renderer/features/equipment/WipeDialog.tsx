// Confirming a handed-in device's data wipe (R19): how (the recycler's
// certified wipe, our own with a named tool, the disk destroyed), who, when.
// Required before the device can be marked recycled.
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { WIPE_METHODS } from '../../../src-shared/equipment/catalogue';
import { Form, FormButtons, FormError, FormField, OptionList, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { useModalDialog } from '../../app/useModalDialog';
import { todayDay } from './text';

export function WipeDialog({ device, onClose }: { device: { id: string; serial: string }; onClose(): void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const dialogRef = useModalDialog();
  const form = useForm({
    defaultValues: {
      method: 'own_wipe' as (typeof WIPE_METHODS)[number],
      tool: '',
      wipedBy: '',
      wipedOn: todayDay(),
    },
  });
  const wipe = useMutation(trpc.equipment.confirmWipe.mutationOptions());
  const submit = form.handleSubmit(async (v) => {
    try {
      await wipe.mutateAsync({ deviceId: device.id, ...v, tool: v.tool.trim() || null });
      onClose();
    } catch (e) {
      showServerErrors(form, e, t, ['method', 'tool', 'wipedBy', 'wipedOn']);
    }
  });
  return (
    <dialog ref={dialogRef} className="dialog" onClose={onClose} aria-labelledby="wipe-title">
      <Form form={form} wording="equipment.errors" onSubmit={submit}>
        <h2 id="wipe-title">{t('equipment.wipe.title', { serial: device.serial })}</h2>
        <FormField label={t('equipment.wipe.method')} required registration={form.register('method')}>
          {(c) => (
            <select {...c}>
              <OptionList values={WIPE_METHODS} labels="equipment.wipeMethods" />
            </select>
          )}
        </FormField>
        <FormField
          label={t('equipment.wipe.tool')}
          hint={t('equipment.wipe.toolHint')}
          registration={form.register('tool')}
        >
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField label={t('equipment.wipe.wipedBy')} required registration={form.register('wipedBy')}>
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
        <FormField label={t('equipment.wipe.wipedOn')} required registration={form.register('wipedOn')}>
          {(c) => <input type="date" {...c} />}
        </FormField>
        <FormError message={form.formState.errors.root?.message} />
        <FormButtons pending={wipe.isPending} onCancel={() => dialogRef.current?.close()}>
          {t('equipment.wipe.submit')}
        </FormButtons>
      </Form>
    </dialog>
  );
}
