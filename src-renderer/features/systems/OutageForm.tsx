// Recording or changing an outage (R20–R24): what is down, which systems at
// which customers (none named: all that use them), from when to when (no end:
// still going on), planned or not, its cause (the excluded ones marked, R22),
// and for planned downtime when it was announced, with a warning as one types
// when that is under 3 days before the start and the reason then required (R24).
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { causeCounts, OUTAGE_CAUSES } from '../../../src-shared/systems/outages';
import { ChoiceField, Form, FormButtons, FormError, FormField } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { CauseOptions } from './causes';
import { CheckList } from './CheckList';
import { useCustomers, useSystemList } from './lookups';
import { showRefusal } from './refusal';
import { AnnouncementFields, checkAnnouncement } from './Announcement';
import type { OutageCard } from './types';
import { inputToInstant, instantToInput, newId, nowInput } from './when';

const KINDS = ['unplanned', 'planned'] as const;

const outageForm = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000),
    systemIds: z.array(z.string()).min(1),
    customerIds: z.array(z.string()),
    startsAt: z.string().min(1),
    endsAt: z.string(),
    kind: z.enum(KINDS),
    cause: z.enum(OUTAGE_CAUSES),
    announcedAt: z.string(),
    shortNoticeReason: z.string().trim().max(1000),
  })
  .superRefine((v, ctx) => {
    const s = inputToInstant(v.startsAt);
    const e = inputToInstant(v.endsAt);
    if (s && e && Date.parse(e) <= Date.parse(s))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Ends before it starts' });
    if (v.kind === 'planned') checkAnnouncement(v, ctx);
  });
type OutageValues = z.infer<typeof outageForm>;
const FIELDS = [
  'title',
  'description',
  'systemIds',
  'customerIds',
  'startsAt',
  'endsAt',
  'cause',
  'announcedAt',
  'shortNoticeReason',
];

function initialValues(o: OutageCard | null, systemId: string | null): OutageValues {
  return {
    title: o?.title ?? '',
    description: o?.description ?? '',
    systemIds: o ? [...o.systemIds] : systemId ? [systemId] : [],
    customerIds: o ? [...o.customerIds] : [],
    startsAt: instantToInput(o?.startsAt),
    endsAt: instantToInput(o?.endsAt),
    kind: o?.planned ? 'planned' : 'unplanned',
    cause: (o?.cause as OutageValues['cause']) ?? 'unknown',
    announcedAt: instantToInput(o?.announcedAt),
    shortNoticeReason: o?.shortNoticeReason ?? '',
  };
}

/** The outage's fields as the desk takes them. */
function fieldsOf(v: OutageValues) {
  const planned = v.kind === 'planned';
  return {
    title: v.title,
    description: v.description || null,
    systemIds: v.systemIds,
    customerIds: v.customerIds,
    startsAt: inputToInstant(v.startsAt)!,
    endsAt: inputToInstant(v.endsAt),
    planned,
    cause: v.cause,
    announcedAt: planned ? inputToInstant(v.announcedAt) : null,
    shortNoticeReason: planned ? v.shortNoticeReason || null : null,
  };
}

/** Only what changed, so two desks editing different fields both keep theirs. */
function patchOf(before: ReturnType<typeof fieldsOf>, after: ReturnType<typeof fieldsOf>) {
  const patch: Partial<ReturnType<typeof fieldsOf>> = {};
  for (const key of Object.keys(after) as Array<keyof typeof after>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      (patch as Record<string, unknown>)[key] = after[key];
    }
  }
  return patch;
}

export function OutageForm({
  outage,
  systemId = null,
  onDone,
}: {
  /** The outage to change; null to record a new one. */
  outage: OutageCard | null;
  /** A new outage's system, chosen beforehand (from the system's page). */
  systemId?: string | null;
  /** The outage's id once saved; null when cancelled. */
  onDone(id: string | null): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const systems = useSystemList();
  const customers = useCustomers();
  const initial = initialValues(outage, systemId);
  const form = useForm<OutageValues>({ resolver: zodResolver(outageForm), defaultValues: initial });
  const [kind, cause, announcedAt, startsAt, chosen] = useWatch({
    control: form.control,
    name: ['kind', 'cause', 'announcedAt', 'startsAt', 'systemIds'],
  });
  const remote =
    chosen.length > 1 ? chosen.map((id) => systems.byId.get(id)).find((s) => s?.remoteAccess) : null;
  const record = useMutation(trpc.systems.recordOutage.mutationOptions());
  const edit = useMutation(trpc.systems.editOutage.mutationOptions());
  const submit = form.handleSubmit(async (v) => {
    try {
      if (outage) {
        const patch = patchOf(fieldsOf(initial), fieldsOf(v));
        if (Object.keys(patch).length > 0) await edit.mutateAsync({ outageId: outage.id, patch });
        onDone(outage.id);
      } else {
        const id = newId();
        await record.mutateAsync({ id, outage: fieldsOf(v) });
        onDone(id);
      }
    } catch (e) {
      showRefusal(form, e, t, FIELDS);
    }
  });
  return (
    <Form
      form={form}
      wording="systems.outageForm.errors"
      onSubmit={submit}
      className={outage ? 'subform' : undefined}
      aria-labelledby="outage-form-title"
    >
      <h2 id="outage-form-title">
        {outage ? t('systems.outageForm.editTitle', { title: outage.title }) : t('systems.outages.record')}
      </h2>
      <div className="form-grid">
        <FormField label={t('systems.outages.titleField')} required registration={form.register('title')}>
          {(c) => <input {...c} autoComplete="off" placeholder={t('systems.outageForm.titlePlaceholder')} />}
        </FormField>
        <FormField label={t('systems.fields.startsAt')} required registration={form.register('startsAt')}>
          {(c) => <input type="datetime-local" {...c} />}
        </FormField>
        <FormField
          label={t('systems.fields.endsAt')}
          hint={t('systems.outageForm.endHint')}
          registration={form.register('endsAt')}
        >
          {(c) => <input type="datetime-local" {...c} />}
        </FormField>
      </div>
      <FormField label={t('systems.outageForm.description')} registration={form.register('description')}>
        {(c) => <textarea rows={2} {...c} />}
      </FormField>
      <div className="grid2">
        <CheckList<OutageValues>
          name="systemIds"
          legend={t('systems.fields.systems')}
          options={systems.list
            .filter((s) => !s.retired || initial.systemIds.includes(s.id))
            .map((s) => ({
              value: s.id,
              label: s.name,
              note: s.remoteAccess ? t('systems.outageForm.remoteAccessNote') : undefined,
            }))}
          messages="systems.outageForm.errors.systemIds"
        />
        <CheckList<OutageValues>
          name="customerIds"
          legend={t('systems.fields.customers')}
          options={customers.list.map((c) => ({ value: c.id, label: c.name }))}
          hint={t('systems.outageForm.customersHint')}
        />
      </div>
      {remote && (
        <p className="notice" role="status">
          {t('systems.outageForm.remoteAccessAlone', { name: remote.name })}
        </p>
      )}
      <div className="grid2">
        <ChoiceField
          legend={t('systems.outages.kind')}
          options={KINDS}
          labels="systems.outages"
          registration={form.register('kind', {
            // Planned downtime says when it was announced (R24): now, unless typed.
            onChange: (e: { target: { value: string } }) => {
              if (e.target.value === 'planned' && !form.getValues('announcedAt'))
                form.setValue('announcedAt', nowInput());
            },
          })}
        />
        <FormField
          label={t('systems.outages.cause')}
          required
          hint={t(causeCounts(cause) ? 'systems.causes.countsHint' : 'systems.causes.excludedHint')}
          registration={form.register('cause')}
        >
          {(c) => (
            <select {...c}>
              <CauseOptions />
            </select>
          )}
        </FormField>
      </div>
      {kind === 'planned' && (
        <fieldset className="field planned-fields">
          <legend>{t('systems.outageForm.plannedTitle')}</legend>
          <AnnouncementFields
            announcedAt={announcedAt}
            startsAt={startsAt}
            announcedRegistration={form.register('announcedAt')}
            reasonRegistration={form.register('shortNoticeReason')}
          />
        </fieldset>
      )}
      <FormError message={form.formState.errors.root?.message} />
      <FormButtons pending={record.isPending || edit.isPending} onCancel={() => onDone(null)}>
        {t(outage ? 'common.save' : 'systems.outageForm.submit')}
      </FormButtons>
    </Form>
  );
}
