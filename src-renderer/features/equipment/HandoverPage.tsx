// A handover on site as one event (R18), on a laptop that may be offline:
// where and for whom; the new device (from stock, or registered on the spot);
// the old one it replaces (handed in for recycling with its condition and
// whether its disk was taken out, or kept by the customer against the
// licence charge); and, when it comes from a ticket, the visit it is on that
// ticket (R11). One form, one mutation: it applies whole or not at all.
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ACTIVE_STATUSES, DEVICE_CONDITIONS } from '../../../src-shared/equipment/catalogue';
import type { SignedInUser } from '../../app/account';
import { nowHHmm, recentAt } from '../../app/typedTime';
import {
  ChoiceField,
  CustomerFields,
  Form,
  FormButtons,
  FormError,
  FormField,
  OptionList,
  showServerErrors,
} from '../../app/forms';
import { useTRPC } from '../../app/trpc';
import { DeviceFields, BLANK_DEVICE, deviceCoreOf, type DeviceFieldValues } from './DeviceFields';
import { DevicePicker } from './DevicePicker';
import { DeviceWarnings } from './DeviceWarnings';
import { EquipmentTabs } from './EquipmentTabs';
import { newId } from './text';
import type { DeviceSummary } from './types';

interface Values {
  customerId: string;
  workplace: string;
  assignedUser: string;
  newKind: 'stock' | 'register';
  stockId: string;
  fresh: DeviceFieldValues;
  outcome: 'handed_in' | 'kept';
  condition: (typeof DEVICE_CONDITIONS)[number];
  diskRemoved: boolean;
  arrived: string;
  departed: string;
  travelMinutes: string;
  notes: string;
}

/** The desk's name for a field (its path in the handover's arguments) → the form's. */
function fieldOf(path: string): string | null {
  if (path.startsWith('newDevice.device.')) return `fresh.${path.split('.').pop()}`;
  const map: Record<string, string> = {
    customerId: 'customerId',
    workplace: 'workplace',
    assignedUser: 'assignedUser',
    'newDevice.deviceId': 'stockId',
    'oldDevice.condition': 'condition',
    visit: 'arrived',
    'visit.arrivedAt': 'arrived',
    'visit.departedAt': 'departed',
    'visit.travelMinutes': 'travelMinutes',
    notes: 'notes',
  };
  return map[path] ?? null;
}

/** The stock offered for a handover, one group per customer: the chosen customer's own first (stock is bought per municipality). */
function stockByCustomer(stock: DeviceSummary[], customerId: string) {
  const groups = new Map<string, { key: string; name: string | null; devices: DeviceSummary[] }>();
  for (const d of stock) {
    if (!groups.has(d.customerId))
      groups.set(d.customerId, { key: d.customerId, name: d.customerName, devices: [] });
    groups.get(d.customerId)!.devices.push(d);
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(b.key === customerId) - Number(a.key === customerId) ||
      (a.name ?? '').localeCompare(b.name ?? '', 'nb'),
  );
}

export function HandoverPage({ user, ticketId }: { user: SignedInUser; ticketId?: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ticket = useQuery(trpc.tickets.get.queryOptions({ id: ticketId ?? '' }, { enabled: !!ticketId }));
  const stock = useQuery(trpc.equipment.inStock.queryOptions());
  // The device replaced: as picked (null: none), or until then the ticket's linked device if still out there.
  const [picked, setOld] = useState<DeviceSummary | null | undefined>(undefined);
  const [done, setDone] = useState<{ newDeviceId: string; charge: number | null; serial: string } | null>(
    null,
  );
  const form = useForm<Values>({
    defaultValues: {
      customerId: '',
      workplace: '',
      assignedUser: '',
      newKind: 'stock',
      stockId: '',
      fresh: BLANK_DEVICE,
      outcome: 'handed_in',
      condition: 'working',
      diskRemoved: false,
      arrived: '',
      departed: '',
      travelMinutes: '0',
      notes: '',
    },
  });
  const handover = useMutation(trpc.equipment.handover.mutationOptions());
  const newKind = useWatch({ control: form.control, name: 'newKind' });
  const customerId = useWatch({ control: form.control, name: 'customerId' });
  const stockGroups = stockByCustomer(stock.data ?? [], customerId);
  const linked = ticketId ? ticket.data?.ticket : undefined;

  // From a ticket: its place and reporter, and the device linked to it as the one replaced.
  const linkedDeviceId = linked?.deviceId ?? null;
  const linkedDevice = useQuery(
    trpc.equipment.summary.queryOptions({ id: linkedDeviceId ?? '' }, { enabled: !!linkedDeviceId }),
  );
  useEffect(() => {
    if (!linked) return;
    form.setValue('customerId', linked.customerId);
    form.setValue('workplace', linked.workplace);
    form.setValue('assignedUser', linked.reporterName);
    form.setValue('departed', nowHHmm());
  }, [form, linked]);
  const fromTicket =
    linkedDevice.data && ACTIVE_STATUSES.includes(linkedDevice.data.status) ? linkedDevice.data : null;
  const old = picked === undefined ? fromTicket : picked;

  const submit = form.handleSubmit(async (v) => {
    setDone(null);
    const visit = ticketId
      ? {
          arrivedAt: recentAt(v.arrived),
          departedAt: recentAt(v.departed),
          travelMinutes: Number(v.travelMinutes),
        }
      : null;
    if (visit && !visit.arrivedAt) return form.setError('arrived', { type: 'time' });
    if (visit && !visit.departedAt) return form.setError('departed', { type: 'time' });
    try {
      const fresh = { ...deviceCoreOf(v.fresh), id: newId(), deliveredDate: null };
      const r = await handover.mutateAsync({
        customerId: v.customerId,
        workplace: v.workplace,
        assignedUser: v.assignedUser.trim() || null,
        assignedReporterId: null,
        newDevice:
          v.newKind === 'stock'
            ? { kind: 'stock', deviceId: v.stockId }
            : { kind: 'register', device: fresh },
        oldDevice: old
          ? { deviceId: old.id, outcome: v.outcome, condition: v.condition, diskRemoved: v.diskRemoved }
          : null,
        ticketId: ticketId ?? null,
        visit: visit as never,
        notes: v.notes.trim() || null,
      });
      const serial =
        v.newKind === 'stock' ? (stock.data?.find((d) => d.id === v.stockId)?.serial ?? '') : v.fresh.serial;
      setDone({ newDeviceId: r.newDeviceId, charge: r.charge, serial });
      setOld(null);
      form.reset({ ...form.getValues(), stockId: '', fresh: BLANK_DEVICE, notes: '', diskRemoved: false });
    } catch (e) {
      showServerErrors(form, e, t, fieldOf);
    }
  });

  return (
    <div className="equipment-page">
      <EquipmentTabs role={user.role} />
      <Form
        form={form}
        wording="equipment.errors"
        className="card handover-form"
        onSubmit={submit}
        aria-labelledby="handover-title"
      >
        <h1 id="handover-title">{t('equipment.handover.title')}</h1>
        {linked && (
          <p className="notice" data-testid="handover-ticket">
            {t('equipment.handover.forTicket', {
              reference: linked.reference ?? linked.provisionalReference,
            })}{' '}
            <Link href={`/tickets/${linked.id}`}>{t('equipment.handover.openTicket')}</Link>
          </p>
        )}
        <fieldset>
          <legend>{t('equipment.handover.where')}</legend>
          <div className="form-grid">
            <CustomerFields labels="equipment.fields" listId="handover-workplaces" required />
            <FormField
              label={t('equipment.fields.assignedUser')}
              registration={form.register('assignedUser')}
            >
              {(c) => <input {...c} autoComplete="off" />}
            </FormField>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('equipment.handover.newDevice')}</legend>
          <ChoiceField
            legend={t('equipment.handover.newKind')}
            options={['stock', 'register'] as const}
            labels="equipment.handover.newKinds"
            registration={form.register('newKind')}
          />
          {newKind === 'stock' ? (
            <FormField
              label={t('equipment.handover.stockDevice')}
              required
              registration={form.register('stockId')}
            >
              {(c) => (
                <select {...c}>
                  <option value="">
                    {t('equipment.handover.chooseStock', { count: stock.data?.length ?? 0 })}
                  </option>
                  {stockGroups.map((g) => (
                    <optgroup key={g.key} label={t('equipment.handover.stockOf', { customer: g.name ?? '' })}>
                      <OptionList
                        options={g.devices.map((d) => ({
                          value: d.id,
                          label: `${d.serial}${d.assetTag ? ` · ${d.assetTag}` : ''} — ${d.maker} ${d.modelName}`,
                        }))}
                      />
                    </optgroup>
                  ))}
                </select>
              )}
            </FormField>
          ) : (
            <div className="form-grid">
              <DeviceFields prefix="fresh." />
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('equipment.handover.oldDevice')}</legend>
          {old ? (
            <div className="picked" data-testid="old-device">
              <p>
                <strong className="mono">{old.serial}</strong> {old.maker} {old.modelName} ·{' '}
                {[old.assignedUser, old.workplace].filter(Boolean).join(', ')}{' '}
                <button type="button" className="ghost" onClick={() => setOld(null)}>
                  {t('common.remove')}
                </button>
              </p>
              <DeviceWarnings warnings={old.warnings} compact />
              <ChoiceField
                legend={t('equipment.handover.outcome')}
                options={['handed_in', 'kept'] as const}
                labels="equipment.handover.outcomes"
                registration={form.register('outcome')}
              />
              <div className="form-grid">
                <FormField label={t('equipment.fields.condition')} registration={form.register('condition')}>
                  {(c) => (
                    <select {...c}>
                      <OptionList values={DEVICE_CONDITIONS} labels="equipment.conditions" />
                    </select>
                  )}
                </FormField>
                <label className="check">
                  <input type="checkbox" {...form.register('diskRemoved')} />{' '}
                  {t('equipment.handover.diskRemoved')}
                </label>
              </div>
            </div>
          ) : (
            <DevicePicker
              label={t('equipment.handover.findOld')}
              onPick={setOld}
              accept={(d) =>
                ACTIVE_STATUSES.includes(d.status)
                  ? true
                  : t('equipment.handover.notActive', { status: t(`equipment.statuses.${d.status}`) })
              }
            />
          )}
        </fieldset>
        {ticketId && (
          <fieldset>
            <legend>{t('equipment.handover.visit')}</legend>
            <div className="form-grid">
              <FormField
                label={t('equipment.handover.arrived')}
                required
                hint={t('equipment.handover.timeHint')}
                registration={form.register('arrived')}
              >
                {(c) => <input {...c} inputMode="numeric" autoComplete="off" />}
              </FormField>
              <FormField
                label={t('equipment.handover.departed')}
                required
                registration={form.register('departed')}
              >
                {(c) => <input {...c} inputMode="numeric" autoComplete="off" />}
              </FormField>
              <FormField
                label={t('equipment.handover.travelMinutes')}
                registration={form.register('travelMinutes')}
              >
                {(c) => <input type="number" min={0} max={1440} {...c} />}
              </FormField>
            </div>
          </fieldset>
        )}
        <FormField label={t('equipment.fields.notes')} registration={form.register('notes')}>
          {(c) => <textarea rows={2} {...c} />}
        </FormField>
        <FormError message={form.formState.errors.root?.message} />
        {done && (
          <p className="success" role="status" data-testid="handover-done">
            {t('equipment.handover.done', { serial: done.serial })}{' '}
            {done.charge !== null && t('equipment.handover.charged', { amount: done.charge })}{' '}
            <Link href={`/equipment/devices/${done.newDeviceId}`}>{t('equipment.register.open')}</Link>
          </p>
        )}
        <FormButtons pending={handover.isPending}>{t('equipment.handover.submit')}</FormButtons>
      </Form>
    </div>
  );
}
