// A ticket's linked device (R16, R17 shown where work happens): the device
// with its warnings on the ticket page, picking or changing it, and starting
// a handover from the ticket. DeviceChoice is the same choice on a form (the
// new-ticket form).
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { EQUIPMENT_ROLES, type Role } from '../../../src-shared/roles';
import { errorMessage } from '../../app/errors';
import { FormError } from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { DevicePicker } from './DevicePicker';
import { DeviceWarnings } from './DeviceWarnings';
import type { DeviceSummary } from './types';

function DeviceLine({ device }: { device: DeviceSummary }) {
  const { t } = useTranslation();
  return (
    <div data-testid="linked-device">
      <p>
        <Link href={`/equipment/devices/${device.id}`} className="mono">
          {device.serial}
        </Link>{' '}
        {device.maker} {device.modelName}
        <small className="block muted">
          {[device.assignedUser, device.workplace, t(`equipment.statuses.${device.status}`)]
            .filter(Boolean)
            .join(' · ')}
        </small>
      </p>
      <DeviceWarnings warnings={device.warnings} />
    </div>
  );
}

export function LinkedDevice({
  ticket,
  role,
  canEdit,
}: {
  ticket: { id: string; deviceId: string | null; status: string };
  role: Role;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [picking, setPicking] = useState(false);
  const device = useQuery(
    trpc.equipment.summary.queryOptions({ id: ticket.deviceId ?? '' }, { enabled: !!ticket.deviceId }),
  );
  const edit = useMutation(trpc.tickets.edit.mutationOptions({ onSuccess: () => setPicking(false) }));
  const open = ticket.status !== 'closed';
  return (
    <section className="card" aria-labelledby="linked-device-title">
      <h2 id="linked-device-title">{t('equipment.linked.title')}</h2>
      {!ticket.deviceId && <p className="muted">{t('equipment.linked.none')}</p>}
      {ticket.deviceId && device.data && <DeviceLine device={device.data} />}
      {ticket.deviceId && device.isSuccess && !device.data && (
        <p className="muted">{t('equipment.linked.unknown')}</p>
      )}
      {picking && (
        <DevicePicker
          label={t('equipment.linked.pick')}
          autoFocus
          onPick={(d) => edit.mutate({ ticketId: ticket.id, deviceId: d.id })}
        />
      )}
      <FormError message={edit.isError ? errorMessage(edit.error, t) : null} />
      {open && (
        <div className="row wrap">
          {canEdit && !picking && (
            <button type="button" onClick={() => setPicking(true)}>
              {ticket.deviceId ? t('equipment.linked.change') : t('equipment.linked.link')}
            </button>
          )}
          {canEdit && picking && (
            <button type="button" className="ghost" onClick={() => setPicking(false)}>
              {t('common.cancel')}
            </button>
          )}
          {canEdit && ticket.deviceId && !picking && (
            <button
              type="button"
              className="ghost"
              onClick={() => edit.mutate({ ticketId: ticket.id, deviceId: null })}
            >
              {t('equipment.linked.unlink')}
            </button>
          )}
          {EQUIPMENT_ROLES.includes(role) && (
            <Link
              href={`/equipment/handover/ticket/${ticket.id}`}
              className="button"
              data-testid="start-handover"
            >
              {t('equipment.linked.handover')}
            </Link>
          )}
        </div>
      )}
    </section>
  );
}

/** The linked device on a form: picked by serial, tag or user; null for none. */
export function DeviceChoice({
  value,
  onChange,
}: {
  value: string | null | undefined;
  onChange(id: string | null): void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const device = useQuery(trpc.equipment.summary.queryOptions({ id: value ?? '' }, { enabled: !!value }));
  if (value && device.data) {
    return (
      <div className="field">
        <span>{t('equipment.linked.title')}</span>
        <DeviceLine device={device.data} />
        <button type="button" className="ghost" onClick={() => onChange(null)}>
          {t('common.remove')}
        </button>
      </div>
    );
  }
  return <DevicePicker label={t('equipment.linked.pickOptional')} onPick={(d) => onChange(d.id)} />;
}
