// The reporter's and the case's fields of a ticket (R5), shared by the form
// that creates a ticket and the one that corrects it. They read their form
// from react-hook-form's context, so each form keeps its own schema and
// submit; a required field is marked, and its error shows beneath it
// (worded by tickets.errors.<field>: the forms' wording). The system is one
// of the register's (its id kept in systemId) or free text (issue 16), and
// the kind says whether the ticket is a data restore (R13).
import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { TICKET_KINDS } from '../../../src-shared/systems/restore';
import {
  NOTIFY_CHANNELS,
  TICKET_CATEGORIES,
  type NotifyChannel,
  type ticketDetailsInput,
} from '../../../src-shared/tickets/schemas';
import { ChoiceField, CustomerFields, FormField, OptionList } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { useRegisterSystems } from './systemLinks/useSystemLinks';

export type DetailsInput = z.input<typeof ticketDetailsInput>;

/** The wording of the ticket forms' errors: `tickets.errors.<field>.<code>`. */
export const TICKET_WORDING = 'tickets.errors';

/**
 * R13 on the form, before the desk says it: a data restore names a system from the register. The
 * issue is the kind's (the system's own wording is about an empty field).
 */
export function restoreNeedsSystem(
  v: { kind?: string; systemId?: string | null },
  ctx: z.core.$RefinementCtx,
): void {
  if (v.kind === 'dataRestore' && !v.systemId) {
    ctx.addIssue({
      code: 'custom',
      path: ['kind'],
      message: 'A data restore must name a system from the register',
    });
  }
}

/**
 * The ways to notify a reporter the desk offers. There is no SMS gateway in this product (a message
 * by SMS would only ever be "Ikke sendt"), so SMS is not offered; a ticket that already has it keeps
 * showing it, and keeps it until someone picks another way.
 */
export function offeredNotifyChannels(current: string | undefined): NotifyChannel[] {
  return NOTIFY_CHANNELS.filter((c) => c !== 'sms' || current === 'sms');
}

/** E-mail where there is an address, otherwise no messages. */
export function defaultNotifyBy(email: string | null | undefined): NotifyChannel {
  return email?.trim() ? 'email' : 'none';
}

/**
 * Name, phone, e-mail, customer, workplace and how to notify. With `notifyFollowsEmail`, typing an
 * e-mail address picks e-mail as the way to notify until the agent picks one themselves.
 */
export function ReporterFields({ notifyFollowsEmail = false }: { notifyFollowsEmail?: boolean }) {
  const { t } = useTranslation();
  const form = useFormContext<DetailsInput>();
  const notifyBy = useWatch({ control: form.control, name: 'notifyBy' });
  const [notifyChosen, setNotifyChosen] = useState(!notifyFollowsEmail);
  const followEmail = (e: { target: { value: string } }) => {
    if (!notifyChosen) form.setValue('notifyBy', defaultNotifyBy(e.target.value), { shouldDirty: true });
  };
  return (
    <fieldset className="plain">
      <legend className="section-legend">{t('tickets.create.reporter')}</legend>
      <FormField
        label={t('tickets.fields.reporterName')}
        required
        registration={form.register('reporterName')}
      >
        {(c) => <input {...c} autoComplete="off" />}
      </FormField>
      <div className="grid2">
        <FormField
          label={t('tickets.fields.reporterPhone')}
          required
          registration={form.register('reporterPhone')}
        >
          {(c) => <input {...c} inputMode="tel" autoComplete="off" />}
        </FormField>
        <FormField
          label={t('tickets.fields.reporterEmail')}
          registration={form.register('reporterEmail', { onChange: followEmail })}
        >
          {(c) => <input {...c} type="email" autoComplete="off" />}
        </FormField>
      </div>
      <div className="grid2">
        <CustomerFields labels="tickets.fields" listId="ticket-workplaces" required />
      </div>
      <ChoiceField
        legend={t('tickets.fields.notifyBy')}
        options={offeredNotifyChannels(form.formState.defaultValues?.notifyBy)}
        labels="tickets.notify"
        registration={form.register('notifyBy', { onChange: () => setNotifyChosen(true) })}
      >
        {notifyBy === 'sms' && <small className="hint">{t('tickets.messages.smsNoGatewayHint')}</small>}
      </ChoiceField>
    </fieldset>
  );
}

/** Title, description, system, category and device; `channel` is the creating form's own field. */
export function CaseFields({ channel }: { channel?: ReactNode }) {
  const { t } = useTranslation();
  const form = useFormContext<DetailsInput>();
  return (
    <fieldset className="plain">
      <legend className="section-legend">{t('tickets.create.case')}</legend>
      <FormField label={t('tickets.fields.titleOptional')} registration={form.register('title')}>
        {(c) => <input {...c} autoComplete="off" />}
      </FormField>
      <FormField label={t('tickets.fields.description')} required registration={form.register('description')}>
        {(c) => <textarea rows={5} {...c} />}
      </FormField>
      <div className="grid2">
        <SystemField />
        <FormField label={t('tickets.fields.category')} required registration={form.register('category')}>
          {(c) => (
            <select {...c}>
              <OptionList values={TICKET_CATEGORIES} labels="tickets.categories" />
            </select>
          )}
        </FormField>
      </div>
      <KindField />
      <div className="grid2">
        {channel}
        <FormField label={t('tickets.fields.deviceOptional')} registration={form.register('device')}>
          {(c) => <input {...c} autoComplete="off" />}
        </FormField>
      </div>
    </fieldset>
  );
}

/**
 * The affected system: the register's systems are offered with the names seen on tickets so far.
 * Choosing (or typing) a register system's name sets systemId and writes the name as the register
 * spells it; any other text is free text and clears systemId.
 */
function SystemField() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useFormContext<DetailsInput>();
  const known = useQuery(trpc.tickets.systems.queryOptions());
  const register = useRegisterSystems();
  const [system, systemId] = useWatch({ control: form.control, name: ['system', 'systemId'] });
  const byName = new Map(register.map((s) => [s.name.trim().toLocaleLowerCase('nb'), s]));
  const chosen = systemId ? register.find((s) => s.id === systemId) : undefined;
  const others = (known.data ?? []).filter((n) => !byName.has(n.trim().toLocaleLowerCase('nb')));
  const follow = (e: { target: { value: string } }) => {
    const match = byName.get(e.target.value.trim().toLocaleLowerCase('nb'));
    const id = match?.id ?? null;
    if (id !== (form.getValues('systemId') ?? null)) form.setValue('systemId', id, { shouldDirty: true });
    if (match && e.target.value !== match.name) form.setValue('system', match.name, { shouldDirty: true });
    if (form.getFieldState('kind').error) void form.trigger('kind');
  };
  let hint: ReactNode = null;
  if (systemId) {
    hint = (
      <span data-testid="system-from-register">
        {t('ticketSystems.field.fromRegister', { name: chosen?.name ?? system })}
      </span>
    );
  } else if (system?.trim()) {
    hint = <span data-testid="system-free-text">{t('ticketSystems.field.freeText')}</span>;
  }
  return (
    <FormField
      label={t('tickets.fields.system')}
      required
      hint={hint}
      registration={form.register('system', { onChange: follow })}
    >
      {(c) => (
        <>
          <input {...c} list="ticket-systems" autoComplete="off" />
          <datalist id="ticket-systems">
            {register.map((s) => (
              <option key={s.id} value={s.name}>
                {t('ticketSystems.field.registerOption')}
              </option>
            ))}
            {others.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </>
      )}
    </FormField>
  );
}

/** A standard ticket, or a data restore (R13: it names a register system and waits for its owner). */
function KindField() {
  const { t } = useTranslation();
  const form = useFormContext<DetailsInput>();
  const kind = useWatch({ control: form.control, name: 'kind' });
  return (
    <ChoiceField
      legend={t('ticketSystems.kind.legend')}
      options={TICKET_KINDS}
      labels="ticketSystems.kinds"
      messages="ticketSystems.errors.kind"
      registration={form.register('kind', { onChange: () => void form.trigger('kind') })}
    >
      {kind === 'dataRestore' && <small className="hint">{t('ticketSystems.kind.restoreHint')}</small>}
    </ChoiceField>
  );
}
