// Benchmark setup for the equipment register (issue 14): fills a desk store by plain SQL (prepared
// statements in big transactions; the device_search triggers stay on, so the trigram index is filled
// as the app fills it) with an approved-model catalogue and a register of devices as six
// municipalities have them: makers' real serial formats (HP '5CG2341ABC', Dell service tags, Lenovo,
// Apple, Samsung, printers and switches), asset tags per municipality ('MK-012345'), Norwegian users
// who may have more than one device, workplaces from the reference data and more, most devices in use,
// some in stock, some handed in, kept or recycled (with their batches), one history line per
// registration and one handover per replaced device.
import Database from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import { FIRST_NAMES, LAST_NAMES, mulberry32 } from '../../../src-main/demo/generate';
import { referenceRows } from '../../../src-main/store/referenceData';
import { normalizeLabel, type DeviceCategory } from '../../../src-shared/equipment/catalogue';

export interface EquipmentSeedOptions {
  models: number;
  devices: number;
  /** Devices in stock (at least; a handover delivers one each). */
  stock: number;
  seed?: number;
}

export interface SeededModel {
  id: string;
  maker: string;
  name: string;
  category: DeviceCategory;
  /** The maker's serial shapes for it (see serialFrom). */
  serialShapes: string[];
}

export interface EquipmentSeedResult {
  seconds: number;
  byStatus: Record<string, number>;
  models: SeededModel[];
  /** Municipality name → asset-tag prefix ('Molde kommune' → 'MK'). */
  tagPrefix: Map<string, string>;
  /** The highest asset-tag number used per prefix (new tags start above it). */
  lastTag: number;
  /** Look-up terms taken from seeded devices. */
  samples: { serials: string[]; tags: string[]; users: string[]; workplaces: string[] };
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';

/** A serial's shape as the maker prints it: fixed prefix, then digits (d) and letters/digits (a). */
type SerialShape = string;
export function serialFrom(shape: SerialShape, rng: () => number): string {
  let out = '';
  for (const ch of shape) {
    if (ch === 'd') out += DIGITS[Math.floor(rng() * 10)];
    else if (ch === 'a') out += ALNUM[Math.floor(rng() * ALNUM.length)];
    else out += ch;
  }
  return out;
}

interface Family {
  maker: string;
  category: DeviceCategory;
  base: string;
  /** What follows the base to make one model: generations, sizes, variants. */
  variants: string[];
  serial: SerialShape[];
  /** Relative share of the register. */
  weight: number;
}

const gens = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
const cross = (a: string[], b: string[]) => a.flatMap((x) => b.map((y) => `${x}${y}`));
/** A catalogue entry per configuration: processor and memory, then disk. */
const PC_VARIANTS = cross(
  [' i5 8GB', ' i5 16GB', ' i7 16GB', ' i7 32GB', ' Ultra 5 16GB', ' Ultra 7 32GB'],
  [' 256GB', ' 512GB', ' 1TB'],
);

export const FAMILIES: Family[] = [
  {
    maker: 'HP',
    category: 'laptop',
    base: 'EliteBook 840',
    variants: cross(gens(' G', 3, 11), PC_VARIANTS),
    serial: ['5CGddddaaa'],
    weight: 16,
  },
  {
    maker: 'HP',
    category: 'laptop',
    base: 'ProBook 450',
    variants: cross(gens(' G', 5, 11), PC_VARIANTS),
    serial: ['5CDddddaaa', '5CGddddaaa'],
    weight: 8,
  },
  {
    maker: 'HP',
    category: 'laptop',
    base: 'ZBook Firefly 14',
    variants: cross(gens(' G', 7, 11), PC_VARIANTS),
    serial: ['5CGddddaaa'],
    weight: 1,
  },
  {
    maker: 'HP',
    category: 'pc',
    base: 'EliteDesk 800',
    variants: cross(cross(gens(' G', 3, 9), [' SFF', ' Mini', ' Tower']), PC_VARIANTS),
    serial: ['CZCddddaaa', '8CGddddaaa'],
    weight: 9,
  },
  {
    maker: 'HP',
    category: 'pc',
    base: 'ProDesk 400',
    variants: cross(cross(gens(' G', 4, 9), [' SFF', ' Mini']), PC_VARIANTS),
    serial: ['CZCddddaaa', 'MXLddddaaa'],
    weight: 4,
  },
  {
    maker: 'HP',
    category: 'printer',
    base: 'LaserJet Pro',
    variants: cross([' M404', ' M405', ' M406', ' 4002', ' 4003'], ['dn', 'dw', 'n', 'dne']),
    serial: ['PHBddddaaa', 'VNBddddaaa'],
    weight: 2,
  },
  {
    maker: 'HP',
    category: 'mfp',
    base: 'Color LaserJet Enterprise MFP',
    variants: cross([' M480', ' M578', ' 5800', ' 6800'], ['f', 'dn', 'z', 'zf']),
    serial: ['JPBddddaaa'],
    weight: 1,
  },
  {
    maker: 'Dell',
    category: 'laptop',
    base: 'Latitude',
    variants: cross([' 5420', ' 5430', ' 5440', ' 5450', ' 7420', ' 7430', ' 7440', ' 3540'], PC_VARIANTS),
    serial: ['aaaaaaa'],
    weight: 8,
  },
  {
    maker: 'Dell',
    category: 'pc',
    base: 'OptiPlex',
    variants: cross(
      cross([' 3000', ' 5000', ' 7000', ' 7010', ' 7020', ' 5090', ' 7090'], [' Micro', ' SFF', ' Tower']),
      PC_VARIANTS,
    ),
    serial: ['aaaaaaa'],
    weight: 6,
  },
  {
    maker: 'Lenovo',
    category: 'laptop',
    base: 'ThinkPad',
    variants: cross(
      cross([' T14', ' T14s', ' X1 Carbon', ' L14', ' L13 Yoga', ' E14'], gens(' Gen ', 1, 5)),
      PC_VARIANTS,
    ),
    serial: ['PFaaaaaa', 'PCaaaaaa', 'R9aaaaaa'],
    weight: 8,
  },
  {
    maker: 'Lenovo',
    category: 'pc',
    base: 'ThinkCentre',
    variants: cross(cross([' M70q', ' M75q', ' M90q', ' M70s', ' M90s'], gens(' Gen ', 1, 5)), PC_VARIANTS),
    serial: ['MJaaaaaa'],
    weight: 3,
  },
  {
    maker: 'Lenovo',
    category: 'tablet',
    base: 'Tab',
    variants: cross([' M10', ' M11', ' P11', ' P12'], [' Wi-Fi 64GB', ' LTE 64GB', ' LTE 128GB']),
    serial: ['HAaaaaaa', 'HGaaaaaa'],
    weight: 2,
  },
  {
    maker: 'Apple',
    category: 'laptop',
    base: 'MacBook',
    variants: cross(
      [' Air 13 M1', ' Air 13 M2', ' Air 13 M3', ' Air 15 M3', ' Pro 14 M3', ' Pro 14 M4'],
      [' 8GB 256GB', ' 16GB 512GB', ' 24GB 1TB'],
    ),
    serial: ['C02aaaaaaaaa', 'aaaaaaaaaa'],
    weight: 2,
  },
  {
    maker: 'Apple',
    category: 'tablet',
    base: 'iPad',
    variants: cross(
      [' (9. gen)', ' (10. gen)', ' Air (5. gen)', ' Air 11 M2', ' Pro 11 M4'],
      [' Wi-Fi 64GB', ' Wi-Fi 256GB', ' Cellular 64GB', ' Cellular 256GB'],
    ),
    serial: ['DMPaaaaaaaaa', 'aaaaaaaaaa'],
    weight: 5,
  },
  {
    maker: 'Apple',
    category: 'phone',
    base: 'iPhone',
    variants: cross([' SE (3. gen)', ' 13', ' 14', ' 15', ' 16', ' 16e'], [' 64GB', ' 128GB', ' 256GB']),
    serial: ['aaaaaaaaaa', 'Faaaaaaaaaaa'],
    weight: 6,
  },
  {
    maker: 'Samsung',
    category: 'phone',
    base: 'Galaxy',
    variants: cross(
      [' A34', ' A35', ' A54', ' A55', ' S23', ' S24', ' XCover 5', ' XCover6 Pro', ' XCover7'],
      [' 128GB', ' 256GB', ' Enterprise Edition 128GB'],
    ),
    serial: ['R58aaaaaaaa', 'R5CRaaaaaaa', 'RFCWaaaaaaa'],
    weight: 8,
  },
  {
    maker: 'Samsung',
    category: 'tablet',
    base: 'Galaxy Tab',
    variants: cross([' A8', ' A9+', ' S6 Lite', ' S9 FE', ' Active5'], [' Wi-Fi', ' LTE', ' 5G']),
    serial: ['R9aaaaaaaaa'],
    weight: 2,
  },
  {
    maker: 'Samsung',
    category: 'info_screen',
    base: 'Smart Signage',
    variants: cross(
      [' QM', ' QB', ' QH', ' QE'],
      [' 43', ' 50', ' 55', ' 65', ' 75', ' 85'].map((s) => `${s}C`),
    ),
    serial: ['0B3Naaddddddd'],
    weight: 1,
  },
  {
    maker: 'Canon',
    category: 'mfp',
    base: 'imageRUNNER ADVANCE',
    variants: cross([' DX C5', ' DX C3', ' DX 4'], ['735i', '740i', '750i', '825i', '835i', '845i']),
    serial: ['XKDaaaaa', 'WTEaaaaa', '2TDaaaaa'],
    weight: 1,
  },
  {
    maker: 'Ricoh',
    category: 'mfp',
    base: 'IM',
    variants: cross([' C3', ' C4', ' C5', ' C6', ' 4', ' 5'], ['000', '010', '500', '510', '000A']),
    serial: ['Cdddddddddd', '3dddddddddd'],
    weight: 1,
  },
  {
    maker: 'Brother',
    category: 'printer',
    base: 'HL-L',
    variants: cross(['5', '6', '8', '9'], ['200DW', '210DN', '260CDW', '310CDW', '360CDW', '410DN', '415DW']),
    serial: ['E78dddddddNdddddd', 'U6dddddddd'],
    weight: 1,
  },
  {
    maker: 'Promethean',
    category: 'whiteboard',
    base: 'ActivPanel',
    variants: cross([' Titanium', ' Elements Nickel', ' LX', ' Cobalt'], [' 65"', ' 75"', ' 86"']),
    serial: ['PRMdddddddd', 'AP9dddddddd'],
    weight: 1,
  },
  {
    maker: 'Cisco',
    category: 'network_device',
    base: 'Catalyst',
    variants: cross(
      [' 9200L', ' 9200', ' 9300', ' 1000'],
      ['-24P-4G', '-48P-4G', '-24T-4X', '-48T-4X', '-8P-2G'],
    ),
    serial: ['FOCddddaaaa', 'JAEddddaaaa', 'FJCddddaaaa'],
    weight: 1,
  },
  {
    maker: 'Cisco',
    category: 'network_device',
    base: 'Meraki',
    variants: cross([' MR', ' CW91', ' MS'], ['36', '44', '46', '56', '64', '120-8', '130-24']),
    serial: ['Qaaa-aaaa-aaaa'],
    weight: 1,
  },
  {
    maker: 'Zebra',
    category: 'other',
    base: 'ZD',
    variants: cross(['4', '6'], ['11', '21', '20', '21d', '21t']),
    serial: ['D5Jdddddddd'],
    weight: 1,
  },
];

/** Asset-tag prefixes per municipality, as printed on their labels. */
const TAG_PREFIXES: Record<string, string> = {
  'Molde kommune': 'MK',
  'Aukra kommune': 'AUK',
  'Gjemnes kommune': 'GJK',
  'Hustadvika kommune': 'HVK',
  'Rauma kommune': 'RAK',
  'Vestnes kommune': 'VEK',
};

/** Places in each municipality, for workplaces beyond the reference data's few. */
const PLACES: Record<string, string[]> = {
  'Molde kommune': [
    'Kvam',
    'Sellanrå',
    'Kviltorp',
    'Bekkevoll',
    'Langmyra',
    'Kleive',
    'Nordbyen',
    'Årø',
    'Skåla',
  ],
  'Aukra kommune': ['Julsundet', 'Røssøyvågen', 'Gossen', 'Nyhamna'],
  'Gjemnes kommune': ['Angvik', 'Torvikbukt', 'Batnfjordsøra', 'Flemma'],
  'Hustadvika kommune': ['Elnesvågen', 'Bud', 'Hustad', 'Farstad', 'Eide', 'Vevang', 'Lyngstad'],
  'Rauma kommune': ['Åndalsnes', 'Innfjorden', 'Måndalen', 'Veblungsnes', 'Isfjorden'],
  'Vestnes kommune': ['Helland', 'Tomrefjord', 'Fiksdal', 'Vikebukt', 'Tresfjord'],
};
const PLACE_KINDS = ['skole', 'barnehage', 'omsorgssenter', 'hjemmetjeneste', 'bibliotek', 'idrettshall'];
const OFFICES = ['Teknisk drift', 'Økonomiavdelingen', 'Kulturhuset', 'Servicetorget', 'Barnevernet', 'PPT'];

const SUPPLIERS = ['Atea', 'Crayon', 'Dustin', 'Komplett Bedrift', 'Sharp Business Systems'];
const AGREEMENTS = ['IKT-utstyr 2017', 'IKT-utstyr 2021', 'IKT-utstyr 2024', 'Skrivere 2022', 'Mobil 2023'];
const NOTES = ['Overført fra gammelt register', 'Lånemaskin', 'Har dokkingstasjon', 'Ny harddisk 2024'];

/** Weighted pick: weights need not sum to 1. */
function weightedIndex(rng: () => number, cumulative: number[]): number {
  const r = rng() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
const cumulate = (weights: number[]) => {
  let t = 0;
  return weights.map((w) => (t += w));
};

/** The workplaces of each municipality: the reference data's, then schools, kindergartens, offices. */
export function workplacesOf(): Map<string, { id: string; name: string; workplaces: string[] }> {
  const { customers, workplaces } = referenceRows();
  const out = new Map<string, { id: string; name: string; workplaces: string[] }>();
  for (const c of customers) {
    const own = workplaces.filter((w) => w.customerId === c.id).map((w) => w.name);
    const town = c.name.replace(' kommune', '');
    const more = [
      ...(PLACES[c.name] ?? []).flatMap((p, i) =>
        PLACE_KINDS.filter((_, k) => (i + k) % 2 === 0).map((kind) => `${p} ${kind}`),
      ),
      ...OFFICES.map((o) => `${o} ${town}`),
    ];
    out.set(c.id, { id: c.id, name: c.name, workplaces: [...own, ...more.filter((w) => !own.includes(w))] });
  }
  return out;
}

export function seedEquipment(file: string, opts: EquipmentSeedOptions): EquipmentSeedResult {
  const t0 = performance.now();
  const rng = mulberry32(opts.seed ?? 1414);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // setup only; the measured desk runs with FULL

  // The catalogue: every family's variants in turn until there are enough models.
  const pools = FAMILIES.map((f) => f.variants.map((v) => `${f.base}${v}`));
  const models: Array<SeededModel & { family: Family; approvedFrom: string; approvedUntil: string | null }> =
    [];
  for (let round = 0; models.length < opts.models; round++) {
    let added = false;
    for (let f = 0; f < FAMILIES.length && models.length < opts.models; f++) {
      const name = pools[f]![round];
      if (!name) continue;
      added = true;
      const family = FAMILIES[f]!;
      const fromYear = 2015 + Math.floor(rng() * 10);
      const ended = fromYear < 2022 && rng() < 0.6;
      models.push({
        id: uuidv7(),
        maker: family.maker,
        name,
        category: family.category,
        serialShapes: family.serial,
        family,
        approvedFrom: `${fromYear}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-01`,
        approvedUntil: ended ? `${fromYear + 3 + Math.floor(rng() * 3)}-12-31` : null,
      });
    }
    if (!added) throw new Error(`The model families give only ${models.length} models`);
  }
  // Popular models have most devices: the family's weight, and within it a Zipf-like fall-off.
  const familyRank = new Map<Family, number>();
  const modelCumulative = cumulate(
    models.map((m) => {
      const rank = (familyRank.get(m.family) ?? 0) + 1;
      familyRank.set(m.family, rank);
      return m.family.weight / Math.pow(rank, 0.9);
    }),
  );

  const byCustomer = [...workplacesOf().values()];
  const customerCumulative = cumulate(byCustomer.map((_, i) => (i === 0 ? 6 : 6 - i * 0.8)));
  const tagPrefix = new Map(byCustomer.map((c) => [c.name, TAG_PREFIXES[c.name] ?? 'XK']));

  // People who have devices (several, some of them), each at one workplace.
  const PEOPLE = Math.max(100, Math.round(opts.devices * 0.35));
  const people = Array.from({ length: PEOPLE }, () => {
    const c = byCustomer[weightedIndex(rng, customerCumulative)]!;
    const last = rng() < 0.15 ? `${pick(LAST_NAMES)}-${pick(LAST_NAMES)}` : pick(LAST_NAMES);
    return { name: `${pick(FIRST_NAMES)} ${last}`, customer: c, workplace: pick(c.workplaces) };
  });
  const personOf = () => people[Math.floor(PEOPLE * Math.pow(rng(), 1.3))]!;

  const insertModel = db.prepare(`INSERT INTO equipment_model (id, category, maker, name, supplier,
    framework_agreement, approved_from, approved_until, order_via_desk, order_reason, created_at, updated_at,
    updated_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertDevice =
    db.prepare(`INSERT INTO device (id, serial, serial_key, asset_tag, asset_tag_key, model_id,
    customer_id, workplace, assigned_user, assigned_reporter_id, network, setup_date, delivered_date, status,
    replacement_reason, notes, handover_id, handed_in_at, handed_in_by_name, condition, disk_removed, batch_id,
    wipe_method, wipe_tool, wiped_by, wiped_on, recycled_at, created_at, created_by_name, updated_at,
    updated_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare(
    `INSERT INTO equipment_event (id, subject_id, at, actor_id, actor_name, kind, data) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHandover =
    db.prepare(`INSERT INTO handover (id, at, technician_id, technician_name, customer_id,
    workplace, assigned_user, new_device_id, old_device_id, old_outcome, ticket_id, charge_amount, charge_category,
    charge_month, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL)`);
  const insertBatch =
    db.prepare(`INSERT INTO recycling_batch (id, reference, sent_date, recycler, status, devices,
    certificate_reference, destruction_method, closed_at, closed_by_name, created_at, created_by_name)
    VALUES (?, ?, ?, ?, 'closed', ?, ?, 'Makulert og materialgjenvunnet', ?, ?, ?, ?)`);

  const TECHS = ['Stian Tornes', 'Ida Heggem', 'Roar Sylte', 'Linn Vestad', 'Even Flem'];
  const techId = (name: string) =>
    `01a21bf8-0000-7000-8000-0000000c${String(TECHS.indexOf(name) + 1).padStart(4, '0')}`;
  const now = Date.now();
  const today = new Date(now).toISOString().slice(0, 10);
  const DAY = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = (ms: number) => iso(ms).slice(0, 10);

  const samples: EquipmentSeedResult['samples'] = { serials: [], tags: [], users: [], workplaces: [] };
  const byStatus: Record<string, number> = {};
  const takenSerials = new Set<string>();
  const tagCounters = new Map<string, number>();
  let lastTag = 0;
  // Which devices are out of use, to pair with the device that replaced them (a handover each).
  const inUseByCustomer = new Map<string, Array<{ id: string; workplace: string; user: string | null }>>();
  const replaced: Array<{
    id: string;
    customerId: string;
    at: number;
    outcome: 'handed_in' | 'kept';
    tech: string;
    category: DeviceCategory;
  }> = [];
  const recycled: Array<{ id: string; serial: string; tag: string | null; model: (typeof models)[number] }> =
    [];

  const stockEvery = opts.devices / Math.max(1, opts.stock);
  let stockLeft = opts.stock;
  const seedModels = db.transaction(() => {
    for (const m of models) {
      const via =
        m.category === 'laptop' || m.category === 'pc' || m.category === 'mfp' ? rng() < 0.6 : false;
      const at = iso(Date.parse(`${m.approvedFrom}T08:00:00.000Z`));
      insertModel.run(
        m.id,
        m.category,
        m.maker,
        m.name,
        pick(SUPPLIERS),
        pick(AGREEMENTS),
        m.approvedFrom,
        m.approvedUntil,
        via ? 1 : 0,
        via ? pick(['licence', 'compatibility']) : null,
        at,
        at,
        'Tone Aasen',
      );
    }
  });
  seedModels();

  const seedDevices = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      // In stock: spread evenly over the register (and the newest models), so each kind has some.
      const inStock = stockLeft > 0 && i >= (opts.stock - stockLeft) * stockEvery;
      // Stock is bought as approved models (R15): a handover delivers only those onto the main network.
      let model = models[weightedIndex(rng, modelCumulative)]!;
      while (inStock && !(model.approvedFrom <= today && (model.approvedUntil ?? today) >= today))
        model = models[weightedIndex(rng, modelCumulative)]!;
      let serial: string;
      do serial = serialFrom(pick(model.family.serial), rng);
      while (takenSerials.has(`${model.maker}|${serial}`));
      takenSerials.add(`${model.maker}|${serial}`);
      const personal = ['laptop', 'pc', 'phone', 'tablet'].includes(model.category);
      const person = personOf();
      const customer = personal ? person.customer : byCustomer[weightedIndex(rng, customerCumulative)]!;
      const workplace = personal ? person.workplace : pick(customer.workplaces);
      const r = rng();
      const status = inStock
        ? 'in_stock'
        : r < 0.86
          ? 'in_use'
          : r < 0.87
            ? 'replacement_recommended'
            : r < 0.9
              ? 'handed_in'
              : r < 0.905
                ? 'kept_by_customer'
                : 'recycled';
      if (inStock) stockLeft--;
      const prefix = tagPrefix.get(customer.name)!;
      let tag: string | null = null;
      if (rng() < 0.92) {
        const n = (tagCounters.get(prefix) ?? 0) + 1 + Math.floor(rng() * 3);
        tagCounters.set(prefix, n);
        lastTag = Math.max(lastTag, n);
        tag = `${prefix}-${String(n).padStart(6, '0')}`;
      }
      const ageDays = Math.floor(rng() * (status === 'recycled' ? 3000 : 2400));
      const registeredMs = now - ageDays * DAY - Math.floor(rng() * DAY);
      const deliveredMs = registeredMs + Math.floor(rng() * 20) * DAY;
      const delivered = status !== 'in_stock';
      const gone = status === 'handed_in' || status === 'kept_by_customer' || status === 'recycled';
      const user =
        status === 'in_stock' || !personal || (rng() < 0.08 && model.category !== 'phone')
          ? null
          : person.name;
      const tech = pick(TECHS);
      const outMs = gone ? Math.min(now - DAY, deliveredMs + (200 + Math.floor(rng() * 1600)) * DAY) : 0;
      const handedIn = status === 'handed_in' || status === 'recycled';
      const wiped = status === 'recycled' || (status === 'handed_in' && rng() < 0.5);
      const id = uuidv7();
      const createdAt = iso(registeredMs);
      const updatedAt = iso(gone ? outMs : delivered ? deliveredMs : registeredMs);
      insertDevice.run(
        id,
        serial,
        normalizeLabel(serial),
        tag,
        tag === null ? null : normalizeLabel(tag),
        model.id,
        customer.id,
        workplace,
        user,
        model.category === 'info_screen' || rng() < 0.01 ? 'guest' : 'main',
        rng() < 0.7 ? day(registeredMs) : null,
        delivered ? day(deliveredMs) : null,
        status,
        status === 'replacement_recommended' ? 'Treg, batteriet holder ikke en arbeidsdag' : null,
        rng() < 0.05 ? pick(NOTES) : null,
        gone ? uuidv7() : null,
        handedIn ? iso(outMs) : null,
        handedIn ? tech : null,
        gone ? pick(['working', 'working', 'faulty', 'damaged']) : null,
        gone ? (rng() < 0.2 ? 1 : 0) : null,
        null, // batch_id: set when the batches are made below
        wiped ? (status === 'recycled' ? 'recycler_certified' : pick(['own_wipe', 'disk_destroyed'])) : null,
        wiped && status !== 'recycled' ? 'Blancco Drive Eraser' : null,
        wiped ? (status === 'recycled' ? 'Stena Recycling' : tech) : null,
        wiped ? day(outMs + 10 * DAY) : null,
        status === 'recycled' ? iso(outMs + 40 * DAY) : null,
        createdAt,
        tech,
        updatedAt,
        tech,
      );
      insertEvent.run(
        uuidv7(),
        id,
        createdAt,
        techId(tech),
        tech,
        'registered',
        JSON.stringify({
          serial,
          assetTag: tag,
          modelId: model.id,
          status: delivered ? 'in_use' : 'in_stock',
        }),
      );
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      if (status === 'in_use') {
        const list = inUseByCustomer.get(customer.id) ?? [];
        list.push({ id, workplace, user });
        inUseByCustomer.set(customer.id, list);
      }
      if (gone)
        replaced.push({
          id,
          customerId: customer.id,
          at: outMs,
          outcome: status === 'kept_by_customer' ? 'kept' : 'handed_in',
          tech,
          category: model.category,
        });
      if (status === 'recycled') recycled.push({ id, serial, tag, model });
      if (i % 1009 === 0) samples.serials.push(serial);
      if (i % 1013 === 0 && tag) samples.tags.push(tag);
      if (i % 1019 === 0 && user) samples.users.push(user);
      if (i % 2003 === 0) samples.workplaces.push(workplace);
    }
  });
  const CHUNK = 20_000;
  for (let from = 0; from < opts.devices; from += CHUNK)
    seedDevices(from, Math.min(opts.devices, from + CHUNK));

  // One handover per replaced device, delivering a device now in use at the same customer.
  const seedHandovers = db.transaction(() => {
    for (const r of replaced) {
      const candidates = inUseByCustomer.get(r.customerId) ?? [];
      const fresh = candidates[Math.floor(rng() * candidates.length)];
      if (!fresh) continue;
      const kept = r.outcome === 'kept';
      insertHandover.run(
        uuidv7(),
        iso(r.at),
        techId(r.tech),
        r.tech,
        r.customerId,
        fresh.workplace,
        fresh.user,
        fresh.id,
        r.id,
        r.outcome,
        kept ? 1500 : null,
        kept ? r.category : null,
        kept ? day(r.at).slice(0, 7) : null,
      );
    }
    // The recycled devices left in closed batches of up to 400, with the recycler's certificate.
    const update = db.prepare(`UPDATE device SET batch_id = ? WHERE id = ?`);
    for (let b = 0; b * 400 < recycled.length; b++) {
      const lines = recycled.slice(b * 400, (b + 1) * 400);
      const id = uuidv7();
      const sent = now - (60 + b * 30) * DAY;
      insertBatch.run(
        id,
        `GJV-${String(b + 1).padStart(4, '0')}`,
        day(sent),
        'Stena Recycling',
        JSON.stringify(
          lines.map((l) => ({
            deviceId: l.id,
            serial: l.serial,
            assetTag: l.tag,
            maker: l.model.maker,
            model: l.model.name,
            category: l.model.category,
          })),
        ),
        `SR-${200_000 + b}`,
        iso(sent + 30 * DAY),
        'Tone Aasen',
        iso(sent),
        'Tone Aasen',
      );
      for (const l of lines) update.run(id, l.id);
    }
  });
  seedHandovers();
  db.pragma('optimize');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return {
    seconds: (performance.now() - t0) / 1000,
    byStatus,
    models: models.map(({ id, maker, name, category, serialShapes }) => ({
      id,
      maker,
      name,
      category,
      serialShapes,
    })),
    tagPrefix,
    lastTag,
    samples,
  };
}
