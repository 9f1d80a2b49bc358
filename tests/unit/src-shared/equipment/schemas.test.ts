// The register's argument schemas and vocabulary (src-shared/equipment):
// rules across fields that refuse before any database is asked (a window
// ending before it starts, ordering through the desk without a reason, our
// own wipe without a tool, a ticket-linked handover without its visit, a
// device listed twice in a batch), labels compared as written on the label,
// and stored settings completed with the defaults.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EQUIPMENT_SETTINGS,
  normalizeLabel,
  parseEquipmentSettings,
} from '../../../../src-shared/equipment/catalogue';
import {
  batchSendArgs,
  deviceEntrySchema,
  handoverArgs,
  modelFields,
  wipeConfirmArgs,
} from '../../../../src-shared/equipment/schemas';

/** Now: instants in mutations' arguments must be near this machine's clock. */
const AT = new Date().toISOString();
const HOUR_BEFORE = new Date(Date.now() - 3_600_000).toISOString();

/** The field paths a schema refuses, with their messages. */
function issues(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const r = schema.safeParse(value);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of (r.error as { issues: Array<{ path: PropertyKey[]; message: string }> }).issues) {
    out[i.path.map(String).join('.')] = i.message;
  }
  return out;
}

const model = {
  category: 'laptop',
  maker: 'HP',
  name: 'EliteBook 840 G10',
  supplier: '',
  frameworkAgreement: null,
  approvedFrom: '2024-01-01',
  approvedUntil: null,
  orderViaDesk: false,
  orderReason: null,
};

describe('approved models', () => {
  it('accepts a model and turns blank optional text into null', () => {
    expect(modelFields.parse({ ...model, supplier: '   ' })).toMatchObject({
      supplier: null,
      approvedUntil: null,
    });
  });

  it('refuses a window ending before it starts (a one-day window is fine)', () => {
    expect(issues(modelFields, { ...model, approvedUntil: '2023-12-31' })).toEqual({
      approvedUntil: 'Approved until is before approved from',
    });
    expect(issues(modelFields, { ...model, approvedUntil: '2024-01-01' })).toEqual({});
  });

  it('refuses ordering through the desk without saying why', () => {
    expect(issues(modelFields, { ...model, orderViaDesk: true })).toEqual({
      orderReason: 'Say why it must be ordered through the service desk',
    });
    expect(issues(modelFields, { ...model, orderViaDesk: true, orderReason: 'licence' })).toEqual({});
  });

  it('refuses days that do not exist and blank names', () => {
    expect(issues(modelFields, { ...model, approvedFrom: '2023-02-29', maker: '  ' })).toEqual({
      approvedFrom: 'Not a date (YYYY-MM-DD)',
      maker: 'The maker is required',
    });
  });
});

describe('devices', () => {
  const device = {
    id: randomUUID(),
    serial: 'SN 1/2-3.4_5',
    assetTag: '',
    modelId: randomUUID(),
    network: 'main',
    customerId: randomUUID(),
    workplace: 'Molde rådhus',
    status: 'in_use',
  };

  it('accepts serials with letters, digits, spaces and . _ / -; a blank asset tag is none', () => {
    expect(deviceEntrySchema.parse(device)).toMatchObject({
      serial: 'SN 1/2-3.4_5',
      assetTag: null,
      notes: null,
    });
  });

  it('refuses other characters in a serial or tag, and a status a new device cannot have', () => {
    expect(
      issues(deviceEntrySchema, { ...device, serial: 'SN#1', assetTag: 'MK;1', status: 'recycled' }),
    ).toEqual({
      serial: 'Letters, digits, spaces and . _ / - only',
      assetTag: 'Letters, digits, spaces and . _ / - only',
      status: expect.any(String),
    });
  });

  it('compares labels as written on them: no case, no spaces (a dash stays)', () => {
    expect(normalizeLabel(' 5cg 1234\txyz ')).toBe('5CG1234XYZ');
    expect(normalizeLabel('mk-0001')).toBe('MK-0001');
    expect(normalizeLabel('MK 0001')).not.toBe(normalizeLabel('MK-0001'));
  });
});

describe('handover and recycling', () => {
  const handover = {
    at: AT,
    handoverId: randomUUID(),
    customerId: randomUUID(),
    workplace: 'Molde rådhus',
    newDevice: { kind: 'stock', deviceId: randomUUID() },
  };

  it('a handover linked to a ticket needs the visit’s times, and a departure after the arrival', () => {
    expect(issues(handoverArgs, handover)).toEqual({});
    expect(issues(handoverArgs, { ...handover, ticketId: randomUUID() })).toEqual({
      visit: 'Give the arrival and departure: the handover is recorded as the ticket’s on-site visit',
    });
    const visit = { arrivedAt: AT, departedAt: HOUR_BEFORE, travelMinutes: 10 };
    expect(issues(handoverArgs, { ...handover, ticketId: randomUUID(), visit })).toEqual({
      'visit.departedAt': 'The departure is before the arrival',
    });
  });

  it('our own wipe names its tool; the recycler’s does not need one', () => {
    const wipe = {
      at: AT,
      deviceId: randomUUID(),
      method: 'own_wipe',
      wipedBy: 'Tore',
      wipedOn: AT.slice(0, 10),
    };
    expect(issues(wipeConfirmArgs, wipe)).toEqual({ tool: 'Name the tool used for the wipe' });
    expect(issues(wipeConfirmArgs, { ...wipe, method: 'recycler_certified' })).toEqual({});
  });

  it('a batch lists each device once, and at least one', () => {
    const id = randomUUID();
    const batch = { at: AT, batchId: randomUUID(), sentDate: AT.slice(0, 10), recycler: 'Retura' };
    expect(issues(batchSendArgs, { ...batch, deviceIds: [id, id] })).toEqual({
      deviceIds: 'A device is listed twice',
    });
    expect(issues(batchSendArgs, { ...batch, deviceIds: [] })).toEqual({
      deviceIds: 'Choose the devices that leave with the batch',
    });
  });
});

describe('settings', () => {
  it('completes stored settings with the defaults (a category added later gets its default)', () => {
    const stored = { lifetimeMonths: { laptop: 36 }, licenceCharge: { pc: 1500 } };
    const s = parseEquipmentSettings(stored);
    expect(s.lifetimeMonths).toEqual({ ...DEFAULT_EQUIPMENT_SETTINGS.lifetimeMonths, laptop: 36 });
    expect(s.licenceCharge).toEqual({ ...DEFAULT_EQUIPMENT_SETTINGS.licenceCharge, pc: 1500 });
    expect(s.wipeOverdueDays).toBe(30);
    expect(parseEquipmentSettings(null)).toEqual(DEFAULT_EQUIPMENT_SETTINGS);
  });

  it('refuses a lifetime under a month and a charge in øre', () => {
    expect(() => parseEquipmentSettings({ lifetimeMonths: { pc: 0 } })).toThrow(/At least one month/);
    expect(() => parseEquipmentSettings({ licenceCharge: { pc: 99.5 } })).toThrow();
  });
});
