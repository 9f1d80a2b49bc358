// Who has the ticket: taking it oneself, or giving it to someone from the staff list (by role).
// "Ta saken" on a ticket a colleague has asks first, naming them (issue 18): "Avbryt" has the
// focus, so Enter on a misclick does no harm; the history then says whose it was.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../../app/account';
import { Field, OptionList } from '../../../app/forms';
import { useTRPC } from '../../../app/trpc';
import { useModalDialog } from '../../../app/useModalDialog';
import type { FullTicket } from '../types';

const ROLES_WHO_TAKE_TICKETS = ['agent', 'technician', 'team_lead'] as const;

export function AssignAction({
  ticket,
  user,
  busy,
  assign,
}: {
  ticket: FullTicket;
  user: SignedInUser;
  /** Something is being saved: wait. */
  busy: boolean;
  assign(assigneeId: string | null, assigneeName: string | null): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const staff = useQuery(trpc.tickets.staff.queryOptions(undefined, { staleTime: 60_000 }));
  const people = (staff.data?.staff ?? []).filter((s) => s.role !== 'admin');
  const [asking, setAsking] = useState(false);
  const takeIt = () => assign(user.id, user.displayName);
  return (
    <>
      {ticket.assigneeId !== user.id && (
        <button
          type="button"
          disabled={busy}
          onClick={() => (ticket.assigneeId ? setAsking(true) : takeIt())}
        >
          {t('tickets.actions.assignToMe')}
        </button>
      )}
      {asking && (
        <ConfirmTake
          colleague={ticket.assigneeName ?? t('tickets.page.unassigned')}
          onConfirm={() => {
            setAsking(false);
            takeIt();
          }}
          onClose={() => setAsking(false)}
        />
      )}
      <Field
        label={t('tickets.actions.assignTo')}
        className="inline"
        hint={staff.data?.offline && t('tickets.actions.staffOffline')}
      >
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
          {ROLES_WHO_TAKE_TICKETS.map((role) => {
            const group = people.filter((p) => p.role === role);
            return group.length === 0 ? null : (
              <optgroup key={role} label={t(`roles.${role}`)}>
                <OptionList options={group.map((p) => ({ value: p.id, label: p.displayName }))} />
              </optgroup>
            );
          })}
        </select>
      </Field>
    </>
  );
}

/** "Ta saken" on a colleague's ticket: asked first, in a modal dialog. */
function ConfirmTake({
  colleague,
  onConfirm,
  onClose,
}: {
  colleague: string;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const dialogRef = useModalDialog();
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      onClose={onClose}
      aria-labelledby="confirm-take-title"
      aria-describedby="confirm-take-explain"
    >
      <h2 id="confirm-take-title">{t('tickets.actions.takeConfirm.title')}</h2>
      <p id="confirm-take-explain">{t('tickets.actions.takeConfirm.explain', { name: colleague })}</p>
      <div className="row end">
        <button type="button" className="ghost" data-autofocus onClick={() => dialogRef.current?.close()}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          {t('tickets.actions.takeConfirm.confirm', { name: colleague })}
        </button>
      </div>
    </dialog>
  );
}
