// What can be done to a ticket now, and nothing else: the life-cycle steps
// the shared rules allow from its state (lifecycle.refusal), assignment (to
// me, or to someone from the staff list), a priority change with its new
// deadlines, corrections to the reporter's and the case's details, and the short forms some steps need (agreed plan R10, temporary
// solution R12 for critical/high, resolution, reason to reopen).
import { useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Priority } from '../../../src-shared/sla/settings';
import {
  allowsTemporarySolution,
  refusal,
  type TicketClockFacts,
} from '../../../src-shared/tickets/lifecycle';
import {
  AGREED_WITH,
  ticketAgreedPlanArgs,
  ticketReopenArgs,
  ticketResolveArgs,
  ticketTemporarySolutionArgs,
} from '../../../src-shared/tickets/schemas';
import type { SignedInUser } from '../../app/account';
import { errorMessage } from '../../app/errors';
import { useTRPC } from '../../app/trpc';
import { PriorityPicker } from '../sla/PriorityPicker';
import { EditDetailsForm } from './EditDetailsForm';
import { Field, FieldMessage, showServerErrors } from './formErrors';
import type { FullTicket } from './types';
import { useTicketMutations } from './useTicketMutations';

type Panel = 'agreedPlan' | 'temporarySolution' | 'resolve' | 'reopen' | 'priority' | 'details' | null;
type Mutations = ReturnType<typeof useTicketMutations>;

export function TicketActions({
  ticket,
  facts,
  user,
}: {
  ticket: FullTicket;
  facts: TicketClockFacts;
  user: SignedInUser;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const m = useTicketMutations();
  const staff = useQuery(trpc.tickets.staff.queryOptions(undefined, { staleTime: 60_000 }));
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const allowed = (a: Parameters<typeof refusal>[1]) => refusal(facts, a) === null;
  const closed = ticket.status === 'closed';
  const id = ticket.id;
  const onError = (e: unknown) => setNotice(errorMessage(e, t));
  const toggle = (p: Panel) => {
    setNotice(null);
    setPanel((cur) => (cur === p ? null : p));
  };
  const done = () => {
    setPanel(null);
    setNotice(null);
  };
  const busy = Object.values(m).some((x) => x.isPending);
  const assign = (assigneeId: string | null, assigneeName: string | null) =>
    m.assign.mutate({ ticketId: id, assigneeId, assigneeName }, { onSuccess: done, onError });
  const people = (staff.data?.staff ?? []).filter((s) => s.role !== 'admin');

  return (
    <div className="ticket-actions">
      <div className="row wrap" role="toolbar" aria-label={t('tickets.actions.label')}>
        {allowed('start') && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => m.start.mutate({ ticketId: id }, { onSuccess: done, onError })}
          >
            {t('tickets.actions.start')}
          </button>
        )}
        {allowed('resume') && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => m.resume.mutate({ ticketId: id }, { onSuccess: done, onError })}
          >
            {t('tickets.actions.resume')}
          </button>
        )}
        {allowed('agreedPlan') && (
          <button type="button" aria-expanded={panel === 'agreedPlan'} onClick={() => toggle('agreedPlan')}>
            {t('tickets.actions.agreedPlan')}
          </button>
        )}
        {allowed('temporarySolution') && allowsTemporarySolution(facts.priority) && (
          <button
            type="button"
            aria-expanded={panel === 'temporarySolution'}
            onClick={() => toggle('temporarySolution')}
          >
            {t('tickets.actions.temporarySolution')}
          </button>
        )}
        {allowed('resolve') && (
          <button type="button" aria-expanded={panel === 'resolve'} onClick={() => toggle('resolve')}>
            {t('tickets.actions.resolve')}
          </button>
        )}
        {allowed('close') && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => m.close.mutate({ ticketId: id }, { onSuccess: done, onError })}
          >
            {t('tickets.actions.close')}
          </button>
        )}
        {allowed('reopen') && (
          <button type="button" aria-expanded={panel === 'reopen'} onClick={() => toggle('reopen')}>
            {t('tickets.actions.reopen')}
          </button>
        )}
        {!closed && (
          <button type="button" aria-expanded={panel === 'priority'} onClick={() => toggle('priority')}>
            {t('tickets.actions.priority')}
          </button>
        )}
        {!closed && (
          <button type="button" aria-expanded={panel === 'details'} onClick={() => toggle('details')}>
            {t('tickets.actions.details')}
          </button>
        )}
        {!closed && <span className="toolbar-gap" />}
        {!closed && ticket.assigneeId !== user.id && (
          <button type="button" disabled={busy} onClick={() => assign(user.id, user.displayName)}>
            {t('tickets.actions.assignToMe')}
          </button>
        )}
        {!closed && (
          <label className="field inline">
            <span>{t('tickets.actions.assignTo')}</span>
            <select
              value={ticket.assigneeId ?? ''}
              disabled={busy}
              onChange={(e) => {
                const who = people.find((p) => p.id === e.target.value);
                assign(who?.id ?? null, who?.displayName ?? null);
              }}
            >
              <option value="">{t('tickets.actions.nobody')}</option>
              {ticket.assigneeId && !people.some((p) => p.id === ticket.assigneeId) && (
                <option value={ticket.assigneeId}>{ticket.assigneeName}</option>
              )}
              {(['agent', 'technician', 'team_lead'] as const).map((role) => {
                const group = people.filter((p) => p.role === role);
                return group.length === 0 ? null : (
                  <optgroup key={role} label={t(`roles.${role}`)}>
                    {group.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.displayName}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
            </select>
            {staff.data?.offline && <small className="hint">{t('tickets.actions.staffOffline')}</small>}
          </label>
        )}
      </div>
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      {panel === 'agreedPlan' && (
        <AgreedPlanForm ticket={ticket} m={m} onDone={done} onCancel={() => setPanel(null)} />
      )}
      {panel === 'temporarySolution' && (
        <TextStepForm
          k="temporaryDescription"
          field={ticketTemporarySolutionArgs.shape.description}
          serverName="description"
          title={t('tickets.temporary.title')}
          intro={t('tickets.temporary.intro')}
          label={t('tickets.temporary.description')}
          submit={t('tickets.temporary.submit')}
          pending={m.temporarySolution.isPending}
          run={(text, opts) => m.temporarySolution.mutate({ ticketId: id, description: text }, opts)}
          onDone={done}
          onCancel={() => setPanel(null)}
        />
      )}
      {panel === 'resolve' && (
        <TextStepForm
          k="resolution"
          field={ticketResolveArgs.shape.resolution}
          serverName="resolution"
          title={t('tickets.resolve.title')}
          intro={t(ticket.notifyBy === 'none' ? 'tickets.resolve.introNoNotify' : 'tickets.resolve.intro')}
          label={t('tickets.resolve.resolution')}
          submit={t('tickets.resolve.submit')}
          pending={m.resolve.isPending}
          run={(text, opts) => m.resolve.mutate({ ticketId: id, resolution: text }, opts)}
          onDone={done}
          onCancel={() => setPanel(null)}
        />
      )}
      {panel === 'reopen' && (
        <TextStepForm
          k="reopenReason"
          field={ticketReopenArgs.shape.reason}
          serverName="reason"
          title={t('tickets.reopen.title')}
          intro={t('tickets.reopen.intro')}
          label={t('tickets.reopen.reason')}
          submit={t('tickets.reopen.submit')}
          pending={m.reopen.isPending}
          run={(text, opts) => m.reopen.mutate({ ticketId: id, reason: text }, opts)}
          onDone={done}
          onCancel={() => setPanel(null)}
        />
      )}
      {panel === 'priority' && (
        <PriorityForm ticket={ticket} m={m} onDone={done} onCancel={() => setPanel(null)} />
      )}
      {panel === 'details' && (
        <EditDetailsForm ticket={ticket} onDone={done} onCancel={() => setPanel(null)} />
      )}
    </div>
  );
}

/** Escape closes a panel without saving. */
function escapeTo(cancel: () => void) {
  return (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
  };
}

interface RunOpts {
  onSuccess(): void;
  onError(e: unknown): void;
}

/** A step that needs one text: the temporary solution, the resolution, or why it is reopened. */
function TextStepForm({
  k,
  field,
  serverName,
  title,
  intro,
  label,
  submit,
  pending,
  run,
  onDone,
  onCancel,
}: {
  k: string;
  field: z.ZodType<string, string>;
  serverName: string;
  title: string;
  intro: string;
  label: string;
  submit: string;
  pending: boolean;
  run(text: string, opts: RunOpts): void;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const form = useForm<{ text: string }>({
    resolver: zodResolver(z.object({ text: field })),
    defaultValues: { text: '' },
  });
  const send = form.handleSubmit((v) =>
    run(v.text, {
      onSuccess: onDone,
      onError: (e) => showServerErrors(form, e, t, ['text'], { [serverName]: 'text' }),
    }),
  );
  return (
    <form
      className="action-panel"
      onSubmit={send}
      onKeyDown={escapeTo(onCancel)}
      noValidate
      aria-label={title}
    >
      <h3>{title}</h3>
      <p className="muted small">{intro}</p>
      <label className="field">
        <span>
          {label} <abbr title={t('tickets.create.required')}>*</abbr>
        </span>
        <textarea
          rows={3}
          autoFocus
          {...form.register('text')}
          aria-required="true"
          aria-invalid={!!form.formState.errors.text}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
          }}
        />
        <FieldMessage error={form.formState.errors.text} k={k} />
      </label>
      {form.formState.errors.root && (
        <p className="notice" role="alert">
          {form.formState.errors.root.message}
        </p>
      )}
      <div className="row end">
        <button type="button" className="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={pending}>
          {submit} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </form>
  );
}

const agreedPlanForm = ticketAgreedPlanArgs
  .pick({ agreedWith: true, agreedWithName: true, plan: true })
  .extend({ newTargetDate: z.union([z.literal(''), z.iso.date()]) });
type AgreedPlanValues = z.input<typeof agreedPlanForm>;

/** R10: with whom the further plan was agreed, what, and an optional new target date. */
function AgreedPlanForm({
  ticket,
  m,
  onDone,
  onCancel,
}: {
  ticket: FullTicket;
  m: Mutations;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const form = useForm<AgreedPlanValues, unknown, z.output<typeof agreedPlanForm>>({
    resolver: zodResolver(agreedPlanForm),
    defaultValues: {
      agreedWith: 'reporter',
      agreedWithName: ticket.reporterName,
      plan: '',
      newTargetDate: '',
    },
  });
  const errors = form.formState.errors;
  const send = form.handleSubmit((v) =>
    m.agreedPlan.mutate(
      { ticketId: ticket.id, ...v, newTargetDate: v.newTargetDate || null },
      {
        onSuccess: onDone,
        onError: (e) =>
          showServerErrors(form, e, t, ['agreedWith', 'agreedWithName', 'plan', 'newTargetDate']),
      },
    ),
  );
  return (
    <form
      className="action-panel"
      onSubmit={send}
      onKeyDown={escapeTo(onCancel)}
      noValidate
      aria-label={t('tickets.plan.title')}
    >
      <h3>{t('tickets.plan.title')}</h3>
      <p className="muted small">{t('tickets.plan.intro')}</p>
      <fieldset className="field outcomes">
        <legend>{t('tickets.plan.agreedWith')}</legend>
        {AGREED_WITH.map((w) => (
          <label key={w} className="radio">
            <input
              type="radio"
              value={w}
              {...form.register('agreedWith', {
                onChange: (e: { target: { value: string } }) => {
                  if (e.target.value === 'reporter') form.setValue('agreedWithName', ticket.reporterName);
                  else if (form.getValues('agreedWithName') === ticket.reporterName)
                    form.setValue('agreedWithName', '');
                },
              })}
            />{' '}
            {t(`tickets.agreedWith.${w}`)}
          </label>
        ))}
      </fieldset>
      <div className="grid2">
        <label className="field">
          <span>
            {t('tickets.plan.name')} <abbr title={t('tickets.create.required')}>*</abbr>
          </span>
          <input
            {...form.register('agreedWithName')}
            aria-required="true"
            aria-invalid={!!errors.agreedWithName}
          />
          <FieldMessage error={errors.agreedWithName} k="agreedWithName" />
        </label>
        <Field label={t('tickets.plan.newTargetDate')} error={errors.newTargetDate} k="newTargetDate">
          <input type="date" {...form.register('newTargetDate')} aria-invalid={!!errors.newTargetDate} />
        </Field>
      </div>
      <label className="field">
        <span>
          {t('tickets.plan.plan')} <abbr title={t('tickets.create.required')}>*</abbr>
        </span>
        <textarea
          rows={3}
          autoFocus
          {...form.register('plan')}
          aria-required="true"
          aria-invalid={!!errors.plan}
        />
        <FieldMessage error={errors.plan} k="plan" />
      </label>
      {errors.root && (
        <p className="notice" role="alert">
          {errors.root.message}
        </p>
      )}
      <div className="row end">
        <button type="button" className="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={m.agreedPlan.isPending}>
          {t('tickets.plan.submit')}
        </button>
      </div>
    </form>
  );
}

/** A new priority, with the deadlines it gives counted from when the ticket was opened. */
function PriorityForm({
  ticket,
  m,
  onDone,
  onCancel,
}: {
  ticket: FullTicket;
  m: Mutations;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [priority, setPriority] = useState<Priority>(ticket.priority as Priority);
  const [error, setError] = useState<string | null>(null);
  const onTemporary = ticket.status === 'temporary_solution';
  return (
    <form
      className="action-panel"
      aria-label={t('tickets.priority.title')}
      onKeyDown={escapeTo(onCancel)}
      onSubmit={(e) => {
        e.preventDefault();
        if (priority === ticket.priority) return onDone();
        m.edit.mutate(
          { ticketId: ticket.id, priority },
          { onSuccess: onDone, onError: (err) => setError(errorMessage(err, t)) },
        );
      }}
    >
      <h3>{t('tickets.priority.title')}</h3>
      <p className="muted small">
        {t(onTemporary ? 'tickets.priority.introTemporary' : 'tickets.priority.intro')}
      </p>
      <PriorityPicker value={priority} onChange={setPriority} openedAt={ticket.createdAt} />
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      <div className="row end">
        <button type="button" className="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={m.edit.isPending}>
          {t('tickets.priority.submit')}
        </button>
      </div>
    </form>
  );
}
