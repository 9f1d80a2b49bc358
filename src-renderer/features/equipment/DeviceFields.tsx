// What identifies a device and how it is set up (serial, asset tag, model,
// network, dates, notes), on a Form whose values are DeviceFieldValues: shared
// by registering a device and by registering one on the spot at a handover.
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NETWORKS } from '../../../src-shared/equipment/catalogue';
import { FormField, OptionList } from '../../app/forms';
import { ModelSelect } from './ModelSelect';

export interface DeviceFieldValues {
  serial: string;
  assetTag: string;
  modelId: string;
  network: 'main' | 'guest';
  setupDate: string;
  notes: string;
}

export const BLANK_DEVICE: DeviceFieldValues = {
  serial: '',
  assetTag: '',
  modelId: '',
  network: 'main',
  setupDate: '',
  notes: '',
};

export const DEVICE_FIELDS = Object.keys(BLANK_DEVICE);

/** The fields as the desk takes them: empty texts and dates are "none". */
export function deviceCoreOf(v: DeviceFieldValues) {
  return {
    serial: v.serial,
    assetTag: v.assetTag.trim() || null,
    modelId: v.modelId,
    network: v.network,
    setupDate: v.setupDate || null,
    notes: v.notes.trim() || null,
  };
}

/** `prefix`: where the fields sit on the form ("" or "fresh."). */
export function DeviceFields({ prefix = '' }: { prefix?: '' | 'fresh.' }) {
  const { t } = useTranslation();
  const form = useFormContext();
  const name = (f: keyof DeviceFieldValues) => `${prefix}${f}`;
  return (
    <>
      <FormField label={t('equipment.fields.serial')} required registration={form.register(name('serial'))}>
        {(c) => <input {...c} autoComplete="off" className="mono" />}
      </FormField>
      <FormField label={t('equipment.fields.assetTag')} registration={form.register(name('assetTag'))}>
        {(c) => <input {...c} autoComplete="off" className="mono" />}
      </FormField>
      <FormField label={t('equipment.fields.model')} required registration={form.register(name('modelId'))}>
        {(c) => <ModelSelect control={c} />}
      </FormField>
      <FormField
        label={t('equipment.fields.network')}
        required
        hint={t('equipment.fields.networkHint')}
        registration={form.register(name('network'))}
      >
        {(c) => (
          <select {...c}>
            <OptionList values={NETWORKS} labels="equipment.networks" />
          </select>
        )}
      </FormField>
      <FormField
        label={t('equipment.fields.setupDate')}
        className="narrow-field"
        registration={form.register(name('setupDate'))}
      >
        {(c) => <input type="date" {...c} />}
      </FormField>
      <FormField label={t('equipment.fields.notes')} registration={form.register(name('notes'))}>
        {(c) => <textarea rows={2} {...c} />}
      </FormField>
    </>
  );
}
