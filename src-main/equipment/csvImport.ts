// Reads the approved-model catalogue (R15) and an existing inventory of
// devices from CSV, as the reporter directory's import does: headers in
// Norwegian or English, "," ";" or tab between cells, files saved by Excel in
// Windows-1252 as well as UTF-8. Every row is checked; a rejected row is
// reported with its line and why, and never stops the good rows. Ids come
// from what identifies a row, so importing the same file again updates the
// catalogue and skips the devices already registered instead of doubling.
import Papa from 'papaparse';
import { createHash } from 'node:crypto';
import {
  DEVICE_CATEGORIES,
  makerKey,
  modelKey,
  normalizeLabel,
  type DeviceCategory,
  type Network,
  type OrderReason,
} from '../../src-shared/equipment/catalogue';
import { osloDay } from '../../src-shared/equipment/rules';
import {
  deviceEntrySchema,
  modelEntrySchema,
  type DeviceEntry,
  type ModelEntry,
} from '../../src-shared/equipment/schemas';

export interface CsvRejection {
  /** The line in the file (the header is line 1). */
  line: number;
  reason: string;
}

/**
 * The text of an uploaded file: UTF-8 if it is valid UTF-8 (with or without a byte-order mark),
 * otherwise Windows-1252, which is what Excel on a Norwegian Windows saves as "CSV".
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Not TextDecoder('windows-1252'): Node 20.18.3+ and 22.13.0+ decode that label as Latin-1,
    // turning € – ’ “ ” into control characters (nodejs/node#60888). Latin-1, then 0x80–0x9F mapped.
    return Buffer.from(bytes)
      .toString('latin1')
      .replace(/[\u0080-\u009F]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!);
  }
}

/** Windows-1252's bytes 0x80–0x9F (the WHATWG index); the other bytes are Latin-1's. */
const CP1252 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** A stable UUID-shaped id from what identifies a row. */
function idFrom(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const modelIdFor = (maker: string, name: string) => idFrom(`equipment-model:${modelKey(maker, name)}`);
export const deviceIdFor = (maker: string, serial: string) =>
  idFrom(`device:${makerKey(maker)}|${normalizeLabel(serial)}`);

/** Header spellings (lower case, without spaces, dashes or underscores) → field. */
function headerMap<F extends string>(spellings: Record<F, string[]>): (h: string) => string {
  const map = new Map<string, string>();
  for (const [field, names] of Object.entries(spellings) as Array<[F, string[]]>) {
    for (const n of names) map.set(n.replace(/[\s_-]/g, ''), field);
  }
  return (h) => {
    const key = h
      .trim()
      .toLowerCase()
      .replace(/[\s_-]/g, '');
    return map.get(key) ?? key;
  };
}

function parseCsv(csv: string, header: (h: string) => string) {
  const text = csv.replace(/^\uFEFF/, '');
  const breaks = (s: string) => s.match(/\r\n|\r|\n/g)?.length ?? 0;
  const rows: Array<{ line: number; row: Record<string, string> }> = [];
  const rejected: CsvRejection[] = [];
  // Papa skips empty rows and keeps line breaks inside quoted cells, so a row's index is not its
  // line: each row's line is counted from where it ends in the text.
  let cursor = 0;
  let lineAtCursor = 1;
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t'],
    transformHeader: header,
    step: (result) => {
      const chunk = text.slice(cursor, result.meta.cursor);
      const lastLine = lineAtCursor + breaks(chunk.replace(/(\r\n|\r|\n)$/, ''));
      cursor = result.meta.cursor;
      lineAtCursor += breaks(chunk);
      const inCells = Object.values(result.data).reduce((n, v) => n + breaks(String(v)), 0);
      const line = lastLine - inCells;
      // (An error without a row, such as an undetected delimiter, is not the row's.)
      const error = result.errors.find((e) => e.row !== undefined);
      if (error) rejected.push({ line, reason: error.message });
      else rows.push({ line, row: result.data });
    },
  });
  return { rows, fields: parsed.meta.fields ?? [], rejected };
}

const cell = (row: Record<string, string>, field: string) => (row[field] ?? '').trim();

/** 'YYYY-MM-DD', or the Norwegian 'D.M.YYYY' Excel writes; '' is no date; anything else is kept to be refused. */
function dayOf(value: string): string | null {
  if (value === '') return null;
  const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (nb) return `${nb[3]}-${nb[2]!.padStart(2, '0')}-${nb[1]!.padStart(2, '0')}`;
  return value;
}

// Norwegian Excel writes a logical cell as SANN / USANN.
const YES = new Set(['ja', 'j', 'yes', 'y', 'x', 'true', 'sann', '1']);
const NO = new Set(['nei', 'n', 'no', 'false', 'usann', '0', '']);

/** A name table's entry for a cell: its own keys only (a cell saying "constructor" is not a name). */
const named = <T>(names: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(names, key) ? names[key] : undefined;

/** Category names as people write them, in bokmål or English. */
const CATEGORY_NAMES: Record<string, DeviceCategory> = {
  pc: 'pc',
  stasjonær: 'pc',
  stasjonærpc: 'pc',
  desktop: 'pc',
  bærbar: 'laptop',
  bærbarpc: 'laptop',
  laptop: 'laptop',
  skriver: 'printer',
  printer: 'printer',
  mfp: 'mfp',
  multifunksjon: 'mfp',
  multifunksjonsmaskin: 'mfp',
  infoskjerm: 'info_screen',
  infoscreen: 'info_screen',
  interaktivtavle: 'whiteboard',
  tavle: 'whiteboard',
  whiteboard: 'whiteboard',
  interactivewhiteboard: 'whiteboard',
  telefon: 'phone',
  mobil: 'phone',
  phone: 'phone',
  nettbrett: 'tablet',
  tablet: 'tablet',
  nettverksutstyr: 'network_device',
  networkdevice: 'network_device',
  annet: 'other',
  other: 'other',
};
for (const c of DEVICE_CATEGORIES) CATEGORY_NAMES[c.replace(/_/g, '')] = c;

const REASON_NAMES: Record<string, OrderReason> = {
  lisens: 'licence',
  licence: 'licence',
  license: 'licence',
  kompatibilitet: 'compatibility',
  compatibility: 'compatibility',
};

const firstIssue = (error: { issues: Array<{ path: PropertyKey[]; message: string }> }) => {
  const issue = error.issues[0]!;
  return `${issue.path.map(String).join('.') || 'row'}: ${issue.message}`;
};

// ---------------------------------------------------------------------------------------------
// The catalogue

const MODEL_HEADERS = headerMap({
  category: ['kategori', 'category', 'type'],
  maker: ['produsent', 'fabrikat', 'merke', 'maker', 'manufacturer'],
  name: ['modell', 'modellnavn', 'model', 'name'],
  supplier: ['leverandør', 'supplier'],
  frameworkAgreement: ['rammeavtale', 'avtale', 'frameworkagreement', 'agreement'],
  approvedFrom: ['godkjentfra', 'approvedfrom'],
  approvedUntil: ['godkjenttil', 'approveduntil', 'approvedto'],
  orderViaDesk: ['bestillesviaservicedesk', 'viaservicedesk', 'bestillesviaservicedesken', 'orderviadesk'],
  orderReason: ['årsak', 'grunn', 'reason', 'orderreason'],
});
const MODEL_REQUIRED = ['category', 'maker', 'name', 'approvedFrom'] as const;

/** `existing`: the catalogue as it is; a row naming a model in it updates that entry. */
export function parseModelCsv(
  csv: string,
  existing: ReadonlyArray<{ id: string; maker: string; name: string }>,
): { models: ModelEntry[]; rejected: CsvRejection[]; missingColumns: string[] } {
  const { rows, fields, rejected } = parseCsv(csv, MODEL_HEADERS);
  const known = new Map(existing.map((m) => [modelKey(m.maker, m.name), m.id]));
  const missingColumns = MODEL_REQUIRED.filter((c) => !fields.includes(c));
  if (missingColumns.length > 0) return { models: [], rejected: [], missingColumns };
  const models: ModelEntry[] = [];
  const seen = new Map<string, number>();
  rows.forEach(({ line, row }) => {
    const reject = (reason: string) => rejected.push({ line, reason });
    const categoryText = cell(row, 'category');
    const category = named(CATEGORY_NAMES, categoryText.toLowerCase().replace(/[\s_-]/g, ''));
    if (!category) return reject(categoryText ? `Unknown category "${categoryText}"` : 'category: required');
    const via = cell(row, 'orderViaDesk').toLowerCase();
    if (!YES.has(via) && !NO.has(via)) return reject(`orderViaDesk: "${via}" is neither yes nor no`);
    const reasonText = cell(row, 'orderReason').toLowerCase();
    const reason = reasonText ? named(REASON_NAMES, reasonText) : null;
    if (reason === undefined)
      return reject(`orderReason: unknown reason "${reasonText}" (licence or compatibility)`);
    const maker = cell(row, 'maker');
    const name = cell(row, 'name');
    const result = modelEntrySchema.safeParse({
      id: known.get(modelKey(maker, name)) ?? modelIdFor(maker, name),
      category,
      maker,
      name,
      supplier: cell(row, 'supplier'),
      frameworkAgreement: cell(row, 'frameworkAgreement'),
      approvedFrom: dayOf(cell(row, 'approvedFrom')),
      approvedUntil: dayOf(cell(row, 'approvedUntil')),
      orderViaDesk: YES.has(via),
      orderReason: reason,
    });
    if (!result.success) return reject(firstIssue(result.error));
    const earlier = seen.get(result.data.id);
    if (earlier) return reject(`${maker} ${name} is already on line ${earlier}`);
    seen.set(result.data.id, line);
    models.push(result.data);
  });
  rejected.sort((a, b) => a.line - b.line);
  return { models, rejected, missingColumns: [] };
}

// ---------------------------------------------------------------------------------------------
// An inventory of devices

const DEVICE_HEADERS = headerMap({
  serial: ['serienummer', 'serienr', 'serial', 'serialnumber', 'sn'],
  maker: ['produsent', 'fabrikat', 'merke', 'maker', 'manufacturer'],
  model: ['modell', 'model'],
  assetTag: ['inventarnummer', 'inventarnr', 'assettag', 'tag', 'merkelapp'],
  municipality: ['kommune', 'tjenestemottaker', 'kunde', 'municipality', 'customer'],
  workplace: ['arbeidssted', 'virksomhet', 'plassering', 'workplace', 'location'],
  user: ['bruker', 'brukernavn', 'user', 'assigneduser'],
  network: ['nettverk', 'nett', 'network'],
  setupDate: ['oppsettdato', 'oppsett', 'standardoppsett', 'setupdate', 'setup'],
  deliveredDate: ['levert', 'leveringsdato', 'levertdato', 'delivered', 'delivereddate'],
  status: ['status'],
  notes: ['merknad', 'merknader', 'notat', 'notes', 'note'],
});
const DEVICE_REQUIRED = ['serial', 'maker', 'model', 'municipality', 'workplace'] as const;

const NETWORK_NAMES: Record<string, Network> = {
  '': 'main',
  hoved: 'main',
  hovednett: 'main',
  main: 'main',
  gjest: 'guest',
  gjestenett: 'guest',
  guest: 'guest',
};
const STATUS_NAMES: Record<string, 'in_stock' | 'in_use'> = {
  '': 'in_use',
  ibruk: 'in_use',
  inuse: 'in_use',
  pålager: 'in_stock',
  lager: 'in_stock',
  instock: 'in_stock',
  stock: 'in_stock',
};

export interface InventoryContext {
  models: ReadonlyArray<{ id: string; maker: string; name: string }>;
  customers: ReadonlyArray<{ id: string; name: string }>;
  /** The register as it is: device ids, and labels taken (serial per maker, asset tags). */
  existing: ReadonlyArray<{ id: string; serialKey: string; maker: string; assetTagKey: string | null }>;
  /** The instant of the import (delivered and setup dates cannot be after its day). */
  at: string;
}

export function parseDeviceCsv(
  csv: string,
  context: InventoryContext,
): {
  devices: DeviceEntry[];
  rejected: CsvRejection[];
  alreadyRegistered: number[];
  missingColumns: string[];
} {
  const { rows, fields, rejected } = parseCsv(csv, DEVICE_HEADERS);
  const missingColumns = DEVICE_REQUIRED.filter((c) => !fields.includes(c));
  if (missingColumns.length > 0) return { devices: [], rejected: [], alreadyRegistered: [], missingColumns };

  const today = osloDay(context.at);
  const models = new Map(context.models.map((m) => [modelKey(m.maker, m.name), m]));
  const customers = new Map(context.customers.map((c) => [c.name.toLowerCase(), c.id]));
  const ids = new Set(context.existing.map((d) => d.id));
  const serials = new Map<string, string>(
    context.existing.map((d) => [`${makerKey(d.maker)}|${d.serialKey}`, 'the register']),
  );
  const tags = new Map<string, string>(
    context.existing.filter((d) => d.assetTagKey !== null).map((d) => [d.assetTagKey!, 'the register']),
  );
  const devices: DeviceEntry[] = [];
  const alreadyRegistered: number[] = [];
  rows.forEach(({ line, row }) => {
    const reject = (reason: string) => rejected.push({ line, reason });
    const maker = cell(row, 'maker');
    const modelName = cell(row, 'model');
    const model = models.get(modelKey(maker, modelName));
    if (!model) return reject(`model: "${maker} ${modelName}" is not in the catalogue of approved models`);
    const municipality = cell(row, 'municipality');
    const customerId = customers.get(municipality.toLowerCase());
    if (!customerId) {
      return reject(municipality ? `municipality: unknown "${municipality}"` : 'municipality: required');
    }
    const network = named(NETWORK_NAMES, cell(row, 'network').toLowerCase().replace(/[\s-]/g, ''));
    if (!network)
      return reject(`network: "${cell(row, 'network')}" is neither main (hoved) nor guest (gjest)`);
    const status = named(STATUS_NAMES, cell(row, 'status').toLowerCase().replace(/[\s-]/g, ''));
    if (!status)
      return reject(`status: "${cell(row, 'status')}" is neither in use (i bruk) nor in stock (på lager)`);
    const serial = cell(row, 'serial');
    const id = deviceIdFor(model.maker, serial);
    if (ids.has(id)) {
      alreadyRegistered.push(line);
      return;
    }
    const user = cell(row, 'user');
    const result = deviceEntrySchema.safeParse({
      id,
      serial,
      assetTag: cell(row, 'assetTag'),
      modelId: model.id,
      network,
      setupDate: dayOf(cell(row, 'setupDate')),
      deliveredDate: dayOf(cell(row, 'deliveredDate')),
      notes: cell(row, 'notes'),
      customerId,
      workplace: cell(row, 'workplace'),
      assignedUser: user,
      assignedReporterId: null,
      status,
    });
    if (!result.success) return reject(firstIssue(result.error));
    const d = result.data;
    for (const [field, day] of [
      ['setupDate', d.setupDate],
      ['deliveredDate', d.deliveredDate],
    ] as const) {
      if (day !== null && day > today) return reject(`${field}: ${day} is after today (${today})`);
    }
    const serialKey = `${makerKey(model.maker)}|${normalizeLabel(d.serial)}`;
    const serialOwner = serials.get(serialKey);
    if (serialOwner) return reject(`serial: ${model.maker} ${d.serial} is already in ${serialOwner}`);
    const tagKey = d.assetTag === null ? null : normalizeLabel(d.assetTag);
    const tagOwner = tagKey === null ? undefined : tags.get(tagKey);
    if (tagOwner) return reject(`assetTag: ${d.assetTag} is already in ${tagOwner}`);
    serials.set(serialKey, `line ${line}`);
    if (tagKey !== null) tags.set(tagKey, `line ${line}`);
    devices.push(d);
  });
  rejected.sort((a, b) => a.line - b.line);
  return { devices, rejected, alreadyRegistered, missingColumns: [] };
}
