// Editing the SLA settings: targets per priority (service minutes, or 24/7),
// ordinary hours, and the calendar's exceptions. The server validates; its
// messages land next to the field they name, worded by `sla.errors.*`. A
// target must be a positive number before the form is sent. Read-only (an
// agent's view), the fields are shown as text, with no buttons to add or remove.
import type { ReactNode } from 'react';
import { useFieldArray, useForm, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SlaSettings } from '../../../src-shared/sla/settings';
import { formatMinutes } from '../../app/format';
import { FieldMessage, Form, FormError, FormField, showServerErrors, useFieldError } from '../../app/forms';
import { PRIORITY_CHOICES } from './PriorityPicker';

type Values = Omit<SlaSettings, 'calendar' | 'atRiskShare'> & {
  atRiskPercent: number;
  calendar: Omit<SlaSettings['calendar'], 'closedDates'> & { closedDates: { value: string }[] };
};

function toForm(s: SlaSettings): Values {
  return {
    targets: s.targets,
    atRiskPercent: Math.round(s.atRiskShare * 100),
    calendar: { ...s.calendar, closedDates: s.calendar.closedDates.map((value) => ({ value })) },
  };
}

const COLUMNS = ['sla.priority', 'sla.responseMinutes', 'sla.resolutionMinutes', 'sla.clock24x7Short'];
const TARGETS = ['responseMinutes', 'resolutionMinutes'] as const;

/** The wording of this form's field errors (see errorText): `sla.errors.<reason or code>`. */
const WORDING = 'sla.errors';

/** A target in minutes as the form holds it: a positive number, or not a target (empty, zero, negative). */
function isMinutes(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** The form's field for a path the server names ("settings.atRiskShare" → "atRiskPercent"). */
function formField(path: string): string {
  return path
    .replace(/^settings\./, '')
    .replace(/^atRiskShare$/, 'atRiskPercent')
    .replace(/^calendar\.closedDates\.(\d+)$/, 'calendar.closedDates.$1.value');
}

function fromForm(f: Values): SlaSettings {
  return {
    targets: f.targets,
    atRiskShare: f.atRiskPercent / 100,
    calendar: { ...f.calendar, closedDates: f.calendar.closedDates.map((d) => d.value) },
  };
}

/** A calendar exception's hours and what it is called. */
function HoursAndLabel({ at }: { at: `calendar.shortenedDays.${number}` | `calendar.periods.${number}` }) {
  const { t } = useTranslation();
  const { register } = useFormContext<Values>();
  return (
    <>
      <input aria-label={t('sla.open')} size={5} {...register(`${at}.open`)} />
      <input aria-label={t('sla.close')} size={5} {...register(`${at}.close`)} />
      <input aria-label={t('sla.label')} placeholder={t('sla.label')} {...register(`${at}.label`)} />
    </>
  );
}

/** The error the form holds at a path (a target, a date, a whole period). */
function ErrorAt({ path }: { path: string }) {
  return <FieldMessage error={useFieldError(path)} messages={WORDING} />;
}

/** One of the calendar's exceptions: its inputs, a way to remove it, and its errors. */
function ExceptionRow({
  wrap = true,
  editable,
  onRemove,
  errorsAt,
  children,
}: {
  wrap?: boolean;
  editable: boolean;
  onRemove(): void;
  errorsAt: string[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={wrap ? 'row wrap' : 'row'}>
      {children}
      {editable && (
        <button type="button" className="ghost" onClick={onRemove}>
          {t('common.remove')}
        </button>
      )}
      {errorsAt.map((path) => (
        <ErrorAt key={path} path={path} />
      ))}
    </div>
  );
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
  const form = useForm<Values>({ defaultValues: toForm(initial) });
  const closed = useFieldArray({ control: form.control, name: 'calendar.closedDates' });
  const shortened = useFieldArray({ control: form.control, name: 'calendar.shortenedDays' });
  const periods = useFieldArray({ control: form.control, name: 'calendar.periods' });
  const num = { valueAsNumber: true } as const;
  const minutes = { valueAsNumber: true, validate: { minutes: isMinutes } } as const;

  const submit = form.handleSubmit(async (value) => {
    try {
      await onSave(fromForm(value));
    } catch (e) {
      showServerErrors(form, e, t, formField);
    }
  });
  const watched = useWatch({ control: form.control, name: 'targets' });

  return (
    <Form form={form} onSubmit={submit} aria-label={t('sla.settingsTitle')}>
      <fieldset disabled={!editable || saving} className={editable ? 'plain' : 'plain read-only'}>
        <h2>{t('sla.targets')}</h2>
        <table className="table">
          <thead>
            <tr>
              {COLUMNS.map((k) => (
                <th key={k}>{t(k)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PRIORITY_CHOICES.map((p) => (
              <tr key={p}>
                <th scope="row">{t(`sla.priorities.${p}`)}</th>
                {TARGETS.map((target) => (
                  <td key={target}>
                    <input
                      type="number"
                      min={1}
                      aria-label={`${t(`sla.priorities.${p}`)}: ${t(`sla.${target}`)}`}
                      {...form.register(`targets.${p}.${target}`, minutes)}
                    />
                    {isMinutes(watched[p]?.[target]) && (
                      <small className="muted" data-testid="target-in-hours">
                        {' '}
                        {formatMinutes(watched[p][target], t('sla.hourUnit'))}
                      </small>
                    )}
                    <ErrorAt path={`targets.${p}.${target}`} />
                  </td>
                ))}
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
        <FormField
          label={t('sla.atRisk')}
          className="narrow-field"
          messages={WORDING}
          registration={form.register('atRiskPercent', num)}
        >
          {(c) => <input type="number" min={1} max={100} {...c} />}
        </FormField>

        <h2>{t('sla.hours')}</h2>
        <div className="row top">
          <FormField label={t('sla.open')} messages={WORDING} registration={form.register('calendar.open')}>
            {(c) => <input {...c} />}
          </FormField>
          <FormField label={t('sla.close')} messages={WORDING} registration={form.register('calendar.close')}>
            {(c) => <input {...c} />}
          </FormField>
        </div>

        <h3>{t('sla.closedDates')}</h3>
        {closed.fields.map((f, i) => (
          <ExceptionRow
            key={f.id}
            editable={editable}
            wrap={false}
            onRemove={() => closed.remove(i)}
            errorsAt={[`calendar.closedDates.${i}.value`]}
          >
            <input
              type="date"
              aria-label={t('sla.closedDate')}
              {...form.register(`calendar.closedDates.${i}.value`)}
            />
          </ExceptionRow>
        ))}
        {editable && (
          <button type="button" onClick={() => closed.append({ value: '' })}>
            {t('sla.addClosedDate')}
          </button>
        )}

        <h3>{t('sla.shortenedDays')}</h3>
        {shortened.fields.map((f, i) => (
          <ExceptionRow
            key={f.id}
            editable={editable}
            onRemove={() => shortened.remove(i)}
            errorsAt={[`calendar.shortenedDays.${i}.date`, `calendar.shortenedDays.${i}.close`]}
          >
            <input
              type="date"
              aria-label={t('sla.date')}
              {...form.register(`calendar.shortenedDays.${i}.date`)}
            />
            <HoursAndLabel at={`calendar.shortenedDays.${i}`} />
          </ExceptionRow>
        ))}
        {editable && (
          <button
            type="button"
            onClick={() => shortened.append({ date: '', open: '08:00', close: '12:00', label: '' })}
          >
            {t('sla.addShortenedDay')}
          </button>
        )}

        <h3>{t('sla.periods')}</h3>
        {periods.fields.map((f, i) => (
          <ExceptionRow
            key={f.id}
            editable={editable}
            onRemove={() => periods.remove(i)}
            errorsAt={[`calendar.periods.${i}.to`, `calendar.periods.${i}`]}
          >
            <input type="date" aria-label={t('sla.from')} {...form.register(`calendar.periods.${i}.from`)} />
            <input type="date" aria-label={t('sla.to')} {...form.register(`calendar.periods.${i}.to`)} />
            <HoursAndLabel at={`calendar.periods.${i}`} />
          </ExceptionRow>
        ))}
        {editable && (
          <button
            type="button"
            onClick={() => periods.append({ from: '', to: '', open: '08:00', close: '15:00', label: '' })}
          >
            {t('sla.addPeriod')}
          </button>
        )}
        <FormError message={form.formState.errors.root?.message} />
        {editable && (
          <div className="row end">
            <button type="submit" className="primary">
              {t('sla.save')}
            </button>
          </div>
        )}
      </fieldset>
    </Form>
  );
}
