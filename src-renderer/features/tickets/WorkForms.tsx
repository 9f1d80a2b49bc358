// Recording work on a ticket, one tab each: an internal note, an update the
// reporter is sent (R6/R9), an answer given outside the desk (R8: the first
// one meets the response target), a remote session and an on-site visit
// (R11). Times are typed in Oslo time ("14:05" is today).
import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatPhone } from '../../../src-shared/phone';
import {
  RESPONSE_CHANNELS,
  onSiteVisitSchema,
  remoteSessionSchema,
  ticketNoteArgs,
  ticketRespondArgs,
} from '../../../src-shared/tickets/schemas';
import type { SignedInUser } from '../../app/account';
import { formatMinutes } from '../../app/format';
import { Field, FieldMessage, Req, showServerErrors } from './formErrors';
import { parseWhen } from './text';
import type { FullTicket } from './types';
import { useTicketMutations } from './useTicketMutations';

const TABS = ['internal', 'reporter', 'respond', 'remote', 'onSite'] as const;
type Tab = (typeof TABS)[number];
type Mutations = ReturnType<typeof useTicketMutations>;

export function WorkForms({ ticket, user }: { ticket: FullTicket; user: SignedInUser }) {
  const { t } = useTranslation();
  const m = useTicketMutations();
  const [tab, setTab] = useState<Tab>('internal');
  const [saved, setSaved] = useState<string | null>(null);
  const onSaved = (what: Tab) => setSaved(t(`tickets.work.saved.${what}`));
  return (
    <section className="card" aria-labelledby="work-title">
      <h2 id="work-title">{t('tickets.work.title')}</h2>
      <div className="tabs" role="tablist" aria-label={t('tickets.work.title')}>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`work-tab-${k}`}
            aria-selected={tab === k}
            aria-controls="work-panel"
            className={`tab${tab === k ? ' active' : ''}`}
            onClick={() => {
              setTab(k);
              setSaved(null);
            }}
          >
            {t(`tickets.work.tabs.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="work-panel" aria-labelledby={`work-tab-${tab}`} className="work-panel">
        {tab === 'internal' && (
          <NoteForm
            key="internal"
            ticket={ticket}
            m={m}
            visibility="internal"
            onSaved={() => onSaved('internal')}
          />
        )}
        {tab === 'reporter' && (
          <NoteForm
            key="reporter"
            ticket={ticket}
            m={m}
            visibility="reporter"
            onSaved={() => onSaved('reporter')}
          />
        )}
        {tab === 'respond' && <RespondForm ticket={ticket} m={m} onSaved={() => onSaved('respond')} />}
        {tab === 'remote' && <RemoteSessionForm ticket={ticket} m={m} onSaved={() => onSaved('remote')} />}
        {tab === 'onSite' && (
          <OnSiteForm ticket={ticket} user={user} m={m} onSaved={() => onSaved('onSite')} />
        )}
        {saved && (
          <p className="success" role="status">
            {saved}
          </p>
        )}
      </div>
    </section>
  );
}

function RootError<T extends FieldValues>({ form }: { form: UseFormReturn<T> }) {
  const root = form.formState.errors.root;
  return root ? (
    <p className="notice" role="alert">
      {root.message}
    </p>
  ) : null;
}

const noteForm = z.object({ text: ticketNoteArgs.shape.text });

function NoteForm({
  ticket,
  m,
  visibility,
  onSaved,
}: {
  ticket: FullTicket;
  m: Mutations;
  visibility: 'internal' | 'reporter';
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const form = useForm<{ text: string }>({ resolver: zodResolver(noteForm), defaultValues: { text: '' } });
  const send = form.handleSubmit((v) =>
    m.note.mutate(
      { ticketId: ticket.id, visibility, text: v.text },
      {
        onSuccess: () => {
          form.reset();
          onSaved();
        },
        onError: (e) => showServerErrors(form, e, t, ['text']),
      },
    ),
  );
  const k = visibility === 'reporter' ? 'reporterNote' : 'note';
  let where: string;
  if (visibility === 'internal') where = t('tickets.work.internalHint');
  else if (ticket.notifyBy === 'email')
    where = t('tickets.work.reporterByEmail', { to: ticket.reporterEmail });
  else if (ticket.notifyBy === 'sms')
    where = t('tickets.work.reporterBySms', { to: formatPhone(ticket.reporterPhone) });
  else where = t('tickets.work.reporterNotNotified');
  return (
    <form onSubmit={send} noValidate aria-label={t(`tickets.work.tabs.${visibility}`)}>
      <p className="muted small">
        {where}
        {visibility === 'reporter' && !ticket.respondedAt && ticket.notifyBy !== 'none'
          ? ` ${t('tickets.work.countsAsResponse')}`
          : ''}
      </p>
      <label className="field">
        <span>
          {t(`tickets.work.${k}`)} <Req />
        </span>
        <textarea
          rows={3}
          {...form.register('text')}
          aria-required="true"
          aria-invalid={!!form.formState.errors.text}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
          }}
        />
        <FieldMessage error={form.formState.errors.text} k={k} />
      </label>
      <RootError form={form} />
      <div className="row end">
        <button type="submit" className="primary" disabled={m.note.isPending}>
          {t(`tickets.work.submit.${visibility}`)} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </form>
  );
}

const respondForm = ticketRespondArgs.pick({ channel: true, text: true });

function RespondForm({ ticket, m, onSaved }: { ticket: FullTicket; m: Mutations; onSaved(): void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof respondForm>>({
    resolver: zodResolver(respondForm),
    defaultValues: { channel: 'phone', text: '' },
  });
  const send = form.handleSubmit((v) =>
    m.respond.mutate(
      { ticketId: ticket.id, ...v },
      {
        onSuccess: () => {
          form.reset();
          onSaved();
        },
        onError: (e) => showServerErrors(form, e, t, ['channel', 'text']),
      },
    ),
  );
  return (
    <form onSubmit={send} noValidate aria-label={t('tickets.work.tabs.respond')}>
      <p className="muted small">
        {t(ticket.respondedAt ? 'tickets.work.respondHintLater' : 'tickets.work.respondHint')}
      </p>
      <fieldset className="field outcomes">
        <legend>{t('tickets.work.channel')}</legend>
        {RESPONSE_CHANNELS.map((c) => (
          <label key={c} className="radio">
            <input type="radio" value={c} {...form.register('channel')} />{' '}
            {t(`tickets.responseChannels.${c}`)}
          </label>
        ))}
      </fieldset>
      <Field
        label={t('tickets.work.respondText')}
        required
        error={form.formState.errors.text}
        k="respondText"
      >
        <textarea
          rows={3}
          {...form.register('text')}
          aria-required="true"
          aria-invalid={!!form.formState.errors.text}
        />
      </Field>
      <RootError form={form} />
      <div className="row end">
        <button type="submit" className="primary" disabled={m.respond.isPending}>
          {t('tickets.work.submit.respond')}
        </button>
      </div>
    </form>
  );
}

/** A time as typed: required, readable as "14:05" or "26.11.2026 14:05". */
const whenText = z
  .string()
  .trim()
  .min(1)
  .refine((v) => parseWhen(v, Date.now()) !== null);
/** Like whenText, but empty means now. */
const whenOrNow = z
  .string()
  .trim()
  .refine((v) => v === '' || parseWhen(v, Date.now()) !== null);

/** The two instants of a work record, or the field to blame. */
function timeSpan(
  start: string,
  end: string,
): { ok: true; start: string; end: string } | { ok: false; field: 'start' | 'end'; type: string } {
  const nowMs = Date.now();
  const s = parseWhen(start, nowMs)!;
  const e = end ? parseWhen(end, nowMs)! : new Date(nowMs).toISOString();
  if (Date.parse(s) > nowMs + 60_000) return { ok: false, field: 'start', type: 'future' };
  if (Date.parse(e) > nowMs + 60_000) return { ok: false, field: 'end', type: 'future' };
  if (e < s) return { ok: false, field: 'end', type: 'order' };
  return { ok: true, start: s, end: e };
}

const remote = remoteSessionSchema.shape;
const remoteForm = z.object({
  tool: remote.tool,
  startedAt: whenText,
  endedAt: whenOrNow,
  work: remote.work,
  result: remote.result,
});
type RemoteValues = z.input<typeof remoteForm>;
const REMOTE_TOOLS = ['BeyondTrust', 'TeamViewer', 'Microsoft Teams', 'Quick Assist', 'Remote Desktop (RDP)'];

function RemoteSessionForm({ ticket, m, onSaved }: { ticket: FullTicket; m: Mutations; onSaved(): void }) {
  const { t } = useTranslation();
  const form = useForm<RemoteValues>({
    resolver: zodResolver(remoteForm),
    defaultValues: { tool: '', startedAt: '', endedAt: '', work: '', result: '' },
  });
  const errors = form.formState.errors;
  const send = form.handleSubmit((v) => {
    const span = timeSpan(v.startedAt, v.endedAt);
    if (!span.ok) return form.setError(span.field === 'start' ? 'startedAt' : 'endedAt', { type: span.type });
    m.work.mutate(
      {
        ticketId: ticket.id,
        work: {
          kind: 'remote_session',
          remote: { tool: v.tool, startedAt: span.start, endedAt: span.end, work: v.work, result: v.result },
        },
      },
      {
        onSuccess: () => {
          form.reset();
          onSaved();
        },
        onError: (e) => showServerErrors(form, e, t, ['tool', 'startedAt', 'endedAt', 'work', 'result']),
      },
    );
  });
  return (
    <form onSubmit={send} noValidate aria-label={t('tickets.work.tabs.remote')}>
      <p className="muted small">
        {t(ticket.status === 'new' ? 'tickets.work.startsTicket' : 'tickets.work.remoteHint')}
      </p>
      <div className="grid3">
        <Field label={t('tickets.work.tool')} required error={errors.tool} k="tool">
          <input
            {...form.register('tool')}
            list="remote-tools"
            autoComplete="off"
            aria-required="true"
            aria-invalid={!!errors.tool}
          />
          <datalist id="remote-tools">
            {REMOTE_TOOLS.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
        </Field>
        <Field label={t('tickets.work.startedAt')} required error={errors.startedAt} k="when">
          <input
            {...form.register('startedAt')}
            placeholder={t('tickets.work.timePlaceholder')}
            aria-required="true"
            aria-invalid={!!errors.startedAt}
          />
        </Field>
        <Field label={t('tickets.work.endedAt')} error={errors.endedAt} k="when">
          <input
            {...form.register('endedAt')}
            placeholder={t('tickets.work.nowPlaceholder')}
            aria-invalid={!!errors.endedAt}
          />
        </Field>
      </div>
      <Field label={t('tickets.work.work')} required error={errors.work} k="work">
        <textarea rows={3} {...form.register('work')} aria-required="true" aria-invalid={!!errors.work} />
      </Field>
      <Field label={t('tickets.work.result')} required error={errors.result} k="result">
        <input {...form.register('result')} aria-required="true" aria-invalid={!!errors.result} />
      </Field>
      <RootError form={form} />
      <div className="row end">
        <button type="submit" className="primary" disabled={m.work.isPending}>
          {t('tickets.work.submit.remote')}
        </button>
      </div>
    </form>
  );
}

const visit = onSiteVisitSchema.shape;
const onSiteForm = z.object({
  technicianName: visit.technicianName,
  location: visit.location,
  arrivedAt: whenText,
  departedAt: whenOrNow,
  travelMinutes: visit.travelMinutes,
  work: visit.work,
});
type OnSiteValues = z.input<typeof onSiteForm>;

function OnSiteForm({
  ticket,
  user,
  m,
  onSaved,
}: {
  ticket: FullTicket;
  user: SignedInUser;
  m: Mutations;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const initial: OnSiteValues = {
    technicianName: user.displayName,
    location: [ticket.workplace, ticket.customerName].filter(Boolean).join(', '),
    arrivedAt: '',
    departedAt: '',
    travelMinutes: 0,
    work: '',
  };
  const form = useForm<OnSiteValues>({ resolver: zodResolver(onSiteForm), defaultValues: initial });
  const errors = form.formState.errors;
  const travel = useWatch({ control: form.control, name: 'travelMinutes' });
  const send = form.handleSubmit((v) => {
    const span = timeSpan(v.arrivedAt, v.departedAt);
    if (!span.ok)
      return form.setError(span.field === 'start' ? 'arrivedAt' : 'departedAt', { type: span.type });
    m.work.mutate(
      {
        ticketId: ticket.id,
        work: {
          kind: 'on_site_visit',
          visit: {
            technicianName: v.technicianName,
            location: v.location,
            arrivedAt: span.start,
            departedAt: span.end,
            travelMinutes: v.travelMinutes,
            work: v.work,
          },
        },
      },
      {
        onSuccess: () => {
          form.reset(initial);
          onSaved();
        },
        onError: (e) =>
          showServerErrors(form, e, t, [
            'technicianName',
            'location',
            'arrivedAt',
            'departedAt',
            'travelMinutes',
            'work',
          ]),
      },
    );
  });
  return (
    <form onSubmit={send} noValidate aria-label={t('tickets.work.tabs.onSite')}>
      <p className="muted small">
        {t(ticket.status === 'new' ? 'tickets.work.startsTicket' : 'tickets.work.onSiteHint')}
      </p>
      <div className="grid2">
        <Field label={t('tickets.work.technician')} required error={errors.technicianName} k="technicianName">
          <input
            {...form.register('technicianName')}
            aria-required="true"
            aria-invalid={!!errors.technicianName}
          />
        </Field>
        <Field label={t('tickets.work.location')} required error={errors.location} k="location">
          <input {...form.register('location')} aria-required="true" aria-invalid={!!errors.location} />
        </Field>
      </div>
      <div className="grid3">
        <Field label={t('tickets.work.arrivedAt')} required error={errors.arrivedAt} k="when">
          <input
            {...form.register('arrivedAt')}
            placeholder={t('tickets.work.timePlaceholder')}
            aria-required="true"
            aria-invalid={!!errors.arrivedAt}
          />
        </Field>
        <Field label={t('tickets.work.departedAt')} error={errors.departedAt} k="when">
          <input
            {...form.register('departedAt')}
            placeholder={t('tickets.work.nowPlaceholder')}
            aria-invalid={!!errors.departedAt}
          />
        </Field>
        <Field
          label={t('tickets.work.travelMinutes')}
          required
          error={errors.travelMinutes}
          k="travelMinutes"
        >
          <input
            type="number"
            min={0}
            max={1440}
            step={5}
            {...form.register('travelMinutes', { valueAsNumber: true })}
            aria-required="true"
            aria-invalid={!!errors.travelMinutes}
            aria-describedby="travel-hint"
          />
          <small id="travel-hint" className="hint">
            {Number.isFinite(travel) && travel >= 60
              ? t('tickets.work.travelShort', { time: formatMinutes(travel, t('sla.hourUnit')) })
              : '\u00a0'}
          </small>
        </Field>
      </div>
      <Field label={t('tickets.work.work')} required error={errors.work} k="work">
        <textarea rows={3} {...form.register('work')} aria-required="true" aria-invalid={!!errors.work} />
      </Field>
      <RootError form={form} />
      <div className="row end">
        <button type="submit" className="primary" disabled={m.work.isPending}>
          {t('tickets.work.submit.onSite')}
        </button>
      </div>
    </form>
  );
}
