// The equipment register's bad input through a desk's local router (real
// HTTP, real SQLite, a real central store on SQLite and PostgreSQL): an
// unknown model, a serial or asset tag taken, a date in the future, a wipe for
// a device not handed in, a batch with a device already recycled or not
// handed in, a closed batch closed again, a device handed in twice, a
// replacement recommended for a device handed in, and roles that may not.
// Each is refused with its code, the field it is about and a message saying
// why, and leaves every table (and the outbox) as it was; a handover whose new
// device cannot be registered leaves the old device untouched. What the desk
// did keep syncs to the central store without a rejection.
import { TRPCClientError } from '@trpc/client';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LocalRouter } from '../../../../src-main/desk/router';
import { osloDay } from '../../../../src-shared/equipment/rules';
import { ENGINES, type TestCentral } from '../../../support/central';
import { sqlRows } from '../../../support/cti';
import { useDeskCluster } from '../../../support/deskCluster';
import { deviceInput, MODELS, MOLDE, saveModels, ticketAbout } from '../../../support/equipment';
import { signIn, type RunningDesk } from '../../../support/tempDesk';

const cluster = useDeskCluster();

async function errorOf(p: Promise<unknown>): Promise<TRPCClientError<LocalRouter>> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCClientError) return e as TRPCClientError<LocalRouter>;
    throw e;
  }
  throw new Error('expected a refusal');
}

const TABLES = [
  'device',
  'handover',
  'equipment_event',
  'equipment_model',
  'recycling_batch',
  'ticket_event',
  'outbox',
] as const;

/** Rows per table on the desk: what a refused request must leave as it was. */
async function counts(d: RunningDesk) {
  const m = d.desk.store.dataSource.manager;
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = Number((await m.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return out;
}

/** An Oslo day `days` from now. */
const dayFromNow = (days: number) => osloDay(new Date(Date.now() + days * 86_400_000).toISOString());

/** A desk whose technician has the catalogue (saved by a team lead on it). */
async function technicianDesk(engine: (typeof ENGINES)[number]) {
  const {
    central,
    desks: [d],
  } = await cluster(engine, 1);
  await signIn(d!.client, { name: 'Tone Teamleder', role: 'team_lead' });
  await saveModels(d!.client);
  await signIn(d!.client, { name: 'Tore Tekniker', role: 'technician' });
  return { central, d: d! };
}

/**
 * Expects the request to be refused with this tRPC code, domain code, field and message, and to
 * leave every table as it was.
 */
async function refused(
  d: RunningDesk,
  p: () => Promise<unknown>,
  expected: { code: string; domain: string; field?: string; message: RegExp },
) {
  const before = await counts(d);
  const err = await errorOf(p());
  expect(err.data?.code, expected.domain).toBe(expected.code);
  expect(err.data?.domain?.code, expected.domain).toBe(expected.domain);
  if (expected.field !== undefined) expect(err.data?.domain?.details.field).toBe(expected.field);
  expect(err.message).toMatch(expected.message);
  expect(await counts(d)).toEqual(before);
  return err;
}

/** Syncs and expects the central store to hold what the desk holds, with nothing rejected. */
async function syncedWhole(central: TestCentral, d: RunningDesk) {
  await d.desk.sync!.syncNow();
  expect(await d.client.sync.rejected.query()).toEqual([]);
  const local = await counts(d);
  for (const table of ['device', 'handover', 'equipment_event', 'equipment_model', 'recycling_batch']) {
    const [row] = await sqlRows(central, `SELECT count(*) AS n FROM ${table}`);
    expect(Number(row!.n), table).toBe(local[table]);
  }
}

/** A handover at Molde rådhus without a ticket. */
function handoverInput(over: Record<string, unknown>) {
  return {
    customerId: MOLDE,
    workplace: 'Molde rådhus',
    assignedUser: 'Per Pleier',
    assignedReporterId: null,
    ticketId: null,
    visit: null,
    notes: null,
    ...over,
  } as Parameters<RunningDesk['client']['equipment']['handover']['mutate']>[0];
}

describe.each(ENGINES)('equipment router on %s', (engine) => {
  it('compares makers and model names without case in any alphabet, not only ASCII', async () => {
    const {
      desks: [d],
    } = await cluster(engine, 1);
    await signIn(d!.client, { name: 'Tone Teamleder', role: 'team_lead' });
    const model = (maker: string, name: string) => ({
      ...MODELS.elitebook,
      id: randomUUID(),
      maker,
      name,
    });
    await d!.client.equipment.saveModel.mutate({ model: model('Ødegård Data', 'Æra 14') });
    await refused(
      d!,
      () => d!.client.equipment.saveModel.mutate({ model: model(' ØDEGÅRD DATA', 'ÆRA 14 ') }),
      {
        code: 'CONFLICT',
        domain: 'duplicateModel',
        field: 'name',
        message: /is already in the catalogue/,
      },
    );
    const other = model('ØDEGÅRD DATA', 'Æra 16');
    await d!.client.equipment.saveModel.mutate({ model: other });
    const [first] = (await d!.client.equipment.models.query()).filter((m) => m.name === 'Æra 14');
    await signIn(d!.client, { name: 'Tore Tekniker', role: 'technician' });
    await d!.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'ØD-7', modelId: first!.id }),
    });
    // The same maker in capitals: the serial is taken.
    await refused(
      d!,
      () =>
        d!.client.equipment.registerDevice.mutate({
          device: deviceInput({ serial: 'ød-7', modelId: other.id }),
        }),
      {
        code: 'CONFLICT',
        domain: 'duplicateSerial',
        field: 'device.serial',
        message: /is already registered/,
      },
    );
  });

  it('refuses an unknown model, a serial or asset tag taken and a date in the future, naming the field', async () => {
    const { central, d } = await technicianDesk(engine);
    const first = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'SN-1001', assetTag: 'MK-1001' }),
    });
    const register = (over: Record<string, unknown>) => () =>
      d.client.equipment.registerDevice.mutate({ device: deviceInput(over) });

    await refused(d, register({ modelId: randomUUID() }), {
      code: 'NOT_FOUND',
      domain: 'notFound',
      field: 'device.modelId',
      message: /^No approved-model entry with id /,
    });
    // The same serial, written differently on the label (case and spaces).
    const serial = await refused(d, register({ serial: 'sn-10 01' }), {
      code: 'CONFLICT',
      domain: 'duplicateSerial',
      field: 'device.serial',
      message: /^HP serial sn-10 01 is already registered \(by Tore Tekniker, /,
    });
    expect(serial.data!.domain!.details).toMatchObject({ deviceId: first.id, registeredBy: 'Tore Tekniker' });
    await refused(d, register({ assetTag: 'mk-10 01' }), {
      code: 'CONFLICT',
      domain: 'duplicateAssetTag',
      field: 'device.assetTag',
      message: /^Asset tag mk-10 01 is already on device SN-1001 \(registered by Tore Tekniker\)$/,
    });
    const tomorrow = dayFromNow(2);
    await refused(d, register({ deliveredDate: tomorrow }), {
      code: 'CONFLICT',
      domain: 'dateInFuture',
      field: 'device.deliveredDate',
      message: new RegExp(`^device\\.deliveredDate ${tomorrow} is after today \\(${dayFromNow(0)}\\)$`),
    });
    await refused(d, register({ setupDate: tomorrow }), {
      code: 'CONFLICT',
      domain: 'dateInFuture',
      field: 'device.setupDate',
      message: /is after today/,
    });
    // An edit is held to the same: another device's serial, a delivery in the future.
    const second = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'SN-2002' }),
    });
    await refused(
      d,
      () => d.client.equipment.editDevice.mutate({ deviceId: second.id, changes: { serial: 'SN-1001' } }),
      {
        code: 'CONFLICT',
        domain: 'duplicateSerial',
        field: 'changes.serial',
        message: /HP serial SN-1001 is already registered/,
      },
    );
    await refused(
      d,
      () =>
        d.client.equipment.editDevice.mutate({ deviceId: second.id, changes: { deliveredDate: tomorrow } }),
      { code: 'CONFLICT', domain: 'dateInFuture', field: 'changes.deliveredDate', message: /is after today/ },
    );
    // A serial is unique per maker: the same serial on a Dell is another device.
    await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'SN-1001', modelId: MODELS.oldDesktop.id }),
    });
    // Input that is not a serial or not a day is refused by its schema, naming the field.
    const before = await counts(d);
    const bad = await errorOf(register({ serial: 'SN#1', deliveredDate: '2024-02-30' })());
    expect(bad.data!.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.data!.fieldErrors ?? {}).sort()).toEqual([
      'device.deliveredDate',
      'device.serial',
    ]);
    expect(await counts(d)).toEqual(before);

    expect((await d.client.equipment.search.query({ text: 'SN-1001' })).map((s) => s.maker).sort()).toEqual([
      'Dell',
      'HP',
    ]);
    await syncedWhole(central, d);
  });

  it('a handover is whole or nothing: a taken serial for the new device leaves the old one untouched', async () => {
    const { central, d } = await technicianDesk(engine);
    const old = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'OLD-1', status: 'in_use', deliveredDate: '2020-01-15' }),
    });
    await d.client.equipment.registerDevice.mutate({ device: deviceInput({ serial: 'TAKEN-1' }) });
    const ticket = await ticketAbout(d.client, old.id);
    const visit = {
      arrivedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      departedAt: new Date().toISOString(),
      travelMinutes: 20,
    };
    const oldDevice = {
      deviceId: old.id,
      outcome: 'handed_in',
      condition: 'working',
      diskRemoved: true,
    } as const;
    const cardBefore = (await d.client.equipment.device.query({ id: old.id })).device;

    await refused(
      d,
      () =>
        d.client.equipment.handover.mutate(
          handoverInput({
            newDevice: {
              kind: 'register',
              device: { ...deviceInput({ serial: 'Taken - 1' }), id: randomUUID() },
            },
            oldDevice,
            ticketId: ticket.id,
            visit,
          }),
        ),
      {
        code: 'CONFLICT',
        domain: 'duplicateSerial',
        field: 'newDevice.device.serial',
        message: /HP serial Taken - 1 is already registered \(by Tore Tekniker/,
      },
    );
    // Nothing of it: the old device as it was, no visit on the ticket.
    const cardAfter = await d.client.equipment.device.query({ id: old.id });
    expect(cardAfter.device).toEqual(cardBefore);
    expect(cardAfter.handovers).toEqual([]);
    expect((await d.client.tickets.get.query({ id: ticket.id })).events.map((e) => e.kind)).toEqual([
      'created',
    ]);

    // The new device from stock must be in stock; the new and the old cannot be the same device.
    const inUse = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'INUSE-1', status: 'in_use' }),
    });
    await refused(
      d,
      () =>
        d.client.equipment.handover.mutate(
          handoverInput({ newDevice: { kind: 'stock', deviceId: inUse.id }, oldDevice }),
        ),
      {
        code: 'CONFLICT',
        domain: 'deviceNotAvailable',
        field: 'newDevice.deviceId',
        message: /^Device INUSE-1 is in_use: only a device in stock can be delivered$/,
      },
    );
    await refused(
      d,
      () =>
        d.client.equipment.handover.mutate(
          handoverInput({ newDevice: { kind: 'stock', deviceId: old.id }, oldDevice }),
        ),
      { code: 'CONFLICT', domain: 'conflict', field: 'oldDevice.deviceId', message: /the same device/ },
    );
    // Linked to a ticket, the visit's times are required (the schema names the field).
    const noVisit = await errorOf(
      d.client.equipment.handover.mutate(
        handoverInput({
          newDevice: { kind: 'register', device: { ...deviceInput({ serial: 'NEW-9' }), id: randomUUID() } },
          oldDevice,
          ticketId: ticket.id,
        }),
      ),
    );
    expect(noVisit.data!.code).toBe('BAD_REQUEST');
    expect(Object.keys(noVisit.data!.fieldErrors ?? {})).toEqual(['visit']);

    // The same handover with a free serial is done whole: delivered, handed in, the ticket's visit.
    const before = await counts(d);
    const newId = randomUUID();
    await d.client.equipment.handover.mutate(
      handoverInput({
        newDevice: { kind: 'register', device: { ...deviceInput({ serial: 'NEW-1' }), id: newId } },
        oldDevice,
        ticketId: ticket.id,
        visit,
      }),
    );
    expect(await counts(d)).toMatchObject({
      device: before.device! + 1,
      handover: before.handover! + 1,
      outbox: before.outbox! + 1,
    });
    // The new ticket is started by the visit (R11).
    expect((await d.client.tickets.get.query({ id: ticket.id })).events.map((e) => e.kind)).toEqual([
      'created',
      'status',
      'on_site_visit',
    ]);
    const oldCard = await d.client.equipment.device.query({ id: old.id });
    expect(oldCard.device).toMatchObject({ status: 'handed_in', handedInByName: 'Tore Tekniker' });
    const newCard = await d.client.equipment.device.query({ id: newId });
    expect(newCard.device).toMatchObject({
      status: 'in_use',
      deliveredDate: dayFromNow(0),
      assignedUser: 'Per Pleier',
    });
    // Each device's history has its line of the handover, read from the handover row: the commit
    // wrote one event row (the new device's registration), none for the handover itself.
    expect((await counts(d)).equipment_event).toBe(before.equipment_event! + 1);
    expect(oldCard.history[0]).toMatchObject({
      kind: 'handedIn',
      actorName: 'Tore Tekniker',
      data: { condition: 'working', diskRemoved: true, replacedBy: 'NEW-1', charge: null },
    });
    expect(newCard.history.map((e) => e.kind)).toEqual(['delivered', 'registered']);
    expect(newCard.history[0]).toMatchObject({
      actorName: 'Tore Tekniker',
      data: { workplace: 'Molde rådhus', assignedUser: 'Per Pleier', replaces: 'OLD-1' },
    });
    // A handover's event row from before (same kind, same handover) is not shown a second time.
    const m = d.desk.store.dataSource.manager;
    await m.query(
      `INSERT INTO equipment_event (id, subject_id, at, actor_id, actor_name, kind, data)
       VALUES (?, ?, ?, 'x', 'Tore Tekniker', 'delivered', ?)`,
      [randomUUID(), newId, newCard.history[0]!.at, JSON.stringify({ handoverId: newCard.handovers[0]!.id })],
    );
    expect((await d.client.equipment.device.query({ id: newId })).history.map((e) => e.kind)).toEqual([
      'delivered',
      'registered',
    ]);
    await m.query(`DELETE FROM equipment_event WHERE subject_id = ? AND kind = 'delivered'`, [newId]);

    // A device handed in already cannot be handed in again.
    const stock = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'STOCK-1' }),
    });
    await refused(
      d,
      () =>
        d.client.equipment.handover.mutate(
          handoverInput({ newDevice: { kind: 'stock', deviceId: stock.id }, oldDevice }),
        ),
      {
        code: 'CONFLICT',
        domain: 'deviceNotAvailable',
        field: 'oldDevice.deviceId',
        message:
          /^Device OLD-1 is handed_in \(handed in by Tore Tekniker, .*\): it cannot be handed in again$/,
      },
    );
    expect((await d.client.equipment.device.query({ id: stock.id })).device.status).toBe('in_stock');
    await syncedWhole(central, d);
  });

  it('refuses a wipe for a device not handed in, a batch with a device not handed in or recycled, a closed batch closed again', async () => {
    const { central, d } = await technicianDesk(engine);
    const register = (serial: string, status: 'in_stock' | 'in_use') =>
      d.client.equipment.registerDevice.mutate({ device: deviceInput({ serial, status }) });
    const old = await register('OLD-7', 'in_use');
    const fresh = await register('NEW-7', 'in_stock');
    const other = await register('OTHER-7', 'in_use');
    await d.client.equipment.handover.mutate(
      handoverInput({
        newDevice: { kind: 'stock', deviceId: fresh.id },
        oldDevice: { deviceId: old.id, outcome: 'handed_in', condition: 'faulty', diskRemoved: false },
      }),
    );
    const today = dayFromNow(0);
    const wipe =
      (deviceId: string, over: Record<string, unknown> = {}) =>
      () =>
        d.client.equipment.confirmWipe.mutate({
          deviceId,
          method: 'own_wipe',
          tool: 'Blancco Drive Eraser',
          wipedBy: 'Tore Tekniker',
          wipedOn: today,
          ...over,
        });
    const send = (deviceIds: string[]) => () =>
      d.client.equipment.sendBatch.mutate({
        sentDate: today,
        recycler: 'Retura Norsk Gjenvinning',
        deviceIds,
      });

    await refused(d, wipe(other.id), {
      code: 'CONFLICT',
      domain: 'deviceNotAvailable',
      field: 'deviceId',
      message: /^Device OTHER-7 is in_use: only a handed-in device’s wipe can be confirmed$/,
    });
    await refused(d, wipe(old.id, { wipedOn: dayFromNow(2) }), {
      code: 'CONFLICT',
      domain: 'dateInFuture',
      field: 'wipedOn',
      message: /is after today/,
    });
    await refused(d, wipe(old.id, { wipedOn: '2020-01-01' }), {
      code: 'CONFLICT',
      domain: 'conflict',
      field: 'wipedOn',
      message: /The wipe \(2020-01-01\) is before the device was handed in/,
    });
    // One device in the batch not handed in: the whole batch is refused, the handed-in one stays.
    await refused(d, send([old.id, other.id]), {
      code: 'CONFLICT',
      domain: 'deviceNotAvailable',
      field: 'deviceIds.1',
      message: /^Device OTHER-7 is in_use: only a handed-in device can go in a batch$/,
    });
    expect((await d.client.equipment.device.query({ id: old.id })).device.status).toBe('handed_in');
    await refused(d, send([randomUUID()]), {
      code: 'NOT_FOUND',
      domain: 'notFound',
      field: 'deviceIds.0',
      message: /^No device with id /,
    });

    // Handed in today: the batch cannot have left yesterday.
    await refused(
      d,
      () =>
        d.client.equipment.sendBatch.mutate({
          sentDate: dayFromNow(-1),
          recycler: 'Retura Norsk Gjenvinning',
          deviceIds: [old.id],
        }),
      {
        code: 'CONFLICT',
        domain: 'sentBeforeHandIn',
        field: 'sentDate',
        message: new RegExp(`^The batch cannot leave on ${dayFromNow(-1)}: OLD-7 was handed in on ${today}$`),
      },
    );
    const batch = await d.client.equipment.sendBatch.mutate({
      sentDate: today,
      recycler: 'Retura Norsk Gjenvinning',
      deviceIds: [old.id],
    });
    await refused(
      d,
      () =>
        d.client.equipment.closeBatch.mutate({
          batchId: batch.id,
          certificateReference: 'CERT-1',
          destructionMethod: 'Makulert',
          wipedByRecycler: false,
        }),
      { code: 'CONFLICT', domain: 'wipeMissing', field: 'wipedByRecycler', message: /OLD-7/ },
    );
    await wipe(old.id)();
    const close = () =>
      d.client.equipment.closeBatch.mutate({
        batchId: batch.id,
        certificateReference: 'CERT-1',
        destructionMethod: 'Makulert',
        wipedByRecycler: false,
      });
    await close();
    expect((await d.client.equipment.device.query({ id: old.id })).device.status).toBe('recycled');

    const closedAgain = await refused(d, close, {
      code: 'CONFLICT',
      domain: 'batchClosed',
      field: 'batchId',
      message: new RegExp(`^Batch ${batch.reference} was closed by Tore Tekniker$`),
    });
    expect(closedAgain.data!.domain!.details).toMatchObject({
      reference: batch.reference,
      closedBy: 'Tore Tekniker',
    });
    // A recycled device goes in no batch again, and its wipe is not confirmed again.
    await refused(d, send([old.id]), {
      code: 'CONFLICT',
      domain: 'deviceNotAvailable',
      field: 'deviceIds.0',
      message:
        /^Device OLD-7 is recycled \(handed in by Tore Tekniker, .*\): only a handed-in device can go in a batch$/,
    });
    await refused(d, wipe(old.id), {
      code: 'CONFLICT',
      domain: 'deviceNotAvailable',
      field: 'deviceId',
      message: /^Device OLD-7 is recycled/,
    });
    // Nor is it edited any more.
    await refused(
      d,
      () => d.client.equipment.editDevice.mutate({ deviceId: old.id, changes: { notes: 'x' } }),
      {
        code: 'CONFLICT',
        domain: 'deviceNotAvailable',
        field: 'deviceId',
        message: /it can no longer be changed/,
      },
    );
    await syncedWhole(central, d);
  });

  it('recommends replacing a device out there (R17), withdraws it to the status it had, and refuses it for a device handed in', async () => {
    const { central, d } = await technicianDesk(engine);
    // Registered in use without a delivered date, as an inventory's devices often are.
    const inUse = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'USE-1', status: 'in_use' }),
    });
    const inStock = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'STK-1' }),
    });

    await d.client.equipment.recommendReplacement.mutate({ deviceId: inUse.id, reason: 'Knust skjerm' });
    const marked = await d.client.equipment.summary.query({ id: inUse.id });
    expect(marked).toMatchObject({ status: 'replacement_recommended' });
    expect(marked!.warnings).toEqual([
      { code: 'replacementRecommended', since: null, reason: 'Knust skjerm' },
    ]);
    // A new reason keeps the mark; withdrawing it restores the status it had.
    await d.client.equipment.recommendReplacement.mutate({
      deviceId: inUse.id,
      reason: 'Knust skjerm og tastatur',
    });
    expect((await d.client.equipment.summary.query({ id: inUse.id }))!.warnings).toEqual([
      { code: 'replacementRecommended', since: null, reason: 'Knust skjerm og tastatur' },
    ]);
    await d.client.equipment.recommendReplacement.mutate({ deviceId: inUse.id, reason: null });
    expect(await d.client.equipment.summary.query({ id: inUse.id })).toMatchObject({
      status: 'in_use',
      warnings: [],
    });
    // A device in stock goes back to stock.
    await d.client.equipment.recommendReplacement.mutate({ deviceId: inStock.id, reason: 'Feil modell' });
    await d.client.equipment.recommendReplacement.mutate({ deviceId: inStock.id, reason: null });
    expect((await d.client.equipment.summary.query({ id: inStock.id }))!.status).toBe('in_stock');
    expect((await d.client.equipment.inStock.query()).map((s) => s.serial)).toEqual(['STK-1']);

    // Handed in: no longer out there, so no recommendation.
    const fresh = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'NEW-3' }),
    });
    await d.client.equipment.handover.mutate(
      handoverInput({
        newDevice: { kind: 'stock', deviceId: fresh.id },
        oldDevice: { deviceId: inUse.id, outcome: 'handed_in', condition: 'damaged', diskRemoved: true },
      }),
    );
    await refused(
      d,
      () => d.client.equipment.recommendReplacement.mutate({ deviceId: inUse.id, reason: 'Gammel' }),
      {
        code: 'CONFLICT',
        domain: 'deviceNotAvailable',
        field: 'deviceId',
        message:
          /^Device USE-1 is handed_in \(handed in by Tore Tekniker, .*\): only a device still in stock or in use can be marked$/,
      },
    );
    await syncedWhole(central, d);
    // The central store's run agrees with the desk's.
    expect(await sqlRows(central, `SELECT serial, status FROM device ORDER BY serial`)).toEqual([
      { serial: 'NEW-3', status: 'in_use' },
      { serial: 'STK-1', status: 'in_stock' },
      { serial: 'USE-1', status: 'handed_in' },
    ]);
  });

  it('shows R16 and R17 on a device: not approved on the main network only, past its lifetime', async () => {
    const { d } = await technicianDesk(engine);
    const main = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'OLD-MAIN', modelId: MODELS.oldDesktop.id, status: 'in_use' }),
    });
    const guest = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({
        serial: 'OLD-GUEST',
        modelId: MODELS.oldDesktop.id,
        network: 'guest',
        status: 'in_use',
      }),
    });
    // A laptop (48 months) delivered on 31 January 2019: replacement recommended since 31 January 2023.
    const aged = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'AGED-1', status: 'in_use', deliveredDate: '2019-01-31' }),
    });
    expect((await d.client.equipment.summary.query({ id: main.id }))!.warnings).toEqual([
      { code: 'notApproved', approvedUntil: '2022-12-31' },
    ]);
    expect((await d.client.equipment.summary.query({ id: guest.id }))!.warnings).toEqual([]);
    expect((await d.client.equipment.summary.query({ id: aged.id }))!.warnings).toEqual([
      { code: 'replacementRecommended', since: '2023-01-31', reason: null },
    ]);
    // R16 where the work happens: a model no longer approved is not delivered onto the main network,
    // from stock or registered on the spot; on the guest network it may be.
    const stock = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'OLD-STOCK', modelId: MODELS.oldDesktop.id }),
    });
    await refused(
      d,
      () =>
        d.client.equipment.handover.mutate(
          handoverInput({ newDevice: { kind: 'stock', deviceId: stock.id }, oldDevice: null }),
        ),
      {
        code: 'CONFLICT',
        domain: 'modelNotApproved',
        field: 'newDevice.deviceId',
        message:
          /^Dell OptiPlex 7050 is not an approved model on .*: it cannot be delivered onto the main network$/,
      },
    );
    await refused(
      d,
      () =>
        d.client.equipment.handover.mutate(
          handoverInput({
            newDevice: {
              kind: 'register',
              device: {
                ...deviceInput({ serial: 'OLD-NEW', modelId: MODELS.oldDesktop.id }),
                id: randomUUID(),
              },
            },
            oldDevice: { deviceId: main.id, outcome: 'handed_in', condition: 'working', diskRemoved: false },
          }),
        ),
      {
        code: 'CONFLICT',
        domain: 'modelNotApproved',
        field: 'newDevice.device.modelId',
        message: /OptiPlex 7050/,
      },
    );
    expect((await d.client.equipment.device.query({ id: main.id })).device.status).toBe('in_use');
    const guestStock = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'OLD-GUEST-2', modelId: MODELS.oldDesktop.id, network: 'guest' }),
    });
    await d.client.equipment.handover.mutate(
      handoverInput({ newDevice: { kind: 'stock', deviceId: guestStock.id }, oldDevice: null }),
    );
    expect((await d.client.equipment.device.query({ id: guestStock.id })).device.status).toBe('in_use');
  });

  it('refuses the register’s changes to an agent, and the catalogue’s to a technician (FORBIDDEN)', async () => {
    const { d } = await technicianDesk(engine);
    const device = await d.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'ROLE-1', status: 'in_use' }),
    });
    const forbidden = {
      code: 'FORBIDDEN',
      domain: 'forbidden',
      message: /is not allowed for the role technician/,
    };
    await refused(
      d,
      () =>
        d.client.equipment.saveModel.mutate({ model: { ...MODELS.elitebook, id: randomUUID(), name: 'X' } }),
      forbidden,
    );
    await refused(
      d,
      () => d.client.equipment.importModels.mutate({ base64: Buffer.from('a;b\n1;2').toString('base64') }),
      forbidden,
    );

    await signIn(d.client, { name: 'Kari Agent', role: 'agent' });
    const agent = { code: 'FORBIDDEN', domain: 'forbidden', message: /is not allowed for the role agent/ };
    await refused(d, () => d.client.equipment.registerDevice.mutate({ device: deviceInput() }), agent);
    await refused(
      d,
      () => d.client.equipment.editDevice.mutate({ deviceId: device.id, changes: { notes: 'x' } }),
      agent,
    );
    await refused(
      d,
      () => d.client.equipment.recommendReplacement.mutate({ deviceId: device.id, reason: 'x' }),
      agent,
    );
    await refused(
      d,
      () =>
        d.client.equipment.handover.mutate(
          handoverInput({
            newDevice: { kind: 'register', device: { ...deviceInput(), id: randomUUID() } },
            oldDevice: { deviceId: device.id, outcome: 'handed_in', condition: 'working', diskRemoved: true },
          }),
        ),
      agent,
    );
    await refused(
      d,
      () =>
        d.client.equipment.sendBatch.mutate({
          sentDate: dayFromNow(0),
          recycler: 'Retura',
          deviceIds: [device.id],
        }),
      agent,
    );
    await refused(
      d,
      () =>
        d.client.equipment.confirmWipe.mutate({
          deviceId: device.id,
          method: 'disk_destroyed',
          tool: null,
          wipedBy: 'Kari',
          wipedOn: dayFromNow(0),
        }),
      agent,
    );
    await refused(
      d,
      () => d.client.equipment.importDevices.mutate({ base64: Buffer.from('a;b\n1;2').toString('base64') }),
      agent,
    );
    // An agent may look a device up (and sees its warnings on a ticket).
    expect((await d.client.equipment.search.query({ text: 'ROLE-1' })).map((s) => s.id)).toEqual([device.id]);
  });
});
