// The team lead's shift settings, at the foot of the live view: what counts as
// answered in time, how long a caller may wait before an alert, and which
// alerts fire. Checked by the desk (zod); its errors land on their fields.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ShiftSettings } from '../../../src-shared/shifts/settings';
import { Form, FormButtons, FormError, FormField, showServerErrors } from '../../app/forms';
import { useTRPC } from '../../app/trpc';

type Values = Omit<ShiftSettings, 'answerWithinSeconds' | 'longWaitSeconds'> & {
  answerWithinSeconds: string;
  longWaitSeconds: string;
};
const ALERTS = ['alertAtRisk', 'alertBreached', 'alertDeskOffline'] as const;

export function ShiftSettingsForm({ settings }: { settings: ShiftSettings }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({
    values: {
      ...settings,
      answerWithinSeconds: String(settings.answerWithinSeconds),
      longWaitSeconds: String(settings.longWaitSeconds),
    },
  });
  const save = useMutation(trpc.shifts.setSettings.mutationOptions());
  const number = (v: string) => (v.trim() === '' ? NaN : Number(v));
  const submit = form.handleSubmit(async (v) => {
    setSaved(false);
    try {
      await save.mutateAsync({
        settings: {
          ...v,
          answerWithinSeconds: number(v.answerWithinSeconds),
          longWaitSeconds: number(v.longWaitSeconds),
        },
      });
      setSaved(true);
    } catch (e) {
      showServerErrors(form, e, t, (path) => path.replace(/^settings\./, ''));
    }
  });
  return (
    <Form
      form={form}
      wording="live.settings.errors"
      className="card live-section"
      onSubmit={submit}
      aria-labelledby="live-settings"
    >
      <h2 id="live-settings">{t('live.settings.title')}</h2>
      <div className="row wrap">
        <FormField
          label={t('live.settings.answerWithinSeconds')}
          className="narrow-field"
          registration={form.register('answerWithinSeconds')}
        >
          {(c) => <input type="number" min={5} max={600} {...c} />}
        </FormField>
        <FormField
          label={t('live.settings.longWaitSeconds')}
          className="narrow-field"
          registration={form.register('longWaitSeconds')}
        >
          {(c) => <input type="number" min={10} max={3600} {...c} />}
        </FormField>
      </div>
      <fieldset className="live-alert-choices">
        <legend>{t('live.settings.alerts')}</legend>
        {ALERTS.map((a) => (
          <label key={a} className="radio">
            <input type="checkbox" {...form.register(a)} /> {t(`live.settings.${a}`)}
          </label>
        ))}
      </fieldset>
      <FormError message={form.formState.errors.root?.message} />
      {saved && (
        <p className="success" role="status">
          {t('live.settings.saved')}
        </p>
      )}
      <FormButtons pending={save.isPending}>{t('common.save')}</FormButtons>
    </Form>
  );
}
