// The equipment register across desks and a real central store (SQLite and
// PostgreSQL): a technician's offline handover linked to a ticket, seen by a
// team lead who batches the old device, confirms its wipe and closes the batch
// with the certificate; the same serial registered on two offline desks; the
// same device handed in twice; a kept device's licence charge.
import { TRPCClientError } from '@trpc/client';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LocalRouter } from '../../../../src-main/desk/router';
import { osloDay } from '../../../../src-shared/equipment/rules';
import { ENGINES } from '../../../support/central';
import { sqlRows } from '../../../support/cti';
import { useDeskCluster } from '../../../support/deskCluster';
import { deviceInput, MOLDE, saveModels, ticketAbout } from '../../../support/equipment';
import { signIn, type RunningDesk } from '../../../support/tempDesk';

const cluster = useDeskCluster();
const sync = (d: RunningDesk) => d.desk.sync!.syncNow();

async function errorOf(p: Promise<unknown>): Promise<TRPCClientError<LocalRouter>> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCClientError) return e as TRPCClientError<LocalRouter>;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** A team lead's desk B with the catalogue, and a technician's desk A that has it too. */
async function register(engine: (typeof ENGINES)[number]) {
  const { central, desks } = await cluster(engine, 2);
  const [a, b] = desks as [RunningDesk, RunningDesk];
  await signIn(b.client, { name: 'Tone Teamleder', role: 'team_lead' });
  await signIn(a.client, { name: 'Tore Tekniker', role: 'technician' });
  await saveModels(b.client);
  await sync(b);
  await sync(a);
  return { central, a, b };
}

describe.each(ENGINES)('equipment register on %s', (engine) => {
  it('an offline handover linked to a ticket syncs whole; the team lead batches, wipes and closes', async () => {
    const { central, a, b } = await register(engine);
    const old = await a.client.equipment.registerDevice.mutate({
      device: deviceInput({
        serial: 'OLD-1001',
        assetTag: 'MK-0001',
        status: 'in_use',
        deliveredDate: '2021-03-01',
      }),
    });
    const ticket = await ticketAbout(a.client, old.id);
    await sync(a);

    // Offline now: A does not sync until the day's work is done.
    const newId = randomUUID();
    const arrivedAt = new Date(Date.now() - 40 * 60_000).toISOString();
    const done = await a.client.equipment.handover.mutate({
      customerId: MOLDE,
      workplace: 'Molde rådhus',
      assignedUser: 'Per Pleier',
      assignedReporterId: null,
      newDevice: {
        kind: 'register',
        device: { ...deviceInput({ serial: 'NEW-2002', assetTag: 'MK-0002' }), id: newId },
      },
      oldDevice: { deviceId: old.id, outcome: 'handed_in', condition: 'working', diskRemoved: true },
      ticketId: ticket.id,
      visit: { arrivedAt, departedAt: new Date().toISOString(), travelMinutes: 25 },
      notes: 'Data flyttet',
    });
    expect(done).toMatchObject({ newDeviceId: newId, oldDeviceId: old.id, charge: null });
    const offlineCard = await a.client.equipment.device.query({ id: old.id });
    expect(offlineCard.device).toMatchObject({
      status: 'handed_in',
      handedInByName: 'Tore Tekniker',
      diskRemoved: true,
    });
    expect((await b.client.equipment.recycling.query()).waiting).toEqual([]);

    await sync(a);
    await sync(b);
    const recycling = await b.client.equipment.recycling.query();
    expect(recycling.waiting.map((d) => d.serial)).toEqual(['OLD-1001']);
    const delivered = await b.client.equipment.device.query({ id: newId });
    expect(delivered.device).toMatchObject({
      status: 'in_use',
      assignedUser: 'Per Pleier',
      workplace: 'Molde rådhus',
    });
    expect(delivered.handovers).toHaveLength(1);
    // The ticket has the handover as its on-site visit (R11), on the other desk too.
    const seen = await b.client.tickets.get.query({ id: ticket.id });
    const visit = seen.events.find((e) => e.kind === 'on_site_visit');
    expect(visit?.data).toMatchObject({ travelMinutes: 25, handoverId: done.id, location: 'Molde rådhus' });
    expect(seen.ticket.deviceId).toBe(old.id);

    // A wipe cannot be confirmed twice wrongly, and a batch cannot close without wipes or the certificate's cover.
    const batch = await b.client.equipment.sendBatch.mutate({
      sentDate: osloDay(new Date().toISOString()), // the desk's days are Oslo's (after midnight: not UTC's)
      recycler: 'Retura Norsk Gjenvinning',
      deviceIds: [old.id],
    });
    const notWiped = await errorOf(
      b.client.equipment.closeBatch.mutate({
        batchId: batch.id,
        certificateReference: 'CERT-77',
        destructionMethod: 'Makulert',
        wipedByRecycler: false,
      }),
    );
    expect(notWiped.data!.domain).toMatchObject({ code: 'wipeMissing', details: { serials: 'OLD-1001' } });
    await b.client.equipment.confirmWipe.mutate({
      deviceId: old.id,
      method: 'own_wipe',
      tool: 'Blancco Drive Eraser',
      wipedBy: 'Tone Teamleder',
      wipedOn: osloDay(new Date().toISOString()),
    });
    await b.client.equipment.closeBatch.mutate({
      batchId: batch.id,
      certificateReference: 'CERT-77',
      destructionMethod: 'Makulert',
      wipedByRecycler: false,
    });
    await sync(b);
    await sync(a);
    const recycled = await a.client.equipment.device.query({ id: old.id });
    expect(recycled.device).toMatchObject({
      status: 'recycled',
      wipeMethod: 'own_wipe',
      batchReference: batch.reference,
    });
    expect(recycled.history.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['registered', 'handedIn', 'batched', 'wipeConfirmed', 'recycled']),
    );
    const sheet = await a.client.equipment.batch.query({ id: batch.id });
    expect(sheet).toMatchObject({
      status: 'closed',
      certificateReference: 'CERT-77',
      closedByName: 'Tone Teamleder',
    });
    expect(sheet.lines).toEqual([
      expect.objectContaining({ serial: 'OLD-1001', assetTag: 'MK-0001', diskRemoved: true }),
    ]);
    // Nothing doubled on the central store.
    const rows = await sqlRows(central, `SELECT serial, status FROM device ORDER BY serial`);
    expect(rows).toEqual([
      { serial: 'NEW-2002', status: 'in_use' },
      { serial: 'OLD-1001', status: 'recycled' },
    ]);
    expect(await sqlRows(central, `SELECT count(*) AS n FROM handover`)).toEqual([{ n: expect.anything() }]);
    expect(Number((await sqlRows(central, `SELECT count(*) AS n FROM handover`))[0]!.n)).toBe(1);
    for (const d of [a, b]) expect(await d.client.sync.rejected.query()).toEqual([]);
  });

  it('a delivered device is found under its new user at once, on the desk that delivered it and the next', async () => {
    const { a, b } = await register(engine);
    const stock = await a.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'STK-3003', workplace: 'Lager Molde' }),
    });
    const old = await a.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'OLD-3003', status: 'in_use', assignedUser: 'Åse Ødegård' }),
    });
    await sync(a);
    await sync(b);
    await a.client.equipment.handover.mutate({
      customerId: MOLDE,
      workplace: 'Kvam skole',
      assignedUser: 'Åse Ødegård',
      assignedReporterId: null,
      newDevice: { kind: 'stock', deviceId: stock.id },
      oldDevice: { deviceId: old.id, outcome: 'handed_in', condition: 'working', diskRemoved: false },
      ticketId: null,
      visit: null,
      notes: null,
    });
    // The search entries are rewritten after the commit; a look-up straight after sees them already.
    const byUser = async (d: RunningDesk) =>
      (await d.client.equipment.search.query({ text: 'Ødegård' })).map((x) => [x.serial, x.workplace]).sort();
    const byOldPlace = async (d: RunningDesk) =>
      (await d.client.equipment.search.query({ text: 'Lager Molde' })).map((x) => x.serial);
    expect(await byUser(a)).toEqual([
      ['OLD-3003', 'Molde rådhus'],
      ['STK-3003', 'Kvam skole'],
    ]);
    expect(await byOldPlace(a)).toEqual([]);
    // Desk B gets the change by a pull (the same trigger, the same upkeep).
    await sync(a);
    await sync(b);
    expect(await byUser(b)).toEqual([
      ['OLD-3003', 'Molde rådhus'],
      ['STK-3003', 'Kvam skole'],
    ]);
    expect(await byOldPlace(b)).toEqual([]);
    for (const d of [a, b]) {
      await d.desk.store.dataSource.manager.query(
        `INSERT INTO device_search (device_search, rank) VALUES ('integrity-check', 1)`,
      );
    }
  });

  it('the same serial registered on two offline desks: the second is rejected with who registered it', async () => {
    const { central, a, b } = await register(engine);
    await signIn(b.client, { name: 'Tina Tekniker', role: 'technician' });
    await a.client.equipment.registerDevice.mutate({ device: deviceInput({ serial: '5CG1234XYZ' }) });
    // Written differently on the other desk's label: the same serial.
    await b.client.equipment.registerDevice.mutate({ device: deviceInput({ serial: '5cg 1234 xyz' }) });
    await sync(a);
    await sync(b);
    const [rejected] = await b.client.sync.rejected.query();
    expect(rejected).toMatchObject({
      name: 'equipment.registerDevice',
      code: 'duplicateSerial',
      actorName: 'Tina Tekniker',
    });
    expect(rejected!.reason).toMatch(/HP serial 5cg 1234 xyz is already registered \(by Tore Tekniker/);
    expect((await b.client.equipment.search.query({ text: '5CG1234' })).map((d) => d.serial)).toEqual([
      '5CG1234XYZ',
    ]);
    expect(Number((await sqlRows(central, `SELECT count(*) AS n FROM device`))[0]!.n)).toBe(1);
  });

  it('a device handed in on two desks is handed in once; the second handover is rejected whole', async () => {
    const { central, a, b } = await register(engine);
    await signIn(b.client, { name: 'Tina Tekniker', role: 'technician' });
    const old = await a.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'OLD-3003', status: 'in_use' }),
    });
    await sync(a);
    await sync(b);
    const handOver = (d: RunningDesk, serial: string) =>
      d.client.equipment.handover.mutate({
        customerId: MOLDE,
        workplace: 'Hjelset skole',
        assignedUser: 'Lærer Lise',
        assignedReporterId: null,
        newDevice: { kind: 'register', device: { ...deviceInput({ serial }), id: randomUUID() } },
        oldDevice: { deviceId: old.id, outcome: 'handed_in', condition: 'faulty', diskRemoved: false },
        ticketId: null,
        visit: null,
        notes: null,
      });
    await handOver(a, 'A-NEW');
    await handOver(b, 'B-NEW');
    await sync(a);
    await sync(b);
    const [rejected] = await b.client.sync.rejected.query();
    expect(rejected).toMatchObject({ name: 'equipment.handover', code: 'deviceNotAvailable' });
    expect(rejected!.reason).toMatch(/handed in by Tore Tekniker/);
    // Nothing of the rejected handover stays: its new device is not registered anywhere.
    expect(
      (await sqlRows(central, `SELECT serial FROM device ORDER BY serial`)).map((r) => r.serial),
    ).toEqual(['A-NEW', 'OLD-3003']);
    expect(await b.client.equipment.search.query({ text: 'B-NEW' })).toEqual([]);
    expect(Number((await sqlRows(central, `SELECT count(*) AS n FROM handover`))[0]!.n)).toBe(1);
  });

  it('a rejected handover puts the stock device it delivered back exactly as it was (undo by column)', async () => {
    const { a, b } = await register(engine);
    await signIn(b.client, { name: 'Tina Tekniker', role: 'technician' });
    const old = await a.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'OLD-4004', status: 'in_use', assignedUser: 'Kari Kontor' }),
    });
    const stock = await a.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'STOCK-4005', workplace: 'IKT-lageret', notes: 'Ny i eske' }),
    });
    await sync(a);
    await sync(b);
    const before = await b.client.equipment.device.query({ id: stock.id });
    const handOver = (d: RunningDesk, newDevice: Record<string, unknown>) =>
      d.client.equipment.handover.mutate({
        customerId: MOLDE,
        workplace: 'Hjelset skole',
        assignedUser: 'Lærer Lise',
        assignedReporterId: null,
        newDevice: newDevice as never,
        oldDevice: { deviceId: old.id, outcome: 'handed_in', condition: 'working', diskRemoved: true },
        ticketId: null,
        visit: null,
        notes: null,
      });
    await handOver(a, {
      kind: 'register',
      device: { ...deviceInput({ serial: 'A-NEW-4' }), id: randomUUID() },
    });
    // B delivers the stock device: its outbox entry keeps only the columns the handover wrote.
    await handOver(b, { kind: 'stock', deviceId: stock.id });
    expect((await b.client.equipment.device.query({ id: stock.id })).device).toMatchObject({
      status: 'in_use',
      workplace: 'Hjelset skole',
      assignedUser: 'Lærer Lise',
    });
    await sync(a);
    await sync(b);
    expect(await b.client.sync.rejected.query()).toMatchObject([
      { name: 'equipment.handover', code: 'deviceNotAvailable' },
    ]);
    // The server never saw B's delivery, so only B's own undo can have restored the stock device.
    expect(await b.client.equipment.device.query({ id: stock.id })).toEqual(before);
  });

  it('a kept device raises the licence charge the team lead set, listed per month and customer', async () => {
    const { a, b } = await register(engine);
    const { lifetimeMonths, licenceCharge, wipeOverdueDays } = await b.client.equipment.settings.query();
    await b.client.equipment.setSettings.mutate({
      settings: { lifetimeMonths, wipeOverdueDays, licenceCharge: { ...licenceCharge, laptop: 1500 } },
    });
    await sync(b);
    await sync(a);
    const old = await a.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'KEEP-1', status: 'in_use' }),
    });
    const stock = await a.client.equipment.registerDevice.mutate({
      device: deviceInput({ serial: 'STOCK-1' }),
    });
    const done = await a.client.equipment.handover.mutate({
      customerId: MOLDE,
      workplace: 'NAV Molde',
      assignedUser: 'Nils Nav',
      assignedReporterId: null,
      newDevice: { kind: 'stock', deviceId: stock.id },
      oldDevice: { deviceId: old.id, outcome: 'kept', condition: 'working', diskRemoved: false },
      ticketId: null,
      visit: null,
      notes: null,
    });
    expect(done.charge).toBe(1500);
    await sync(a);
    await sync(b);
    const month = new Date().toISOString().slice(0, 7);
    const charges = await b.client.equipment.charges.query({ month });
    expect(charges).toEqual([
      expect.objectContaining({ serial: 'KEEP-1', amount: 1500, customerName: 'Molde kommune' }),
    ]);
    const file = await b.client.equipment.chargesCsv.mutate({ month });
    expect(file.filename).toBe(`lisensgebyr-${month}.csv`);
    expect(file.csv).toMatch(/^\uFEFFMåned;Kommune;Dato;Serienummer/);
    expect(file.csv).toContain(`${month};Molde kommune;`);
    expect(file.csv).toContain(';KEEP-1;');
    expect(file.csv).toMatch(/;1500\r\n$/);
    expect((await b.client.equipment.device.query({ id: old.id })).device.status).toBe('kept_by_customer');
  });
});
