// A system's maintenance windows (R20, R24): the fixed weekly window
// (weekday, start, end, the days it applies, agreed with the system owner)
// and a one-off window (start, end, agreed with, when it was announced, and
// the reason when that was less than 3 days ahead: warned as one types).
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Form, FormButtons, FormError, FormField } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { showRefusal } from './refusal';
import { AnnouncementFields, checkAnnouncement } from './Announcement';
import { weekdayNames } from './weekdays';
import { inputToInstant, newId, nowInput, todayDay } from './when';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const weeklyForm = z
  .object({
    weekday: z.string().regex(/^[1-7]$/),
    start: hhmm,
    end: hhmm,
    validFrom: z.string().min(1),
    validUntil: z.string(),
    agreedWithName: z.string().trim().min(1).max(120),
    note: z.string().trim().max(1000),
  })
  .superRefine((v, ctx) => {
    if (v.start === v.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Same as the start' });
    if (v.validUntil && v.validUntil < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'Before it applies' });
  });
type WeeklyValues = z.infer<typeof weeklyForm>;
const WEEKLY_FIELDS = ['weekday', 'start', 'end', 'validFrom', 'validUntil', 'agreedWithName', 'note'];

const onceForm = z
  .object({
    startsAt: z.string().min(1),
    endsAt: z.string().min(1),
    agreedWithName: z.string().trim().min(1).max(120),
    announcedAt: z.string().min(1),
    shortNoticeReason: z.string().trim().max(1000),
    note: z.string().trim().max(1000),
  })
  .superRefine((v, ctx) => {
    const s = inputToInstant(v.startsAt);
    const e = inputToInstant(v.endsAt);
    if (s && e && Date.parse(e) <= Date.parse(s))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Ends before it starts' });
    checkAnnouncement(v, ctx);
  });
type OnceValues = z.infer<typeof onceForm>;
const ONCE_FIELDS = ['startsAt', 'endsAt', 'agreedWithName', 'announcedAt', 'shortNoticeReason', 'note'];

interface WindowFormProps {
  systemId: string;
  /** The system owner(s), to prefill "agreed with" (R24). */
  ownerName: string;
  onDone(): void;
}

export function WeeklyWindowForm({ systemId, ownerName, onDone }: WindowFormProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const form = useForm<WeeklyValues>({
    resolver: zodResolver(weeklyForm),
    defaultValues: {
      weekday: '2',
      start: '22:00',
      end: '02:00',
      validFrom: todayDay(),
      validUntil: '',
      agreedWithName: ownerName,
      note: '',
    },
  });
  const save = useMutation(trpc.systems.saveWindow.mutationOptions());
  const submit = form.handleSubmit(async (v) => {
    try {
      await save.mutateAsync({
        id: newId(),
        systemId,
        window: {
          kind: 'weekly',
          weekday: Number(v.weekday),
          start: v.start,
          end: v.end,
          validFrom: v.validFrom,
          validUntil: v.validUntil || null,
          agreedWithName: v.agreedWithName,
          note: v.note || null,
        },
      });
      onDone();
    } catch (e) {
      showRefusal(form, e, t, WEEKLY_FIELDS);
    }
  });
  const days = weekdayNames(i18n.language);
  return (
    <Form
      form={form}
      wording="systems.windowForm.errors"
      onSubmit={submit}
      className="subform"
      aria-labelledby="weekly-form-title"
    >
      <h3 id="weekly-form-title">{t('systems.windows.addWeekly')}</h3>
      <p className="muted small">{t('systems.windows.weeklyIntro')}</p>
      <div className="form-grid">
        <FormField label={t('systems.windows.weekday')} required registration={form.register('weekday')}>
          {(c) => (
            <select {...c}>
              {days.map((d, i) => (
                <option key={d} value={String(i + 1)}>
                  {d}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('systems.windows.start')} required registration={form.register('start')}>
          {(c) => <input type="time" {...c} />}
        </FormField>
        <FormField
          label={t('systems.windows.end')}
          required
          hint={t('systems.windows.endHint')}
          registration={form.register('end')}
        >
          {(c) => <input type="time" {...c} />}
        </FormField>
        <FormField label={t('systems.windows.validFrom')} required registration={form.register('validFrom')}>
          {(c) => <input type="date" {...c} />}
        </FormField>
        <FormField
          label={t('systems.windows.validUntil')}
          hint={t('systems.windows.validUntilHint')}
          registration={form.register('validUntil')}
        >
          {(c) => <input type="date" {...c} />}
        </FormField>
        <FormField
          label={t('systems.windows.agreedWith')}
          required
          hint={t('systems.windows.agreedWithHint')}
          registration={form.register('agreedWithName')}
        >
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
      </div>
      <FormField label={t('systems.windows.note')} registration={form.register('note')}>
        {(c) => <input {...c} autoComplete="off" />}
      </FormField>
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={save.isPending} onCancel={onDone}>
        {t('common.save')}
      </FormButtons>
    </Form>
  );
}

export function OnceWindowForm({ systemId, ownerName, onDone }: WindowFormProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useForm<OnceValues>({
    resolver: zodResolver(onceForm),
    defaultValues: {
      startsAt: '',
      endsAt: '',
      agreedWithName: ownerName,
      announcedAt: nowInput(),
      shortNoticeReason: '',
      note: '',
    },
  });
  const [announcedAt, startsAt] = useWatch({ control: form.control, name: ['announcedAt', 'startsAt'] });
  const save = useMutation(trpc.systems.saveWindow.mutationOptions());
  const submit = form.handleSubmit(async (v) => {
    try {
      await save.mutateAsync({
        id: newId(),
        systemId,
        window: {
          kind: 'once',
          startsAt: inputToInstant(v.startsAt)!,
          endsAt: inputToInstant(v.endsAt)!,
          agreedWithName: v.agreedWithName,
          announcedAt: inputToInstant(v.announcedAt)!,
          shortNoticeReason: v.shortNoticeReason || null,
          note: v.note || null,
        },
      });
      onDone();
    } catch (e) {
      showRefusal(form, e, t, ONCE_FIELDS);
    }
  });
  return (
    <Form
      form={form}
      wording="systems.windowForm.errors"
      onSubmit={submit}
      className="subform"
      aria-labelledby="once-form-title"
    >
      <h3 id="once-form-title">{t('systems.windows.addOnce')}</h3>
      <div className="form-grid">
        <FormField label={t('systems.fields.startsAt')} required registration={form.register('startsAt')}>
          {(c) => <input type="datetime-local" {...c} />}
        </FormField>
        <FormField label={t('systems.fields.endsAt')} required registration={form.register('endsAt')}>
          {(c) => <input type="datetime-local" {...c} />}
        </FormField>
        <FormField
          label={t('systems.windows.agreedWith')}
          required
          hint={t('systems.windows.agreedWithHint')}
          registration={form.register('agreedWithName')}
        >
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
      </div>
      <AnnouncementFields
        announcedAt={announcedAt}
        startsAt={startsAt}
        announcedRegistration={form.register('announcedAt')}
        reasonRegistration={form.register('shortNoticeReason')}
      />
      <FormField label={t('systems.windows.note')} registration={form.register('note')}>
        {(c) => <input {...c} autoComplete="off" />}
      </FormField>
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={save.isPending} onCancel={onDone}>
        {t('common.save')}
      </FormButtons>
    </Form>
  );
}
