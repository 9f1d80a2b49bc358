// Editing the SLA settings: targets per priority (service minutes, or 24/7),
// ordinary hours, and the calendar's exceptions. The server validates; its
// messages land next to the field they name.
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SlaSettings } from '../../../src-shared/sla/settings';
import { fieldMessages } from '../../app/errors';
import { formatMinutes } from '../../app/format';
import { PRIORITY_CHOICES } from './PriorityPicker';

type Form = Omit<SlaSettings, 'calendar' | 'atRiskShare'> & {
  atRiskPercent: number;
  calendar: Omit<SlaSettings['calendar'], 'closedDates'> & { closedDates: { value: string }[] };
};

function toForm(s: SlaSettings): Form {
  return {
    targets: s.targets,
    atRiskPercent: Math.round(s.atRiskShare * 100),
    calendar: { ...s.calendar, closedDates: s.calendar.closedDates.map((value) => ({ value })) },
  };
}

function fromForm(f: Form): SlaSettings {
  return {
    targets: f.targets,
    atRiskShare: f.atRiskPercent / 100,
    calendar: { ...f.calendar, closedDates: f.calendar.closedDates.map((d) => d.value) },
  };
}

export function SlaSettingsForm({
  initial,
  editable,
  saving,
  onSave,
}: {
  initial: SlaSettings;
  editable: boolean;
  saving: boolean;
  onSave(value: SlaSettings): Promise<unknown>;
}) {
  const { t } = useTranslation();
  const form = useForm<Form>({ defaultValues: toForm(initial) });
  const closed = useFieldArray({ control: form.control, name: 'calendar.closedDates' });
  const shortened = useFieldArray({ control: form.control, name: 'calendar.shortenedDays' });
  const periods = useFieldArray({ control: form.control, name: 'calendar.periods' });
  const errors = form.formState.errors;
  const messageAt = (path: string): string | undefined => {
    let node: unknown = errors;
    for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    return (node as { message?: string } | undefined)?.message;
  };
  const err = (path: string) => {
    const m = messageAt(path);
    return m ? <small className="field-error">{m}</small> : null;
  };
  const num = { valueAsNumber: true } as const;

  const submit = form.handleSubmit(async (value) => {
    try {
      await onSave(fromForm(value));
    } catch (e) {
      const fields = fieldMessages(e, t);
      for (const [path, message] of Object.entries(fields)) {
        const name = path
          .replace(/^settings\./, '')
          .replace(/^atRiskShare$/, 'atRiskPercent')
          .replace(/^calendar\.closedDates\.(\d+)$/, 'calendar.closedDates.$1.value');
        form.setError(name as never, { message });
      }
      if (Object.keys(fields).length === 0) form.setError('root', { message: String((e as Error).message) });
    }
  });
  const watched = useWatch({ control: form.control, name: 'targets' });

  return (
    <form onSubmit={submit} noValidate aria-label={t('sla.settingsTitle')}>
      <fieldset disabled={!editable || saving} className="plain">
        <h2>{t('sla.targets')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th>{t('sla.priority')}</th>
              <th>{t('sla.responseMinutes')}</th>
              <th>{t('sla.resolutionMinutes')}</th>
              <th>{t('sla.clock24x7Short')}</th>
            </tr>
          </thead>
          <tbody>
            {PRIORITY_CHOICES.map((p) => (
              <tr key={p}>
                <th scope="row">{t(`sla.priorities.${p}`)}</th>
                <td>
                  <input
                    type="number"
                    min={1}
                    aria-label={`${t(`sla.priorities.${p}`)}: ${t('sla.responseMinutes')}`}
                    {...form.register(`targets.${p}.responseMinutes`, num)}
                  />
                  <small className="muted">
                    {' '}
                    {formatMinutes(watched[p]?.responseMinutes ?? 0, t('sla.hourUnit'))}
                  </small>
                  {err(`targets.${p}.responseMinutes`)}
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    aria-label={`${t(`sla.priorities.${p}`)}: ${t('sla.resolutionMinutes')}`}
                    {...form.register(`targets.${p}.resolutionMinutes`, num)}
                  />
                  <small className="muted">
                    {' '}
                    {formatMinutes(watched[p]?.resolutionMinutes ?? 0, t('sla.hourUnit'))}
                  </small>
                  {err(`targets.${p}.resolutionMinutes`)}
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t(`sla.priorities.${p}`)}: ${t('sla.clock24x7Short')}`}
                    {...form.register(`targets.${p}.clock24x7`)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <label className="field narrow-field">
          <span>{t('sla.atRisk')}</span>
          <input type="number" min={1} max={100} {...form.register('atRiskPercent', num)} />
          {err('atRiskPercent')}
        </label>

        <h2>{t('sla.hours')}</h2>
        <div className="row">
          <label className="field">
            <span>{t('sla.open')}</span>
            <input {...form.register('calendar.open')} />
            {err('calendar.open')}
          </label>
          <label className="field">
            <span>{t('sla.close')}</span>
            <input {...form.register('calendar.close')} />
            {err('calendar.close')}
          </label>
        </div>

        <h3>{t('sla.closedDates')}</h3>
        {closed.fields.map((f, i) => (
          <div className="row" key={f.id}>
            <input
              type="date"
              aria-label={t('sla.closedDate')}
              {...form.register(`calendar.closedDates.${i}.value`)}
            />
            <button type="button" className="ghost" onClick={() => closed.remove(i)}>
              {t('common.remove')}
            </button>
            {err(`calendar.closedDates.${i}.value`)}
          </div>
        ))}
        <button type="button" onClick={() => closed.append({ value: '' })}>
          {t('sla.addClosedDate')}
        </button>

        <h3>{t('sla.shortenedDays')}</h3>
        {shortened.fields.map((f, i) => (
          <div className="row wrap" key={f.id}>
            <input
              type="date"
              aria-label={t('sla.date')}
              {...form.register(`calendar.shortenedDays.${i}.date`)}
            />
            <input
              aria-label={t('sla.open')}
              size={5}
              {...form.register(`calendar.shortenedDays.${i}.open`)}
            />
            <input
              aria-label={t('sla.close')}
              size={5}
              {...form.register(`calendar.shortenedDays.${i}.close`)}
            />
            <input
              aria-label={t('sla.label')}
              placeholder={t('sla.label')}
              {...form.register(`calendar.shortenedDays.${i}.label`)}
            />
            <button type="button" className="ghost" onClick={() => shortened.remove(i)}>
              {t('common.remove')}
            </button>
            {err(`calendar.shortenedDays.${i}.date`)}
            {err(`calendar.shortenedDays.${i}.close`)}
          </div>
        ))}
        <button
          type="button"
          onClick={() => shortened.append({ date: '', open: '08:00', close: '12:00', label: '' })}
        >
          {t('sla.addShortenedDay')}
        </button>

        <h3>{t('sla.periods')}</h3>
        {periods.fields.map((f, i) => (
          <div className="row wrap" key={f.id}>
            <input type="date" aria-label={t('sla.from')} {...form.register(`calendar.periods.${i}.from`)} />
            <input type="date" aria-label={t('sla.to')} {...form.register(`calendar.periods.${i}.to`)} />
            <input aria-label={t('sla.open')} size={5} {...form.register(`calendar.periods.${i}.open`)} />
            <input aria-label={t('sla.close')} size={5} {...form.register(`calendar.periods.${i}.close`)} />
            <input
              aria-label={t('sla.label')}
              placeholder={t('sla.label')}
              {...form.register(`calendar.periods.${i}.label`)}
            />
            <button type="button" className="ghost" onClick={() => periods.remove(i)}>
              {t('common.remove')}
            </button>
            {err(`calendar.periods.${i}.to`)}
            {err(`calendar.periods.${i}`)}
          </div>
        ))}
        <button
          type="button"
          onClick={() => periods.append({ from: '', to: '', open: '08:00', close: '15:00', label: '' })}
        >
          {t('sla.addPeriod')}
        </button>
        {errors.root && (
          <p className="notice" role="alert">
            {errors.root.message}
          </p>
        )}
        {editable && (
          <div className="row end">
            <button type="submit" className="primary">
              {t('sla.save')}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
