// Demo equipment register (R15–R19), written only through the equipment
// mutations at the instants they would have happened. The story: on the
// demo's first service day the team lead puts the approved-model catalogue
// in (the current framework agreements and a few models whose approval has
// ended), sets the licence charge for PCs and laptops and a two-week wipe
// deadline; the technicians import each municipality's inventory (some of it
// aged, some of models no longer approved, a little on the guest network)
// and register a delivery of new machines into stock. Over the next weeks
// they mark a few devices for replacement and do handovers on site (new
// device from stock or registered on the spot, the old one handed in; twice
// the customer keeps it and pays the licence charge; one is a demo ticket's
// on-site visit). The handed-in devices leave for the recycler in two
// batches: the first is closed with the certificate, the second is still
// out; a few handed-in devices wait for the next batch, one of them long
// enough for its missing wipe to be overdue.
import { DateTime } from 'luxon';
import {
  DEFAULT_EQUIPMENT_SETTINGS,
  type DeviceCategory,
  type DeviceCondition,
  type Network,
  type OrderReason,
  type WipeMethod,
} from '../../src-shared/equipment/catalogue';
import { endOfLifetime, isApprovedOn } from '../../src-shared/equipment/rules';
import type { DeviceEntry } from '../../src-shared/equipment/schemas';
import type { Actor } from '../../src-shared/roles';
import { SERVICE_TIME_ZONE } from '../../src-shared/serviceTimeZone';
import type { Desk } from '../desk/openDesk';
import { deviceImport, deviceRecommendReplacement, deviceRegister } from '../equipment/devices';
import { handover } from '../equipment/handover';
import { equipmentSetSettings, modelSave } from '../equipment/models';
import { batchClose, batchSend, wipeConfirm } from '../equipment/recycling';
import { int, mulberry32, pick, placeOf, seededUuidV7, weighted, type Rng } from './kit';

/** A demo ticket a handover can be the on-site visit of (R11, R18). */
export interface DemoEquipmentTicket {
  id: string;
  summary: string;
  customerId: string;
  workplace: string;
  reporterName: string;
  startedAt: number | null;
  resolvedAt: number | null;
  /** It waits on an agreed plan: no visit in the demo. */
  planned: boolean;
}

export interface DemoEquipmentInput {
  seed: number;
  nowMs: number;
  /** The demo's service days, oldest first (midnight in Oslo). */
  days: readonly DateTime[];
  customers: ReadonlyArray<{ id: string; name: string; workplaces: readonly string[] }>;
  /** People at the municipalities (the demo's callers): they get the PCs, laptops and phones. */
  people: ReadonlyArray<{ name: string; customerId: string; workplace: string }>;
  names: { first: readonly string[]; last: readonly string[] };
  teamLead: Actor;
  /** Two technicians: the first covers Molde, Aukra and Hustadvika, the second the rest. */
  technicians: readonly Actor[];
  tickets: readonly DemoEquipmentTicket[];
}

export interface DemoEquipmentStep {
  at: number;
  /** What the step does, for a failure's message. */
  what: string;
  run: (desk: Desk) => Promise<unknown>;
}

export interface DemoEquipmentSummary {
  models: number;
  /** Models whose approval has ended. */
  endedModels: number;
  devices: number;
  /** Devices still in stock at the end. */
  inStock: number;
  /** Devices a technician marked for replacement (R17); some have been replaced since. */
  markedForReplacement: number;
  handovers: number;
  /** Handovers where the customer kept the old device (a licence charge). */
  kept: number;
  /** The ticket whose on-site visit one handover is, if any. */
  linkedTicketId: string | null;
  batchesClosed: number;
  batchesOpen: number;
  /** Handed-in devices not yet in a batch. */
  waitingForBatch: number;
  /** Mutations the steps run. */
  mutations: number;
}

// ---- the catalogue (R15) -------------------------------------------------------

interface ModelDef {
  category: DeviceCategory;
  maker: string;
  name: string;
  supplier: string;
  /** The framework agreement, without its year (the year the model was approved from). */
  agreement: string;
  /** Approved from the start of the month this many months ago. */
  from: number;
  /** Approved until the end of the month this many months ago; null: still approved. */
  until: number | null;
  orderVia: OrderReason | null;
  /** The serial number's shape: # a digit, @ a letter or digit, anything else itself. */
  serial: string;
}

const IKT = 'Rammeavtale IKT-utstyr';
const CLIENTS = 'Rammeavtale klientutstyr';
const PRINT = 'Rammeavtale skrivere og multifunksjonsmaskiner';
const AV = 'Rammeavtale AV-utstyr';
const MOBILE = 'Rammeavtale mobiltelefoner';
const NETWORK = 'Rammeavtale nettverksutstyr';

const MODELS: readonly ModelDef[] = [
  ['pc', 'Dell', 'OptiPlex 7010 Micro', 'Dustin', IKT, 38, null, 'licence', '@@@@@@@'],
  ['pc', 'HP', 'Elite Mini 800 G9', 'Atea', IKT, 38, null, 'licence', 'CZC####@@@'],
  ['pc', 'Dell', 'OptiPlex 5070 Micro', 'Dustin', CLIENTS, 84, 14, 'licence', '@@@@@@@'],
  ['laptop', 'HP', 'EliteBook 840 G10', 'Atea', IKT, 38, null, 'licence', '5CG####@@@'],
  ['laptop', 'Lenovo', 'ThinkPad T14 Gen 4', 'Atea', IKT, 36, null, 'licence', 'PF@@@@@@'],
  ['laptop', 'Lenovo', 'ThinkPad L14 Gen 3', 'Dustin', IKT, 38, null, null, 'PF@@@@@@'],
  ['laptop', 'HP', 'EliteBook 840 G5', 'Atea', CLIENTS, 96, 14, 'licence', '5CG####@@@'],
  ['printer', 'HP', 'LaserJet Pro 4002dn', 'Dustin', PRINT, 40, null, null, 'PHB@######'],
  ['printer', 'HP', 'LaserJet Pro M404dn', 'Dustin', PRINT, 84, null, null, 'PHB@######'],
  ['printer', 'Zebra', 'ZD421 etikettskriver', 'Atea', PRINT, 40, null, 'compatibility', 'D4J#########'],
  ['mfp', 'Ricoh', 'IM C3000', 'Ricoh Norge AS', PRINT, 44, null, 'compatibility', '3###R######'],
  [
    'mfp',
    'Konica Minolta',
    'bizhub C300i',
    'Konica Minolta Business Solutions Norway AS',
    PRINT,
    44,
    null,
    'compatibility',
    'AA2J0########',
  ],
  ['mfp', 'Ricoh', 'MP C3004', 'Ricoh Norge AS', PRINT, 100, 20, 'compatibility', 'E###M######'],
  ['info_screen', 'Samsung', 'QM55C', 'Atea', AV, 30, null, null, '0@@@3HC@#####@'],
  ['info_screen', 'Samsung', 'QM43R-B', 'Atea', AV, 96, null, null, '0@@@3HC@#####@'],
  ['whiteboard', 'Promethean', 'ActivPanel 9 75"', 'Atea', AV, 30, null, 'compatibility', 'AP9B75######'],
  ['whiteboard', 'SMART', 'Board MX275-V3', 'Atea', AV, 110, null, 'compatibility', 'SBID##@@######'],
  ['phone', 'Apple', 'iPhone 15', 'Dustin', MOBILE, 28, null, 'compatibility', '@@@@@@@@@@'],
  ['phone', 'Samsung', 'Galaxy A55 5G', 'Dustin', MOBILE, 22, null, 'compatibility', 'R5@@###@@@@'],
  ['phone', 'Apple', 'iPhone 12', 'Dustin', MOBILE, 64, null, 'compatibility', '@@@@@@@@@@'],
  ['tablet', 'Apple', 'iPad (10. generasjon)', 'Atea', IKT, 40, null, 'compatibility', '@@@@@@@@@@'],
  ['tablet', 'Apple', 'iPad (9. generasjon)', 'Atea', IKT, 54, null, 'compatibility', '@@@@@@@@@@'],
  ['tablet', 'Samsung', 'Galaxy Tab Active5', 'Dustin', IKT, 20, null, 'compatibility', 'R5@@###@@@@'],
  [
    'network_device',
    'Cisco',
    'Catalyst 9200L-24P-4G',
    'Atea',
    NETWORK,
    60,
    null,
    'compatibility',
    'FOC####@@@@',
  ],
  ['network_device', 'HPE Aruba', 'AP-515', 'Atea', NETWORK, 60, null, 'compatibility', 'CN@@@@@@@@'],
  [
    'network_device',
    'HPE Aruba',
    '2930F-24G-PoE+',
    'Atea',
    NETWORK,
    110,
    null,
    'compatibility',
    'CN@@@@@@@@',
  ],
  ['other', 'Logitech', 'Rally Bar', 'Dustin', IKT, 36, null, 'licence', '####LZ@@@@@@'],
].map(([category, maker, name, supplier, agreement, from, until, orderVia, serial]) => ({
  category: category as DeviceCategory,
  maker: maker as string,
  name: name as string,
  supplier: supplier as string,
  agreement: agreement as string,
  from: from as number,
  until: until as number | null,
  orderVia: orderVia as OrderReason | null,
  serial: serial as string,
}));

interface PlannedModel extends ModelDef {
  id: string;
  approvedFrom: string;
  approvedUntil: string | null;
}

// ---- what goes where -----------------------------------------------------------

interface DeviceSpec {
  category: DeviceCategory;
  /** Only these models (by name); any of the category otherwise. */
  models?: readonly string[];
  user: string | null;
  network: Network;
  notes: string | null;
}

const SWITCHES = ['Catalyst 9200L-24P-4G', '2930F-24G-PoE+'];
const ACCESS_POINT = ['AP-515'];
const OFFICE_PRINTERS = ['LaserJet Pro 4002dn', 'LaserJet Pro M404dn'];

/** A calendar day moved by whole months, then days (plain date arithmetic: no luxon in the loops). */
function shiftDay(day: string, months: number, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay) + days);
  return first.toISOString().slice(0, 10);
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** The shared equipment of a workplace: printers, network, screens and boards (no named user). */
function sharedEquipment(rng: Rng, workplace: string): DeviceSpec[] {
  const place = placeOf(workplace);
  const specs: DeviceSpec[] = [];
  const add = (category: DeviceCategory, notes: string, more: Partial<DeviceSpec> = {}) =>
    specs.push({ category, user: null, network: 'main', notes, ...more });
  const mfps = /^Molde rådhus/.test(workplace) ? 3 : place === 'office' && !/NAV/.test(workplace) ? 2 : 1;
  const rooms = ['Kopirom 1. etg', 'Kopirom 2. etg', 'Personalrommet'];
  for (let i = 0; i < mfps; i++) add('mfp', rooms[i]!);
  add('network_device', 'Teknisk rom', { models: SWITCHES });
  if (place === 'office') {
    add('printer', 'Ekspedisjonen', { models: OFFICE_PRINTERS });
    add('network_device', 'Korridor 1. etg', { models: ACCESS_POINT });
    add('info_screen', 'Resepsjonen', { network: rng() < 0.3 ? 'guest' : 'main' });
    if (/rådhus/.test(workplace)) add('other', 'Møterom Romsdalen (Teams-rom)');
  } else if (place === 'health') {
    add('printer', 'Vaktrommet', { models: OFFICE_PRINTERS });
    add('printer', 'Medisinrommet', { models: ['ZD421 etikettskriver'] });
    add('network_device', 'Korridor, avdeling 1', { models: ACCESS_POINT });
    add('info_screen', 'Vaktrommet');
    add('tablet', 'Fellesnettbrett, avdeling 1', { models: ['Galaxy Tab Active5', 'iPad (10. generasjon)'] });
    add('phone', 'Vakttelefon natt', { user: 'Vakttelefon natt' });
  } else {
    add('network_device', 'Gymsalen', { models: ACCESS_POINT });
    const grades = shuffle(rng, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).slice(0, 3);
    for (const g of grades) add('whiteboard', `Klasserom ${g}${pick(rng, ['A', 'B'])}`);
    for (const g of grades.slice(0, 2))
      add('tablet', `Klassesett, ${g}. trinn`, { models: ['iPad (9. generasjon)', 'iPad (10. generasjon)'] });
    add('info_screen', 'Vestibylen', { network: rng() < 0.5 ? 'guest' : 'main' });
  }
  return specs;
}

/** A person's own devices: a PC or laptop, often a phone, in health care sometimes a tablet. */
function personalEquipment(rng: Rng, name: string, workplace: string): DeviceSpec[] {
  const place = placeOf(workplace);
  const laptopShare = place === 'school' ? 0.8 : place === 'office' ? 0.65 : 0.45;
  const own = (category: DeviceCategory, network: Network = 'main'): DeviceSpec => ({
    category,
    user: name,
    network,
    notes: null,
  });
  const specs = [own(rng() < laptopShare ? 'laptop' : 'pc')];
  if (rng() < (place === 'health' ? 0.2 : 0.35)) specs.push(own('phone', rng() < 0.1 ? 'guest' : 'main'));
  if (place === 'health' && rng() < 0.1) specs.push(own('tablet', rng() < 0.3 ? 'guest' : 'main'));
  return specs;
}

/** The new machines in stock at ROR-IKT, from the latest delivery. */
const STOCK: ReadonlyArray<readonly [string, number]> = [
  ['EliteBook 840 G10', 4],
  ['ThinkPad T14 Gen 4', 3],
  ['OptiPlex 7010 Micro', 3],
  ['Elite Mini 800 G9', 2],
  ['iPhone 15', 2],
  ['Galaxy A55 5G', 1],
  ['iPad (10. generasjon)', 2],
];

/** R17: what the technicians mark for replacement, and why. */
const MARKS: ReadonlyArray<readonly [day: number, DeviceCategory, reason: string]> = [
  [1, 'pc', 'Støtter ikke Windows 11 (mangler TPM 2.0)'],
  [1, 'laptop', 'Batteriet holder under en time; nytt batteri lønner seg ikke'],
  [2, 'phone', 'Sprukket skjerm og svakt batteri'],
  [3, 'laptop', 'Knekt skjermhengsel; reparasjon koster mer enn ny maskin'],
  [4, 'mfp', 'Arkmateren trekker skjevt; reservedeler er ikke lenger å få'],
];

/** R18: the handovers over the weeks, by service day; which old device the technician takes back. */
interface HandoverSlot {
  day: number;
  category: DeviceCategory;
  prefer: 'marked' | 'aged' | 'notApproved';
  outcome: 'handed_in' | 'kept';
  condition: DeviceCondition;
  diskRemoved: boolean;
  /** The new device is registered on the spot (not taken from stock). */
  onTheSpot?: boolean;
  /** Handed in, but left on site: not batched, and its wipe becomes overdue. */
  leftOnSite?: boolean;
  notes?: string;
}

const slot = (
  day: number,
  category: DeviceCategory,
  prefer: HandoverSlot['prefer'],
  outcome: HandoverSlot['outcome'],
  condition: DeviceCondition,
  diskRemoved: boolean,
  more: Partial<HandoverSlot> = {},
): HandoverSlot => ({ day, category, prefer, outcome, condition, diskRemoved, ...more });

const SLOTS: readonly HandoverSlot[] = [
  slot(1, 'pc', 'aged', 'handed_in', 'working', false, {
    leftOnSite: true,
    notes: 'Gammel PC står på teknisk rom på arbeidsstedet til neste tur; ikke slettet ennå.',
  }),
  slot(1, 'laptop', 'aged', 'handed_in', 'working', false),
  slot(2, 'laptop', 'notApproved', 'handed_in', 'faulty', true),
  slot(3, 'pc', 'marked', 'handed_in', 'working', false),
  slot(3, 'mfp', 'notApproved', 'handed_in', 'working', true, {
    onTheSpot: true,
    notes: 'Ny maskin satt opp med sikker utskrift; harddisken i den gamle er tatt ut.',
  }),
  slot(4, 'laptop', 'aged', 'kept', 'working', false, {
    notes: 'Kunden beholder den gamle maskinen som reserve for vikarer; lisensgebyr etter satsen.',
  }),
  slot(5, 'phone', 'marked', 'handed_in', 'damaged', false),
  slot(7, 'laptop', 'marked', 'handed_in', 'faulty', false),
  slot(8, 'pc', 'notApproved', 'handed_in', 'working', false, { onTheSpot: true }),
  slot(8, 'tablet', 'aged', 'handed_in', 'working', false),
  slot(9, 'laptop', 'aged', 'kept', 'working', false, {
    notes: 'Den gamle maskinen blir på arbeidsstedet som reserve; lisensgebyr etter satsen.',
  }),
  slot(10, 'pc', 'aged', 'handed_in', 'working', true),
  slot(11, 'laptop', 'notApproved', 'handed_in', 'working', false, { onTheSpot: true }),
  slot(12, 'laptop', 'aged', 'handed_in', 'damaged', false),
  slot(13, 'phone', 'aged', 'handed_in', 'working', false, { onTheSpot: true }),
  slot(13, 'pc', 'aged', 'handed_in', 'working', false),
];

/** Which demo tickets are about delivering equipment, and what is delivered. */
const TICKET_DELIVERIES: ReadonlyArray<
  readonly [RegExp, DeviceCategory, old: 'none' | 'reporter' | 'workplace', models: readonly string[]]
> = [
  [/^Skriveren .* må byttes/, 'printer', 'workplace', OFFICE_PRINTERS],
  [/^Ny PC til nyansatt/, 'pc', 'none', ['OptiPlex 7010 Micro', 'Elite Mini 800 G9']],
  [/^Bestilling av ny mobiltelefon/, 'phone', 'reporter', ['iPhone 15', 'Galaxy A55 5G']],
  [/^Smartboard .* virker ikke/, 'whiteboard', 'workplace', ['ActivPanel 9 75"']],
];

const RECYCLER = 'Stena Recycling AS';
const TRAVEL_MINUTES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^Molde/, 10],
  [/^Aukra/, 35],
  [/^Gjemnes/, 30],
  [/^Hustadvika/, 30],
  [/^Rauma/, 55],
  [/^Vestnes/, 45],
];

// ---- the plan ------------------------------------------------------------------

type DeviceState = 'in_stock' | 'in_use' | 'replacement_recommended' | 'handed_in' | 'kept' | 'batched';

interface PlannedDevice {
  entry: DeviceEntry;
  model: PlannedModel;
  state: DeviceState;
  markedAt: number | null;
  handedInAt: number | null;
  diskRemoved: boolean;
  leftOnSite: boolean;
  /** Delivered at one of the demo's handovers (not an old device to take back). */
  fresh: boolean;
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

const plannedDevice = (entry: DeviceEntry, model: PlannedModel): PlannedDevice => ({
  entry,
  model,
  state: entry.status,
  markedAt: null,
  handedInAt: null,
  diskRemoved: false,
  leftOnSite: false,
  fresh: false,
});

/** Plans the register: the steps in time order (each one mutation) and what they make. */
export function planDemoEquipment(input: DemoEquipmentInput): {
  steps: DemoEquipmentStep[];
  summary: DemoEquipmentSummary;
} {
  const { nowMs, teamLead, technicians } = input;
  const rng = mulberry32((input.seed * 0x9e3779b1 + 0xe9) >>> 0);
  const idRng = mulberry32((input.seed * 0x85ebca6b + 0x14) >>> 0);
  const now = DateTime.fromMillis(nowMs, { zone: SERVICE_TIME_ZONE });
  // Whole service days before now, the last 14 of them: day 0 is when the register was set up.
  const days = input.days.filter((d) => d.plus({ hours: 17 }).toMillis() < nowMs).slice(-14);
  if (days.length < 14) throw new Error('The demo needs 14 past service days for the equipment register');
  const on = (day: number, minutes: number) => days[day]!.plus({ minutes }).toMillis();
  const dayOf = (ms: number) => DateTime.fromMillis(ms, { zone: SERVICE_TIME_ZONE }).toISODate()!;
  const today = now.toISODate()!;
  const iso = (ms: number) => new Date(ms).toISOString();
  const monthsAgo = (months: number) => now.minus({ months });

  const steps: DemoEquipmentStep[] = [];
  const step = (at: number, what: string, run: DemoEquipmentStep['run']) => {
    if (at >= nowMs - 60_000) throw new Error(`Demo equipment step "${what}" would be in the future`);
    steps.push({ at, what, run });
  };

  const customers = input.customers.filter((c) => c.workplaces.length > 0);
  const molde = customers.find((c) => c.name.startsWith('Molde')) ?? customers[0]!;
  const customerName = new Map(customers.map((c) => [c.id, c.name]));
  const technicianFor = (customerId: string) =>
    /^(Gjemnes|Rauma|Vestnes)/.test(customerName.get(customerId) ?? '')
      ? technicians[1 % technicians.length]!
      : technicians[0]!;

  // -- the catalogue (day 0, early): the team lead saves each model, then the settings.
  const models: PlannedModel[] = MODELS.map((def, i) => {
    const savedAt = on(0, 7 * 60 + 45 + i);
    const from = monthsAgo(def.from).startOf('month');
    return {
      ...def,
      id: seededUuidV7(savedAt, idRng),
      approvedFrom: from.toISODate()!,
      approvedUntil: def.until === null ? null : monthsAgo(def.until).endOf('month').toISODate()!,
      agreement: `${def.agreement} ${from.year}`,
    };
  });
  models.forEach((m, i) =>
    step(on(0, 7 * 60 + 45 + i), `save model ${m.maker} ${m.name}`, (desk) =>
      desk.mutations.run(
        modelSave,
        {
          at: iso(on(0, 7 * 60 + 45 + i)),
          model: {
            id: m.id,
            category: m.category,
            maker: m.maker,
            name: m.name,
            supplier: m.supplier,
            frameworkAgreement: m.agreement,
            approvedFrom: m.approvedFrom,
            approvedUntil: m.approvedUntil,
            orderViaDesk: m.orderVia !== null,
            orderReason: m.orderVia,
          },
        },
        teamLead,
      ),
    ),
  );
  // Lifetimes as the defaults; a licence charge for PCs and laptops (R18); handed-in devices are to
  // be wiped within two weeks (R19): with the default 30 days no demo device could be overdue, as
  // no change may be more than 30 days older than the clock that checks it (src-shared/time.ts).
  const settingsAt = on(0, 8 * 60 + 20);
  const settings = {
    lifetimeMonths: { ...DEFAULT_EQUIPMENT_SETTINGS.lifetimeMonths },
    licenceCharge: { ...DEFAULT_EQUIPMENT_SETTINGS.licenceCharge, pc: 1500, laptop: 1500 },
    wipeOverdueDays: 14,
  };
  step(settingsAt, 'set the equipment settings', (desk) =>
    desk.mutations.run(equipmentSetSettings, { at: iso(settingsAt), settings }, teamLead),
  );
  const lifetime = settings.lifetimeMonths;

  // -- the devices
  const serials = new Set<string>();
  const serialFor = (model: PlannedModel): string => {
    for (;;) {
      const s = [...model.serial]
        .map((c) => (c === '#' ? String(int(rng, 0, 9)) : c === '@' ? pick(rng, [...ALNUM]) : c))
        .join('');
      if (!serials.has(`${model.maker}|${s}`)) {
        serials.add(`${model.maker}|${s}`);
        return s;
      }
    }
  };
  let nextTag = 10_000 + int(rng, 0, 800);
  const assetTagFor = (category: DeviceCategory) => {
    if (category === 'phone') return null; // phones are known by their serial (and IMEI) alone
    nextTag += int(rng, 1, 3);
    return `ROR-${nextTag}`;
  };
  const modelsOf = (category: DeviceCategory, names?: readonly string[]) =>
    models.filter((m) => m.category === category && (!names || names.includes(m.name)));
  /** A model that was approved on the day the device was delivered (the oldest one before any was). */
  const modelFor = (spec: { category: DeviceCategory; models?: readonly string[] }, delivered: string) => {
    const candidates = modelsOf(spec.category, spec.models);
    const approved = candidates.filter((m) => isApprovedOn(m, delivered));
    if (approved.length > 0) return pick(rng, approved);
    return candidates.reduce((a, b) => (b.approvedFrom < a.approvedFrom ? b : a));
  };
  /** Months since delivery: most devices well within their lifetime, some older, some past it. */
  const ageMonths = (category: DeviceCategory) => {
    const life = lifetime[category];
    const r = rng();
    if (r < 0.75 || life - 1 < 31) return int(rng, 2, Math.min(30, life - 2));
    if (r < 0.9) return int(rng, 31, life - 1);
    return int(rng, life + 1, life + 24);
  };

  const devices: PlannedDevice[] = [];
  const importAt = (i: number) => on(0, 9 * 60 + i * 12);
  const inventory = (spec: DeviceSpec, customerId: string, workplace: string, at: number): PlannedDevice => {
    const delivered = shiftDay(today, -ageMonths(spec.category), -int(rng, 0, 27));
    const model = modelFor(spec, delivered);
    return plannedDevice(
      {
        id: seededUuidV7(at, idRng),
        serial: serialFor(model),
        assetTag: assetTagFor(spec.category),
        modelId: model.id,
        network: spec.network,
        setupDate: shiftDay(delivered, 0, -int(rng, 1, 10)),
        deliveredDate: delivered,
        notes: spec.notes,
        customerId,
        workplace,
        assignedUser: spec.user,
        assignedReporterId: null,
        status: 'in_use',
      },
      model,
    );
  };

  // The people who use the devices: the demo's callers first, then colleagues of theirs.
  const people = new Map<string, { name: string; customerId: string; workplace: string }>();
  for (const p of input.people) {
    if (people.size >= 80) break;
    people.set(`${p.name}|${p.workplace}`, p);
  }
  const customerWeights = customers.map(
    (c) => [c, c.name.startsWith('Molde') ? 3 : 1 + c.workplaces.length / 4] as const,
  );
  while (people.size < 80) {
    const c = weighted(rng, customerWeights);
    const p = {
      name: `${pick(rng, input.names.first)} ${pick(rng, input.names.last)}`,
      customerId: c.id,
      workplace: pick(rng, c.workplaces),
    };
    people.set(`${p.name}|${p.workplace}`, p);
  }
  // One import per municipality (its inventory spreadsheet), by the technician who covers it.
  customers.forEach((customer, i) => {
    const at = importAt(i);
    const batch: PlannedDevice[] = [];
    for (const workplace of customer.workplaces) {
      for (const spec of sharedEquipment(rng, workplace))
        batch.push(inventory(spec, customer.id, workplace, at));
      for (const p of people.values()) {
        if (p.customerId !== customer.id || p.workplace !== workplace) continue;
        for (const spec of personalEquipment(rng, p.name, workplace))
          batch.push(inventory(spec, customer.id, workplace, at));
      }
    }
    devices.push(...batch);
    const args = { at: iso(at), devices: batch.map((d) => ({ ...d.entry })) };
    step(at, `import ${customer.name}'s inventory`, (desk) =>
      desk.mutations.run(deviceImport, args, technicianFor(customer.id)),
    );
  });

  // A delivery of new machines into stock (day 0, afternoon), set up and ready to hand out.
  let stockAt = on(0, 13 * 60);
  for (const [name, count] of STOCK) {
    const model = models.find((m) => m.name === name)!;
    for (let i = 0; i < count; i++) {
      const at = (stockAt += 3 * 60_000);
      const device = plannedDevice(
        {
          id: seededUuidV7(at, idRng),
          serial: serialFor(model),
          assetTag: assetTagFor(model.category),
          modelId: model.id,
          network: 'main',
          setupDate: days[0]!.minus({ days: int(rng, 1, 4) }).toISODate()!,
          deliveredDate: null,
          notes: `Mottatt fra ${model.supplier}, satt opp med standard oppsett`,
          customerId: molde.id,
          workplace: molde.workplaces.find((w) => /rådhus/.test(w)) ?? molde.workplaces[0]!,
          assignedUser: null,
          assignedReporterId: null,
          status: 'in_stock',
        },
        model,
      );
      devices.push(device);
      const args = { at: iso(at), device: { ...device.entry } };
      step(at, `register ${name} in stock`, (desk) =>
        desk.mutations.run(deviceRegister, args, technicians[0]!),
      );
    }
  }
  const stockReadyAt = stockAt;

  // The rules on calendar days (strings compare as days); a device's end of lifetime is worked out
  // once, as luxon is slow enough to matter over a few hundred devices.
  const endOfLife = new Map<PlannedDevice, string | null>();
  const isAged = (d: PlannedDevice, day: string) => {
    if (!endOfLife.has(d)) endOfLife.set(d, endOfLifetime(d.entry, lifetime[d.model.category]));
    const end = endOfLife.get(d)!;
    return end !== null && day >= end;
  };
  const notApproved = (d: PlannedDevice, day: string) =>
    d.entry.network === 'main' && !isApprovedOn(d.model, day);
  /** In use for two years or more on `day`. */
  const twoYearsBefore = (day: string) => `${Number(day.slice(0, 4)) - 2}${day.slice(4)}`;
  const inUseTwoYears = (d: PlannedDevice, day: string) =>
    d.entry.deliveredDate !== null && d.entry.deliveredDate <= twoYearsBefore(day);
  /** Out there at `at`, and not to be marked later (a marked device must still be out when it is). */
  const replaceable = (d: PlannedDevice, at: number) =>
    (d.state === 'in_use' || d.state === 'replacement_recommended') &&
    !d.fresh &&
    (d.markedAt === null || d.markedAt < at);

  // -- R17: a few devices marked for replacement, with the technician's reason.
  let marked = 0;
  for (const [day, category, reason] of MARKS) {
    const at = on(day, 10 * 60 + int(rng, 0, 240));
    const markDay = dayOf(at);
    const candidates = devices.filter(
      (d) =>
        d.state === 'in_use' &&
        d.model.category === category &&
        inUseTwoYears(d, markDay) &&
        !isAged(d, markDay) &&
        !notApproved(d, markDay),
    );
    if (candidates.length === 0) continue;
    const device = pick(rng, candidates);
    device.state = 'replacement_recommended';
    device.markedAt = at;
    marked++;
    step(at, `recommend replacing ${device.entry.serial}`, (desk) =>
      desk.mutations.run(
        deviceRecommendReplacement,
        { at: iso(at), deviceId: device.entry.id, reason },
        technicianFor(device.entry.customerId),
      ),
    );
  }

  // -- R18: the handovers, in time order (the stock and the old devices are taken as they go).
  interface Intent {
    at: number;
    slot: HandoverSlot | null;
    ticket: { ticket: DemoEquipmentTicket; delivery: (typeof TICKET_DELIVERIES)[number] } | null;
  }
  const intents: Intent[] = SLOTS.map((slot) => ({
    at: on(slot.day, int(rng, 9 * 60, 14 * 60 + 30)),
    slot,
    ticket: null,
  }));
  let linkedTicketId: string | null = null;
  for (const ticket of [...input.tickets].sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0))) {
    const delivery = TICKET_DELIVERIES.find(([re]) => re.test(ticket.summary));
    if (!delivery || ticket.startedAt === null || ticket.planned) continue;
    // On site an hour and a half after starting it, or the next service day's morning when that
    // is too late in the day; before the ticket is resolved.
    const soon = DateTime.fromMillis(ticket.startedAt + 90 * 60_000, { zone: SERVICE_TIME_ZONE });
    let visitMs = soon.toMillis();
    if (soon.hour * 60 + soon.minute > 14 * 60 + 30) {
      const next = days.find((d) => d.toMillis() > visitMs);
      if (!next) continue;
      visitMs = next.plus({ minutes: 10 * 60 + int(rng, 0, 30) }).toMillis();
    }
    const at = Math.round(visitMs / 60_000) * 60_000;
    if (at <= stockReadyAt + 30 * 60_000 || at >= nowMs - 10 * 60_000) continue;
    if (ticket.resolvedAt !== null && at >= ticket.resolvedAt - 15 * 60_000) continue;
    intents.push({ at, slot: null, ticket: { ticket, delivery } });
    linkedTicketId = ticket.id;
    break;
  }
  intents.sort((a, b) => a.at - b.at);

  const handedIn: PlannedDevice[] = [];
  let handovers = 0;
  let kept = 0;
  const fromStock = (category: DeviceCategory, names?: readonly string[]) =>
    devices.find(
      (d) =>
        d.state === 'in_stock' && d.model.category === category && (!names || names.includes(d.model.name)),
    );
  const registerOnTheSpot = (category: DeviceCategory, at: number, names?: readonly string[]) => {
    const approved = modelsOf(category, names).filter((m) => isApprovedOn(m, dayOf(at)));
    if (approved.length === 0) throw new Error(`No approved ${category} model to register on the spot`);
    const model = pick(rng, approved);
    const device = plannedDevice(
      {
        id: seededUuidV7(at, idRng),
        serial: serialFor(model),
        assetTag: assetTagFor(category),
        modelId: model.id,
        network: 'main',
        setupDate: dayOf(at - int(rng, 1, 3) * 86_400_000),
        deliveredDate: null,
        notes: null,
        customerId: '',
        workplace: '',
        assignedUser: null,
        assignedReporterId: null,
        status: 'in_use',
      },
      model,
    );
    devices.push(device);
    return device;
  };
  const oldDeviceFor = (slot: HandoverSlot, at: number) => {
    const day = dayOf(at);
    const pool = devices.filter(
      (d) =>
        replaceable(d, at) &&
        d.model.category === slot.category &&
        (slot.outcome !== 'kept' || d.entry.assignedUser !== null),
    );
    const preferred: Array<(d: PlannedDevice) => boolean> = [
      slot.prefer === 'marked'
        ? (d) => d.markedAt !== null && d.markedAt < at
        : slot.prefer === 'notApproved'
          ? (d) => notApproved(d, day)
          : (d) => isAged(d, day),
      (d) => isAged(d, day),
      (d) => notApproved(d, day),
      (d) => inUseTwoYears(d, day),
      () => true,
    ];
    for (const test of preferred) {
      const found = pool.filter(test);
      if (found.length > 0) return pick(rng, found);
    }
    return null;
  };

  interface PlannedHandover {
    old: PlannedDevice | null;
    oldDevice: { outcome: 'handed_in' | 'kept'; condition: DeviceCondition; diskRemoved: boolean } | null;
    fresh: PlannedDevice;
    place: { customerId: string; workplace: string; assignedUser: string | null };
    notes: string | null;
    ticketId: string | null;
    visit: { arrivedAt: string; departedAt: string; travelMinutes: number } | null;
  }
  /** A planned handover: the old device its slot prefers, the new one from stock or registered. */
  const slotHandover = (slot: HandoverSlot, at: number): PlannedHandover | null => {
    const old = oldDeviceFor(slot, at);
    if (!old) return null;
    old.leftOnSite = slot.leftOnSite ?? false;
    return {
      old,
      oldDevice: { outcome: slot.outcome, condition: slot.condition, diskRemoved: slot.diskRemoved },
      fresh: (!slot.onTheSpot && fromStock(slot.category)) || registerOnTheSpot(slot.category, at),
      place: {
        customerId: old.entry.customerId,
        workplace: old.entry.workplace,
        assignedUser: old.entry.assignedUser,
      },
      notes: slot.notes ?? null,
      ticketId: null,
      visit: null,
    };
  };
  /** The ticket's delivery, as its on-site visit: the old device is the reporter's or the workplace's. */
  const ticketHandover = (
    ticket: DemoEquipmentTicket,
    [, category, oldKind, names]: (typeof TICKET_DELIVERIES)[number],
    at: number,
  ): PlannedHandover => {
    const old =
      oldKind === 'none'
        ? null
        : (devices.find(
            (d) =>
              replaceable(d, at) &&
              d.model.category === category &&
              (category !== 'printer' || OFFICE_PRINTERS.includes(d.model.name)) &&
              d.entry.customerId === ticket.customerId &&
              d.entry.workplace === ticket.workplace &&
              (oldKind === 'workplace' || d.entry.assignedUser === ticket.reporterName),
          ) ?? null);
    const travel = TRAVEL_MINUTES.find(([re]) => re.test(customerName.get(ticket.customerId) ?? ''))?.[1];
    return {
      old,
      oldDevice: old
        ? { outcome: 'handed_in', condition: 'faulty', diskRemoved: category === 'printer' }
        : null,
      fresh: fromStock(category, names) ?? registerOnTheSpot(category, at, names),
      place: {
        customerId: ticket.customerId,
        workplace: ticket.workplace,
        assignedUser:
          oldKind === 'reporter'
            ? ticket.reporterName
            : category === 'pc'
              ? `${pick(rng, input.names.first)} ${pick(rng, input.names.last)}` // the new employee
              : (old?.entry.assignedUser ?? null),
      },
      notes: category === 'pc' ? 'Ny PC til nyansatt, satt opp og pålogging testet' : null,
      ticketId: ticket.id,
      visit: {
        arrivedAt: iso(at - int(rng, 30, 75) * 60_000),
        departedAt: iso(at),
        travelMinutes: travel ?? 30,
      },
    };
  };

  for (const intent of intents) {
    const { at } = intent;
    const planned = intent.slot
      ? slotHandover(intent.slot, at)
      : ticketHandover(intent.ticket!.ticket, intent.ticket!.delivery, at);
    if (!planned) continue;
    const { old, oldDevice, fresh, place, notes, ticketId, visit } = planned;
    // A shared device registered on the spot stands where the old one stood.
    if (fresh.state !== 'in_stock' && old && old.entry.assignedUser === null)
      fresh.entry.notes = old.entry.notes;
    const technician = technicianFor(place.customerId);
    const handoverId = seededUuidV7(at, idRng);
    const newDevice =
      fresh.state === 'in_stock'
        ? ({ kind: 'stock', deviceId: fresh.entry.id } as const)
        : ({
            kind: 'register',
            device: {
              id: fresh.entry.id,
              serial: fresh.entry.serial,
              assetTag: fresh.entry.assetTag,
              modelId: fresh.entry.modelId,
              network: fresh.entry.network,
              setupDate: fresh.entry.setupDate,
              deliveredDate: null,
              notes: fresh.entry.notes,
            },
          } as const);
    fresh.state = 'in_use';
    fresh.fresh = true;
    fresh.entry = { ...fresh.entry, ...place, deliveredDate: dayOf(at) };
    if (old && oldDevice) {
      old.state = oldDevice.outcome === 'kept' ? 'kept' : 'handed_in';
      old.diskRemoved = oldDevice.diskRemoved;
      if (old.state === 'handed_in') {
        old.handedInAt = at;
        handedIn.push(old);
      } else kept++;
    }
    handovers++;
    const args = {
      at: iso(at),
      handoverId,
      ...place,
      assignedReporterId: null,
      newDevice,
      oldDevice: old && oldDevice ? { deviceId: old.entry.id, ...oldDevice } : null,
      ticketId,
      visit,
      notes,
    };
    step(at, `record handover ${handoverId}`, (desk) => desk.mutations.run(handover, args, technician));
  }

  // -- R19: wipes and batches. The first batch (sent on day 6) is closed with the certificate on day
  // 10; the second (day 12) is still at the recycler; the rest wait, one left on site unwiped.
  const wipe = (device: PlannedDevice, at: number, by: Actor) => {
    const category = device.model.category;
    const method: WipeMethod = device.diskRemoved ? 'disk_destroyed' : 'own_wipe';
    const tool =
      method === 'disk_destroyed'
        ? null
        : category === 'pc' || category === 'laptop'
          ? 'Blancco Drive Eraser'
          : category === 'phone' || category === 'tablet'
            ? 'Microsoft Intune (fjernsletting)'
            : 'Tilbakestilt til fabrikkinnstillinger';
    step(at, `confirm the wipe of ${device.entry.serial}`, (desk) =>
      desk.mutations.run(
        wipeConfirm,
        { at: iso(at), deviceId: device.entry.id, method, tool, wipedBy: by.name, wipedOn: dayOf(at) },
        by,
      ),
    );
  };
  const send = (members: PlannedDevice[], at: number) => {
    const batchId = seededUuidV7(at, idRng);
    for (const d of members) d.state = 'batched';
    step(at, `send batch ${batchId}`, (desk) =>
      desk.mutations.run(
        batchSend,
        {
          at: iso(at),
          batchId,
          sentDate: dayOf(at),
          recycler: RECYCLER,
          deviceIds: members.map((d) => d.entry.id),
        },
        technicians[0]!,
      ),
    );
    return batchId;
  };
  const waiting = (before: number) =>
    handedIn.filter((d) => d.state === 'handed_in' && !d.leftOnSite && d.handedInAt! < before);
  let batchesClosed = 0;
  let batchesOpen = 0;

  const firstSend = on(6, 13 * 60 + 30);
  const first = waiting(firstSend - 90 * 60_000);
  if (first.length > 0) {
    first.forEach((d, i) => wipe(d, firstSend - 60 * 60_000 + i * 120_000, technicians[0]!));
    const batchId = send(first, firstSend);
    const closeAt = on(10, 10 * 60 + 15);
    const certificate = `SR-${days[10]!.year}-${String(int(rng, 1000, 99999)).padStart(5, '0')}`;
    step(closeAt, `close batch ${batchId}`, (desk) =>
      desk.mutations.run(
        batchClose,
        {
          at: iso(closeAt),
          batchId,
          certificateReference: certificate,
          destructionMethod: 'Lagringsmedier makulert; øvrig materiale demontert og gjenvunnet',
          wipedByRecycler: false,
        },
        teamLead,
      ),
    );
    batchesClosed++;
  }
  const secondSend = on(12, 13 * 60 + 30);
  const second = waiting(secondSend - 90 * 60_000);
  if (second.length > 0) {
    // Some wiped here before they left; the rest are wiped by the recycler (certificate to come).
    second.forEach((d, i) => {
      if (i % 2 === 0) wipe(d, secondSend - 60 * 60_000 + i * 120_000, technicians[0]!);
    });
    send(second, secondSend);
    batchesOpen++;
  }
  // Of those waiting for the next batch, the newest one was wiped the same afternoon.
  const rest = handedIn.filter((d) => d.state === 'handed_in');
  const newest = rest.filter((d) => !d.leftOnSite).at(-1);
  if (newest && newest.handedInAt! + 3 * 3_600_000 < nowMs - 60_000)
    wipe(newest, newest.handedInAt! + 3 * 3_600_000, technicianFor(newest.entry.customerId));

  steps.sort((a, b) => a.at - b.at);
  return {
    steps,
    summary: {
      models: models.length,
      endedModels: models.filter((m) => m.approvedUntil !== null && m.approvedUntil < today).length,
      devices: devices.length,
      inStock: devices.filter((d) => d.state === 'in_stock').length,
      markedForReplacement: marked,
      handovers,
      kept,
      linkedTicketId,
      batchesClosed,
      batchesOpen,
      waitingForBatch: rest.length,
      mutations: steps.length,
    },
  };
}
