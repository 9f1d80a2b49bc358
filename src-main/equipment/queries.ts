// What the desk reads from the equipment register: the look-up that answers
// as the technician types, a device's card (warnings, history, handovers,
// tickets), the catalogue, the recycling register's views and the CSV
// exports. Plain SQL on the desk's own store; the rules come from
// src-shared/equipment/rules.
import type { EntityManager } from 'typeorm';
import {
  normalizeLabel,
  type DeviceCategory,
  type DeviceStatus,
  type EquipmentSettings,
  type Network,
} from '../../src-shared/equipment/catalogue';
import { deviceWarnings, isApprovedOn, osloDay, type DeviceWarning } from '../../src-shared/equipment/rules';
import type { BatchLine } from './recycling';

export interface DeviceSummary {
  id: string;
  serial: string;
  assetTag: string | null;
  maker: string;
  modelName: string;
  category: DeviceCategory;
  customerId: string;
  customerName: string | null;
  workplace: string;
  assignedUser: string | null;
  network: Network;
  status: DeviceStatus;
  deliveredDate: string | null;
  warnings: DeviceWarning[];
}

interface DeviceSqlRow {
  id: string;
  serial: string;
  asset_tag: string | null;
  maker: string;
  model_name: string;
  category: DeviceCategory;
  approved_from: string;
  approved_until: string | null;
  customer_id: string;
  customer_name: string | null;
  workplace: string;
  assigned_user: string | null;
  network: Network;
  status: DeviceStatus;
  setup_date: string | null;
  delivered_date: string | null;
  replacement_reason: string | null;
}

const SUMMARY_COLUMNS = `d.id, d.serial, d.asset_tag, m.maker, m.name AS model_name, m.category, m.approved_from,
  m.approved_until, d.customer_id, c.name AS customer_name, d.workplace, d.assigned_user, d.network, d.status,
  d.setup_date, d.delivered_date, d.replacement_reason`;
const SUMMARY_FROM = `device d JOIN equipment_model m ON m.id = d.model_id LEFT JOIN customer c ON c.id = d.customer_id`;

function summaryOf(r: DeviceSqlRow, settings: EquipmentSettings, day: string): DeviceSummary {
  return {
    id: r.id,
    serial: r.serial,
    assetTag: r.asset_tag,
    maker: r.maker,
    modelName: r.model_name,
    category: r.category,
    customerId: r.customer_id,
    customerName: r.customer_name,
    workplace: r.workplace,
    assignedUser: r.assigned_user,
    network: r.network,
    status: r.status,
    deliveredDate: r.delivered_date,
    warnings: deviceWarnings(
      {
        network: r.network,
        status: r.status,
        deliveredDate: r.delivered_date,
        setupDate: r.setup_date,
        replacementReason: r.replacement_reason,
        model: { category: r.category, approvedFrom: r.approved_from, approvedUntil: r.approved_until },
      },
      settings,
      day,
    ),
  };
}

/** The largest code point: `key || MAX` bounds a prefix range on an index. */
const MAX = '\u{10FFFF}';

/**
 * Devices matching what was typed: serial or asset tag starting with it (any length, from the
 * indexes), then, from three characters, the trigram index over serial, tag, user and workplace.
 * Exact and prefix hits come first; the rest in register order.
 */
export async function searchDevices(
  manager: EntityManager,
  query: { text: string; limit: number },
  settings: EquipmentSettings,
  day: string,
): Promise<DeviceSummary[]> {
  const text = query.text.trim();
  if (text === '') return [];
  const key = normalizeLabel(text);
  const found = new Map<string, DeviceSqlRow>();
  const take = async (where: string, params: unknown[], from = SUMMARY_FROM) => {
    const left = query.limit - found.size;
    if (left <= 0) return;
    const exclude = [...found.keys()];
    const rows = (await manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ${from} WHERE (${where})
       ${exclude.length ? `AND d.id NOT IN (${exclude.map(() => '?').join(', ')})` : ''} LIMIT ?`,
      [...params, ...exclude, left],
    )) as DeviceSqlRow[];
    for (const r of rows) found.set(r.id, r);
  };
  if (key !== '') {
    await take(`d.serial_key = ? OR d.asset_tag_key = ?`, [key, key]);
    await take(`d.serial_key >= ? AND d.serial_key < ?`, [key, key + MAX]);
    await take(`d.asset_tag_key >= ? AND d.asset_tag_key < ?`, [key, key + MAX]);
  }
  if ([...text].length >= 3) {
    // Driven from the trigram index (a join, not `rowid IN (…)`), so LIMIT stops the scan early
    // instead of collecting every match of a common fragment first.
    await take(
      `device_search MATCH ?`,
      [`"${text.replace(/"/g, '""')}"`],
      `device_search s JOIN device d ON d.rowid = s.rowid JOIN equipment_model m ON m.id = d.model_id
       LEFT JOIN customer c ON c.id = d.customer_id`,
    );
  }
  return [...found.values()].map((r) => summaryOf(r, settings, day));
}

/** One device with its warnings, as the ticket page shows it; null if the desk does not know it. */
export async function deviceSummary(
  manager: EntityManager,
  id: string,
  settings: EquipmentSettings,
  day: string,
): Promise<DeviceSummary | null> {
  const [row] = (await manager.query(`SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE d.id = ?`, [
    id,
  ])) as DeviceSqlRow[];
  return row ? summaryOf(row, settings, day) : null;
}

export interface EquipmentEventView {
  id: string;
  at: string;
  actorName: string;
  kind: string;
  data: Record<string, unknown>;
}

async function eventsOf(manager: EntityManager, subjectId: string): Promise<EquipmentEventView[]> {
  const rows = (await manager.query(
    `SELECT id, at, actor_name, kind, data FROM equipment_event WHERE subject_id = ? ORDER BY at DESC, id DESC`,
    [subjectId],
  )) as Array<{ id: string; at: string; actor_name: string; kind: string; data: string }>;
  return rows.map((e) => ({
    id: e.id,
    at: e.at,
    actorName: e.actor_name,
    kind: e.kind,
    data: JSON.parse(e.data) as Record<string, unknown>,
  }));
}

/** Everything the device card shows. */
export async function deviceCard(
  manager: EntityManager,
  id: string,
  settings: EquipmentSettings,
  day: string,
) {
  const summary = await deviceSummary(manager, id, settings, day);
  if (!summary) return null;
  const [detail] = (await manager.query(
    `SELECT d.*, m.supplier, m.framework_agreement, m.approved_from, m.approved_until, m.order_via_desk,
       m.order_reason, b.reference AS batch_reference
     FROM device d JOIN equipment_model m ON m.id = d.model_id LEFT JOIN recycling_batch b ON b.id = d.batch_id
     WHERE d.id = ?`,
    [id],
  )) as Array<Record<string, string | number | null>>;
  const handovers = (await manager.query(
    `SELECT h.id, h.at, h.technician_name, h.workplace, h.assigned_user, h.old_outcome, h.charge_amount, h.ticket_id,
       h.new_device_id, n.serial AS new_serial, o.serial AS old_serial, o.condition AS old_condition,
       o.disk_removed AS old_disk_removed
     FROM handover h JOIN device n ON n.id = h.new_device_id LEFT JOIN device o ON o.id = h.old_device_id
     WHERE h.new_device_id = ? OR h.old_device_id = ? ORDER BY h.at DESC`,
    [id, id],
  )) as HandoverSqlRow[];
  const tickets = (await manager.query(
    `SELECT id, reference, provisional_reference, title, description, status, created_at FROM ticket
     WHERE device_id = ? ORDER BY created_at DESC LIMIT 50`,
    [id],
  )) as Array<{
    id: string;
    reference: string | null;
    provisional_reference: string | null;
    title: string | null;
    description: string;
    status: string;
    created_at: string;
  }>;
  const d = detail!;
  return {
    device: {
      ...summary,
      assetTag: summary.assetTag,
      modelId: String(d.model_id),
      setupDate: d.setup_date as string | null,
      assignedReporterId: d.assigned_reporter_id as string | null,
      replacementReason: d.replacement_reason as string | null,
      notes: d.notes as string | null,
      condition: d.condition as string | null,
      diskRemoved: d.disk_removed === null ? null : d.disk_removed === 1,
      handedInAt: d.handed_in_at as string | null,
      handedInByName: d.handed_in_by_name as string | null,
      batchId: d.batch_id as string | null,
      batchReference: d.batch_reference as string | null,
      wipeMethod: d.wipe_method as string | null,
      wipeTool: d.wipe_tool as string | null,
      wipedBy: d.wiped_by as string | null,
      wipedOn: d.wiped_on as string | null,
      recycledAt: d.recycled_at as string | null,
      createdAt: String(d.created_at),
      createdByName: String(d.created_by_name),
      updatedAt: String(d.updated_at),
      updatedByName: String(d.updated_by_name),
    },
    model: {
      supplier: d.supplier as string | null,
      frameworkAgreement: d.framework_agreement as string | null,
      approvedFrom: String(d.approved_from),
      approvedUntil: d.approved_until as string | null,
      orderViaDesk: d.order_via_desk === 1,
      orderReason: d.order_reason as string | null,
    },
    handovers: handovers.map((h) => ({
      id: h.id,
      at: h.at,
      technicianName: h.technician_name,
      workplace: h.workplace,
      assignedUser: h.assigned_user,
      newSerial: h.new_serial,
      oldSerial: h.old_serial,
      oldOutcome: h.old_outcome,
      chargeAmount: h.charge_amount,
      ticketId: h.ticket_id,
    })),
    tickets: tickets.map((t) => ({
      id: t.id,
      reference: t.reference ?? t.provisional_reference,
      title: t.title ?? t.description.slice(0, 80),
      status: t.status,
      createdAt: t.created_at,
    })),
    history: withHandovers(await eventsOf(manager, id), handovers, id),
  };
}

interface HandoverSqlRow {
  id: string;
  at: string;
  technician_name: string;
  workplace: string;
  assigned_user: string | null;
  old_outcome: string | null;
  charge_amount: number | null;
  ticket_id: string | null;
  new_device_id: string;
  new_serial: string;
  old_serial: string | null;
  old_condition: string | null;
  old_disk_removed: number | null;
}

/** Kinds of history line a handover makes; read from the handover row, not from event rows. */
const HANDOVER_KINDS = new Set(['delivered', 'handedIn', 'keptByCustomer']);

/**
 * A device's history with its handovers in it (R18, R27): the handover row is the line for both
 * devices (delivered for the new one; handed in or kept for the old one), so a handover commits no
 * event rows. Handover events written before that (same kinds, same facts) are left out, not shown
 * twice. Condition and disk are the old device's, which only its handover sets.
 */
function withHandovers(
  events: EquipmentEventView[],
  handovers: HandoverSqlRow[],
  deviceId: string,
): EquipmentEventView[] {
  const lines = handovers.map((h): EquipmentEventView => {
    const base = { at: h.at, actorName: h.technician_name };
    if (h.new_device_id === deviceId) {
      return {
        ...base,
        id: `${h.id}:delivered`,
        kind: 'delivered',
        data: {
          handoverId: h.id,
          workplace: h.workplace,
          assignedUser: h.assigned_user,
          replaces: h.old_serial,
        },
      };
    }
    return {
      ...base,
      id: `${h.id}:${h.old_outcome === 'kept' ? 'keptByCustomer' : 'handedIn'}`,
      kind: h.old_outcome === 'kept' ? 'keptByCustomer' : 'handedIn',
      data: {
        handoverId: h.id,
        condition: h.old_condition,
        diskRemoved: h.old_disk_removed === null ? null : h.old_disk_removed === 1,
        replacedBy: h.new_serial,
        charge: h.charge_amount,
      },
    };
  });
  // Newest first; at the same instant the handover's line above the events its own commit made (a
  // device registered on the spot is registered, then delivered).
  const ranked = [
    ...events.filter((e) => !HANDOVER_KINDS.has(e.kind)).map((e) => ({ e, rank: 0 })),
    ...lines.map((e) => ({ e, rank: 1 })),
  ];
  ranked.sort((a, b) =>
    a.e.at !== b.e.at
      ? a.e.at < b.e.at
        ? 1
        : -1
      : a.rank !== b.rank
        ? b.rank - a.rank
        : a.e.id < b.e.id
          ? 1
          : -1,
  );
  return ranked.map((r) => r.e);
}

export interface ModelView {
  id: string;
  category: DeviceCategory;
  maker: string;
  name: string;
  supplier: string | null;
  frameworkAgreement: string | null;
  approvedFrom: string;
  approvedUntil: string | null;
  orderViaDesk: boolean;
  orderReason: string | null;
  approvedToday: boolean;
  updatedAt: string;
  updatedByName: string;
}

/** The catalogue, by category, maker and name. */
export async function listModels(manager: EntityManager, day: string): Promise<ModelView[]> {
  const rows = (await manager.query(
    `SELECT id, category, maker, name, supplier, framework_agreement, approved_from, approved_until, order_via_desk,
       order_reason, updated_at, updated_by_name FROM equipment_model ORDER BY category, lower(maker), lower(name)`,
  )) as Array<Record<string, string | number | null>>;
  return rows.map((r) => {
    const window = {
      approvedFrom: String(r.approved_from),
      approvedUntil: r.approved_until as string | null,
    };
    return {
      id: String(r.id),
      category: r.category as DeviceCategory,
      maker: String(r.maker),
      name: String(r.name),
      supplier: r.supplier as string | null,
      frameworkAgreement: r.framework_agreement as string | null,
      ...window,
      orderViaDesk: r.order_via_desk === 1,
      orderReason: r.order_reason as string | null,
      approvedToday: isApprovedOn(window, day),
      updatedAt: String(r.updated_at),
      updatedByName: String(r.updated_by_name),
    };
  });
}

export const modelHistory = eventsOf;

/** Devices in stock, to pick for a handover. */
export async function devicesInStock(
  manager: EntityManager,
  settings: EquipmentSettings,
  day: string,
): Promise<DeviceSummary[]> {
  const rows = (await manager.query(
    `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE d.status = 'in_stock' ORDER BY m.category, d.serial_key LIMIT 500`,
  )) as DeviceSqlRow[];
  return rows.map((r) => summaryOf(r, settings, day));
}

export interface RecyclingDevice {
  id: string;
  serial: string;
  assetTag: string | null;
  maker: string;
  modelName: string;
  category: DeviceCategory;
  customerName: string | null;
  status: DeviceStatus;
  handedInAt: string | null;
  handedInByName: string | null;
  condition: string | null;
  diskRemoved: boolean | null;
  wipeMethod: string | null;
  wipedBy: string | null;
  wipedOn: string | null;
  batchReference: string | null;
}

const RECYCLING_COLUMNS = `d.id, d.serial, d.asset_tag, m.maker, m.name AS model_name, m.category, c.name AS customer_name,
  d.status, d.handed_in_at, d.handed_in_by_name, d.condition, d.disk_removed, d.wipe_method, d.wiped_by, d.wiped_on,
  b.reference AS batch_reference`;
const RECYCLING_FROM = `device d JOIN equipment_model m ON m.id = d.model_id LEFT JOIN customer c ON c.id = d.customer_id
  LEFT JOIN recycling_batch b ON b.id = d.batch_id`;

function recyclingDeviceOf(r: Record<string, string | number | null>): RecyclingDevice {
  return {
    id: String(r.id),
    serial: String(r.serial),
    assetTag: r.asset_tag as string | null,
    maker: String(r.maker),
    modelName: String(r.model_name),
    category: r.category as DeviceCategory,
    customerName: r.customer_name as string | null,
    status: r.status as DeviceStatus,
    handedInAt: r.handed_in_at as string | null,
    handedInByName: r.handed_in_by_name as string | null,
    condition: r.condition as string | null,
    diskRemoved: r.disk_removed === null ? null : r.disk_removed === 1,
    wipeMethod: r.wipe_method as string | null,
    wipedBy: r.wiped_by as string | null,
    wipedOn: r.wiped_on as string | null,
    batchReference: r.batch_reference as string | null,
  };
}

/** R19's views: handed in and not batched, the batches, and the devices whose wipe is overdue. */
export async function recyclingRegister(manager: EntityManager, settings: EquipmentSettings, now: Date) {
  // A handed-in device always has its time; saying so lets the planner use the handed-in index.
  const waiting = (await manager.query(
    `SELECT ${RECYCLING_COLUMNS} FROM ${RECYCLING_FROM} WHERE d.status = 'handed_in' AND d.handed_in_at IS NOT NULL ORDER BY d.handed_in_at`,
  )) as Array<Record<string, string | number | null>>;
  const overdueBefore = new Date(now.getTime() - settings.wipeOverdueDays * 86_400_000).toISOString();
  const overdue = (await manager.query(
    `SELECT ${RECYCLING_COLUMNS} FROM ${RECYCLING_FROM}
     WHERE d.status IN ('handed_in', 'in_recycling_batch') AND d.handed_in_at < ? AND d.wipe_method IS NULL
     ORDER BY d.handed_in_at`,
    [overdueBefore],
  )) as Array<Record<string, string | number | null>>;
  const batches = (await manager.query(
    `SELECT id, reference, sent_date, recycler, status, devices, certificate_reference, destruction_method, closed_at,
       closed_by_name, created_by_name FROM recycling_batch ORDER BY sent_date DESC, created_at DESC LIMIT 200`,
  )) as Array<Record<string, string | null>>;
  return {
    waiting: waiting.map(recyclingDeviceOf),
    wipeOverdue: overdue.map(recyclingDeviceOf),
    wipeOverdueDays: settings.wipeOverdueDays,
    batches: batches.map((b) => ({
      id: String(b.id),
      reference: String(b.reference),
      sentDate: String(b.sent_date),
      recycler: String(b.recycler),
      status: b.status as 'sent' | 'closed',
      deviceCount: (JSON.parse(String(b.devices)) as unknown[]).length,
      certificateReference: b.certificate_reference,
      destructionMethod: b.destruction_method,
      closedAt: b.closed_at,
      closedByName: b.closed_by_name,
      createdByName: String(b.created_by_name),
    })),
  };
}

/** A batch as it left, for the handover sheet, with each device's wipe as it stands now. */
export async function batchSheet(manager: EntityManager, id: string) {
  const [batch] = (await manager.query(`SELECT * FROM recycling_batch WHERE id = ?`, [id])) as Array<
    Record<string, string | null>
  >;
  if (!batch) return null;
  const lines = JSON.parse(String(batch.devices)) as BatchLine[];
  const now = (await manager.query(
    `SELECT ${RECYCLING_COLUMNS} FROM ${RECYCLING_FROM} WHERE d.batch_id = ?`,
    [id],
  )) as Array<Record<string, string | number | null>>;
  const current = new Map(now.map((r) => [String(r.id), recyclingDeviceOf(r)]));
  const customers = new Map(
    ((await manager.query(`SELECT id, name FROM customer`)) as Array<{ id: string; name: string }>).map(
      (c) => [c.id, c.name],
    ),
  );
  return {
    id: String(batch.id),
    reference: String(batch.reference),
    sentDate: String(batch.sent_date),
    recycler: String(batch.recycler),
    status: batch.status as 'sent' | 'closed',
    certificateReference: batch.certificate_reference,
    destructionMethod: batch.destruction_method,
    closedAt: batch.closed_at,
    closedByName: batch.closed_by_name,
    createdByName: String(batch.created_by_name),
    lines: lines.map((l) => ({
      ...l,
      customerName: customers.get(l.customerId) ?? null,
      wipeMethod: current.get(l.deviceId)?.wipeMethod ?? null,
      wipedBy: current.get(l.deviceId)?.wipedBy ?? null,
      wipedOn: current.get(l.deviceId)?.wipedOn ?? null,
    })),
    history: await eventsOf(manager, String(batch.id)),
  };
}

/** R18: licence charges raised when customers kept replaced devices, for invoicing. */
export async function licenceCharges(
  manager: EntityManager,
  filter: { month?: string; customerId?: string },
) {
  const where: string[] = ['h.charge_amount IS NOT NULL'];
  const params: string[] = [];
  if (filter.month) {
    where.push('h.charge_month = ?');
    params.push(filter.month);
  }
  if (filter.customerId) {
    where.push('h.customer_id = ?');
    params.push(filter.customerId);
  }
  const rows = (await manager.query(
    `SELECT h.id, h.at, h.charge_month, h.charge_amount, h.charge_category, h.technician_name, h.workplace,
       c.name AS customer_name, o.serial, o.asset_tag, m.maker, m.name AS model_name
     FROM handover h JOIN device o ON o.id = h.old_device_id JOIN equipment_model m ON m.id = o.model_id
     LEFT JOIN customer c ON c.id = h.customer_id
     WHERE ${where.join(' AND ')} ORDER BY h.charge_month, c.name, h.at`,
    params,
  )) as Array<Record<string, string | number | null>>;
  return rows.map((r) => ({
    handoverId: String(r.id),
    at: String(r.at),
    month: String(r.charge_month),
    amount: Number(r.charge_amount),
    category: r.charge_category as DeviceCategory,
    technicianName: String(r.technician_name),
    workplace: String(r.workplace),
    customerName: r.customer_name as string | null,
    serial: String(r.serial),
    assetTag: r.asset_tag as string | null,
    maker: String(r.maker),
    modelName: String(r.model_name),
  }));
}

/** R19's export: devices handed in during a period (Oslo days, both included), optionally for one customer. */
export async function recyclingExportRows(
  manager: EntityManager,
  filter: { from: string; to: string; customerId?: string },
): Promise<RecyclingDevice[]> {
  // Instants are stored in UTC; a day's bounds are widened by a day and trimmed after reading.
  const params = [`${shiftDay(filter.from, -1)}T00:00:00.000Z`, `${shiftDay(filter.to, 2)}T00:00:00.000Z`];
  let where = `d.handed_in_at >= ? AND d.handed_in_at < ?`;
  if (filter.customerId) {
    where += ' AND d.customer_id = ?';
    params.push(filter.customerId);
  }
  const rows = (await manager.query(
    `SELECT ${RECYCLING_COLUMNS} FROM ${RECYCLING_FROM} WHERE ${where} ORDER BY d.handed_in_at`,
    params,
  )) as Array<Record<string, string | number | null>>;
  return rows.map(recyclingDeviceOf).filter((d) => {
    const day = osloDay(d.handedInAt!);
    return day >= filter.from && day <= filter.to;
  });
}

function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
