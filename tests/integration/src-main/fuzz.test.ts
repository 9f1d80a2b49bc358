// Fuzz (issue 13, "Also"): every procedure of the central store's router and
// of the desk's local router — found by walking the routers (tRPC 11's
// `_def.procedures`), never listed by hand — called over real HTTP as each
// role and signed out, with random and hostile input shaped by each
// procedure's own zod schema (and plain garbage): NUL, lone surrogates,
// invalid UTF-8, `__proto__` keys, SQL fragments, huge and negative numbers,
// long strings, nesting 5,000 deep, wrong types. Also the push envelope, the
// subscriptions, batches, unknown paths and the CTI endpoint. Asserts: only
// typed 4xx errors (or 200), the servers stay up, nothing a refused call
// sent is stored, a push's change log grows only by what it applied, and
// both stores pass an integrity check. Seeded (FUZZ_SEED replays a run,
// FUZZ_RUNS sets the inputs per procedure and caller); every finding is
// collected and listed, not only the first.
import fc from 'fast-check';
import { format } from 'node:util';
import type { AnyRouter } from '@trpc/server';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser } from '../../../src-main/central/auth/users';
import { centralRouter } from '../../../src-main/central/router';
import { localRouter } from '../../../src-main/desk/router';
import { MUTATIONS, SERVER_MUTATIONS } from '../../../src-main/domains';
import { referenceRows } from '../../../src-main/store/referenceData';
import { ctiEventSchema } from '../../../src-shared/calls/cti';
import { ROLES, type Role } from '../../../src-shared/roles';
import { ENGINES, startTestCentral, type Engine, type TestCentral } from '../../support/central';
import { CTI_TOKEN, postCti, sqlRows } from '../../support/cti';
import { removeDir, startDesk, tempDir, TEST_PASSWORD, type RunningDesk } from '../../support/tempDesk';

const SEED = Number(process.env.FUZZ_SEED ?? 13_0013);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const FUZZ_TIMEOUT = 240_000;

// ---------------------------------------------------------------------------------------------
// JSON as text we control: keys like __proto__ stay own keys, numbers like 1e400 stay as written.

class Raw {
  constructor(readonly text: string) {}
}
class Obj {
  constructor(readonly entries: ReadonlyArray<readonly [string, J]>) {}
}
type J = null | boolean | number | string | Raw | Obj | J[];
const OMIT = Symbol('omit');
type Gen = J | typeof OMIT;

function toJson(j: J): string {
  if (j instanceof Raw) return j.text;
  if (j instanceof Obj)
    return `{${j.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
  if (Array.isArray(j)) return `[${j.map(toJson).join(',')}]`;
  return JSON.stringify(j);
}

function fromPlain(v: unknown): J {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return v.map(fromPlain);
  if (typeof v === 'object') return new Obj(Object.entries(v).map(([k, x]) => [k, fromPlain(x)] as const));
  return null;
}

/** What goes on the wire: JSON text, raw bytes (invalid UTF-8), or no input at all. */
type Payload = { kind: 'json'; text: string } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'none' };
const json = (j: Gen): Payload => (j === OMIT ? { kind: 'none' } : { kind: 'json', text: toJson(j) });

// ---------------------------------------------------------------------------------------------
// Hostile leaves.

const minutesAgoIso = (ms: number) => new Date(Date.now() - ms).toISOString();
const INSTANTS = [
  '0000-01-01T00:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  '2001-01-01T00:00:00.000Z',
  '2024-02-30T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '2024-13-01',
  '0000-00-00',
  '9999-12-31',
  '2023-02-29',
];
const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  "' OR 1=1 --",
  "'; DROP TABLE call; --",
  '" OR ""="',
  "1' UNION SELECT token_hash FROM session --",
  '%',
  '_',
  '%_\\',
  '\\',
  '*',
  '"',
  "'",
  'NEAR(',
  'a OR b AND NOT c',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  ' ',
  '\t\n\r',
  '\u202e',
  '\ufeff',
  '\ufffd',
  '\u0007',
  '\u007f',
  '😀😀😀',
  'Æøå ÆØÅ',
  '<script>alert(1)</script>',
  '${7*7}',
  '../../etc/passwd',
  'NaN',
  'Infinity',
  '-1',
  '1e400',
  'null',
  'true',
  '0x10',
  ' 91234567 ',
  '+4791234567',
  '+',
  '00',
  'a@b',
  ...INSTANTS,
];
const PLAUSIBLE = [
  'Kari Nordmann',
  'kari.nordmann',
  '91234567',
  '+47 912 34 567',
  'Molde legevakt',
  'Journalsystem',
  'Svarer ikke',
  'TeamViewer',
  'Startet på nytt',
  'nb',
  'call',
  'ticket',
  'customer',
  'Europe/Oslo',
  'NO',
  '08:00',
  '15:30',
];
const HOSTILE_NUMBERS: J[] = [
  0,
  -1,
  1,
  2,
  0.5,
  -0.5,
  1e308,
  -1e308,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  2 ** 53 + 2,
  Number.MIN_SAFE_INTEGER,
  5e-324,
  999_999_999,
  new Raw('1e400'),
  new Raw('-1e400'),
  new Raw('123456789012345678901234567890'),
  new Raw('1E-400'),
  new Raw('-0.0'),
];

const longString = fc
  .tuple(fc.constantFrom('x', 'ø', '😀', '\u0000', "'", '%', ' '), fc.integer({ min: 1_000, max: 30_000 }))
  .map(([c, n]) => c.repeat(n));
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 8 }))
      .map(([a, b]) => `${b}${a}${b}`),
  },
  { weight: 1, arbitrary: longString },
);
const hostileNumber: fc.Arbitrary<J> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);
function deep(n: number, style: number): string {
  if (style === 0) return '['.repeat(n) + ']'.repeat(n);
  if (style === 1) return '{"a":'.repeat(n) + '1' + '}'.repeat(n);
  return '[{"__proto__":'.repeat(n) + 'null' + '}]'.repeat(n);
}
const deepRaw: fc.Arbitrary<J> = fc
  .tuple(fc.constantFrom(40, 500, 5_000), fc.integer({ min: 0, max: 2 }))
  .map(([n, s]) => new Raw(deep(n, s)));
const anyJson: fc.Arbitrary<J> = fc.jsonValue({ maxDepth: 3 }).map(fromPlain);
const POLLUTION: Array<readonly [string, J]> = [
  [
    '__proto__',
    new Obj([
      ['polluted', 'yes'],
      ['role', 'admin'],
      ['isAdmin', true],
    ]),
  ],
  ['constructor', new Obj([['prototype', new Obj([['polluted', 'yes']])]])],
  ['prototype', new Obj([['polluted', 'yes']])],
];
const wrongType: fc.Arbitrary<J> = fc.oneof(
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant<J>([]),
  fc.constant(new Obj([])),
  fc.constant(new Obj(POLLUTION)),
  anyJson,
);
const hostileLeaf: fc.Arbitrary<J> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 2, arbitrary: wrongType },
  { weight: 1, arbitrary: deepRaw },
);

// ---------------------------------------------------------------------------------------------
// Inputs shaped by a procedure's zod schema: mostly plausible, each part sometimes hostile.

/** Ids that exist, by kind (calls, tickets, customers, users), so inputs get past "not found". */
const known = {
  customer: referenceRows().customers.map((c) => c.id),
  call: [] as string[],
  ticket: [] as string[],
  user: [] as string[],
};
const pick = (ids: string[]) => fc.nat().map((i) => ids[i % ids.length] ?? uuidv7());
/** Keeps the id of a row an accepted call created, so later inputs can name it (or collide with it). */
function remember(procedure: string, id: unknown) {
  if (typeof id !== 'string') return;
  const pool = /^calls?\./.test(procedure) ? known.call : /^tickets?\./.test(procedure) ? known.ticket : null;
  if (pool && !pool.includes(id)) pool.push(id);
}
/** The name of the mutation with this id in a push's payload. */
function nameOf(payload: Payload, mutationId: unknown): string {
  if (payload.kind !== 'json') return '';
  try {
    const ms = (JSON.parse(payload.text) as { mutations: Array<{ mutationId: unknown; name: unknown }> })
      .mutations;
    return String(ms.find((m) => m.mutationId === mutationId)?.name ?? '');
  } catch {
    return '';
  }
}
const allIds = () => [...known.customer, ...known.call, ...known.ticket, ...known.user];
const uuidArb: fc.Arbitrary<string> = fc.oneof(
  fc.nat().map((i) => allIds()[i % allIds().length]!),
  fc.uuid(),
  fc.constant(null).map(() => uuidv7()),
);
/** Fields naming the id of a row the call creates (the caller chooses it). */
const NEW_ROW_ID = /^(id|noteId|workId)$/;
/** An id for a field, from the pool its name says (ticketId: a ticket), or any. */
function idFor(key: string): fc.Arbitrary<string> {
  const kind = /ticket/i.test(key)
    ? known.ticket
    : /call/i.test(key)
      ? known.call
      : /customer/i.test(key)
        ? known.customer
        : /assignee|user/i.test(key)
          ? known.user
          : null;
  if (kind) return fc.oneof({ weight: 3, arbitrary: pick(kind) }, { weight: 1, arbitrary: uuidArb });
  // An id the caller chooses for a new row: fresh, or one some row already has.
  if (NEW_ROW_ID.test(key))
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant(null).map(() => uuidv7()) },
      { weight: 1, arbitrary: fc.nat().map((i) => allIds()[i % allIds().length]!) },
    );
  return uuidArb;
}
const recentInstant = fc.integer({ min: 0, max: 30 * 60_000 }).map(minutesAgoIso);
const instantArb = fc.oneof(
  { weight: 6, arbitrary: recentInstant },
  { weight: 1, arbitrary: fc.constantFrom(...INSTANTS) },
);
const nearDay = fc
  .integer({ min: -400, max: 400 })
  .map((d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10));
const dayArb = fc.oneof(nearDay, fc.constantFrom(...INSTANTS));
const PHONES = ['91234567', '+4791234567', '004791234567', '4771111166', '71111166', '112', '+46701234567'];
const CSV = [
  'navn;telefon;arbeidssted;kommune\nKari Nordmann;91234567;Molde legevakt;Molde kommune',
  'name,phones,workplace,municipality,email\nOla,"91234567;92345678",Molde legevakt,Molde kommune,ola@example.no',
  'navn;telefon\nKari;91234567',
  'navn;telefon;arbeidssted;kommune\n"unclosed;91234567;x;y',
];
/** Plausible text for a field, by its name: most schemas want a phone number where the name says so. */
function plausibleFor(key: string): fc.Arbitrary<string> | null {
  if (/number|phone|prefix|callerId/i.test(key)) return fc.constantFrom(...PHONES);
  if (/email/i.test(key)) return fc.constantFrom('kari.nordmann@example.no', 'a@b.co', 'x@y');
  if (/csv/i.test(key)) return fc.constantFrom(...CSV);
  if (/^(open|close)$/.test(key)) return fc.constantFrom('08:00', '15:30', '00:00', '23:59', '24:00', '8');
  if (/timeZone/.test(key)) return fc.constantFrom('Europe/Oslo', 'UTC', 'Mars/Olympus');
  if (/holidayCountry/.test(key)) return fc.constantFrom('NO', 'SE', 'XX');
  if (/date|At$|^at$|^before$/i.test(key)) return fc.oneof(instantArb, dayArb);
  return null;
}

interface ZodDef {
  type: string;
  [key: string]: unknown;
}
const defOf = (s: unknown): ZodDef => (s as { _zod: { def: ZodDef } })._zod.def;
const checksOf = (d: ZodDef) =>
  ((d.checks as unknown[] | undefined) ?? []).map((c) => defOf(c) as ZodDef & Record<string, unknown>);

/** Where in the input a value goes (its field's name) and whether it may be hostile at all. */
interface At {
  key: string;
  hostile: boolean;
  /** Every optional field present (the base of the referential edge cases). */
  full?: boolean;
}

function stringArb(d: ZodDef, at: At): fc.Arbitrary<Gen> {
  let min: number | undefined;
  let max: number | undefined;
  for (const c of checksOf(d)) {
    if (c.check === 'min_length') min = c.minimum as number;
    if (c.check === 'max_length') max = c.maximum as number;
  }
  const valid: fc.Arbitrary<J> =
    d.format === 'uuid'
      ? idFor(at.key)
      : d.format === 'datetime'
        ? at.hostile
          ? instantArb
          : recentInstant
        : d.format === 'date'
          ? at.hostile
            ? dayArb
            : nearDay
          : d.format === 'email'
            ? fc.constantFrom('kari.nordmann@example.no', 'a@b.co', 'x@y')
            : (plausibleFor(at.key) ??
              fc.oneof(
                { weight: 3, arbitrary: fc.constantFrom(...PLAUSIBLE) },
                {
                  weight: 1,
                  arbitrary: fc.string({
                    minLength: min ?? 0,
                    maxLength: Math.max(min ?? 0, Math.min(max ?? 40, 40)),
                  }),
                },
              ));
  if (!at.hostile) return valid;
  const edges: J[] = [];
  if (max !== undefined && max < 100_000) edges.push('x'.repeat(max), 'x'.repeat(max + 1));
  if (min !== undefined && min > 0) edges.push('x'.repeat(min - 1));
  return fc.oneof(
    { weight: 8, arbitrary: valid },
    { weight: 2, arbitrary: hostileLeaf },
    ...(edges.length ? [{ weight: 1, arbitrary: fc.constantFrom(...edges) }] : []),
  );
}

function numberArb(d: ZodDef, at: At): fc.Arbitrary<Gen> {
  let lo: number | undefined;
  let hi: number | undefined;
  let int = false;
  for (const c of checksOf(d)) {
    if (c.check === 'greater_than') lo = c.value as number;
    if (c.check === 'less_than') hi = c.value as number;
    if (c.check === 'number_format' && String(c.format).includes('int')) int = true;
  }
  if (/year/i.test(at.key) && lo === undefined) lo = 1990;
  const a = lo ?? 0;
  const b = hi ?? a + (/year/i.test(at.key) ? 60 : 1_000);
  const valid: fc.Arbitrary<J> = int
    ? fc.integer({ min: Math.ceil(a), max: Math.floor(Math.min(b, a + 1_000)) })
    : fc.double({ min: a, max: b, noNaN: true });
  if (!at.hostile) return valid;
  const edges: J[] = [a, b, a - 1, b + 1, a + 0.5];
  return fc.oneof(
    { weight: 8, arbitrary: valid },
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
    { weight: 2, arbitrary: hostileLeaf },
  );
}

const extraEntries: fc.Arbitrary<Array<readonly [string, J]>> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Array<readonly [string, J]>>([]) },
  { weight: 1, arbitrary: fc.subarray(POLLUTION, { minLength: 1 }) },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('role', 'userId', 'actor', 'isAdmin', 'id', '__proto__'),
          fc.string({ maxLength: 8 }),
        ),
        hostileLeaf,
      ),
      { maxLength: 2 },
    ),
  },
);

/**
 * Values for a zod schema (zod 4's `_zod.def`): plausible ones, and — where `hostile` — each part
 * now and then replaced by a hostile leaf, a wrong type, a boundary length or extra keys.
 */
function arbFor(schema: unknown, at: At = { key: '', hostile: true }): fc.Arbitrary<Gen> {
  const d = defOf(schema);
  const sometimesHostile = (valid: fc.Arbitrary<Gen>) =>
    at.hostile ? fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: hostileLeaf }) : valid;
  switch (d.type) {
    case 'object': {
      const shape = d.shape as Record<string, unknown>;
      const fields = Object.entries(shape).map(([k, v]) =>
        arbFor(v, { ...at, key: k }).map((x) => [k, x] as const),
      );
      return sometimesHostile(
        fc
          .tuple(fc.tuple(...fields), at.hostile ? extraEntries : fc.constant([]), fc.boolean())
          .map(
            ([fs, extras, extrasFirst]) =>
              new Obj([
                ...(extrasFirst ? extras : []),
                ...fs.filter((f): f is readonly [string, J] => f[1] !== OMIT),
                ...(extrasFirst ? [] : extras),
              ]),
          ),
      );
    }
    case 'string':
      return stringArb(d, at);
    case 'number':
      return numberArb(d, at);
    case 'boolean':
      return sometimesHostile(fc.boolean());
    case 'enum':
      return sometimesHostile(fc.constantFrom(...(Object.values(d.entries as object) as J[])));
    case 'literal':
      return sometimesHostile(fc.constantFrom(...(d.values as J[])));
    case 'array':
      return sometimesHostile(
        fc.array(arbFor(d.element, at), { maxLength: 3 }).map((xs) => xs.map((x) => (x === OMIT ? null : x))),
      );
    case 'union':
      return fc.oneof(...(d.options as unknown[]).map((o) => arbFor(o, at)));
    case 'optional':
    case 'default':
    case 'prefault':
      return at.full ? arbFor(d.innerType, at) : fc.oneof(fc.constant(OMIT), arbFor(d.innerType, at));
    case 'nullable':
      return fc.oneof(fc.constant(null), arbFor(d.innerType, at));
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return arbFor(d.innerType, at);
    case 'pipe':
      // z.preprocess is a pipe from a transform: its shape is the output schema's.
      return arbFor(defOf(d.in).type === 'transform' ? d.out : d.in, at);
    default:
      return at.hostile ? anyJson : fc.constant(null);
  }
}

/** Inserts bytes that are not UTF-8 into a JSON text, inside its first string value. */
function withBadBytes(text: string, bad: number[]): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  const at = text.indexOf(':"');
  const cut = at < 0 ? bytes.length : new TextEncoder().encode(text.slice(0, at + 2)).length;
  return new Uint8Array([...bytes.slice(0, cut), ...bad, ...bytes.slice(cut)]);
}
const BAD_BYTES = [
  [0xff],
  [0xfe, 0xff],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xe2, 0x82],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];
const BROKEN_JSON = [
  '{',
  '{"a":',
  '[1,]',
  'undefined',
  "{'a':1}",
  '\u0000',
  '"',
  '{"a":1}}',
  'NaN',
  '{"__proto__":',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * Valid input with one id swapped: for a row that does not exist, or for one of another kind (or
 * the same: a new row's id that is taken). Rules must answer these, not the store's constraints.
 */
function swapOneId(clean: fc.Arbitrary<Gen>): fc.Arbitrary<Gen> {
  return fc.tuple(clean, fc.nat(), fc.boolean(), fc.nat()).map(([j, which, fresh, other]) => {
    if (!(j instanceof Obj)) return j;
    const ids = j.entries
      .map(([, v], i) => (typeof v === 'string' && UUID.test(v) ? i : -1))
      .filter((i) => i >= 0);
    if (ids.length === 0) return j;
    const at = ids[which % ids.length]!;
    const swapped = fresh ? uuidv7() : allIds()[other % allIds().length]!;
    return new Obj(j.entries.map(([k, v], i) => [k, i === at ? swapped : v] as const));
  });
}

/**
 * Referential edge cases, the same for every run: a valid input (every optional field present) with
 * one id at a time replaced by a row that does not exist, or by an existing row of each kind (a new
 * row's id that is taken, a call where a ticket belongs).
 */
function referentialEdges(input: unknown, label: string): J[] {
  const [base] = sample(arbFor(input, { key: '', hostile: false, full: true }), `edge:${label}`, 1);
  if (!(base instanceof Obj)) return [];
  const out: J[] = [];
  base.entries.forEach(([, v], i) => {
    if (typeof v !== 'string' || !UUID.test(v)) return;
    for (const other of [uuidv7(), known.call[0], known.ticket[0], known.customer[0], known.user[0]]) {
      if (other && other !== v)
        out.push(new Obj(base.entries.map(([k2, v2], j) => [k2, j === i ? other : v2] as const)));
    }
  });
  return out;
}

function payloadArb(input: unknown): fc.Arbitrary<Payload> {
  const shaped: fc.Arbitrary<Gen> = input === undefined ? anyJson : arbFor(input);
  const clean: fc.Arbitrary<Gen> =
    input === undefined ? fc.constant(OMIT) : arbFor(input, { key: '', hostile: false });
  return fc.oneof(
    { weight: 6, arbitrary: clean.map(json) },
    { weight: 4, arbitrary: swapOneId(clean).map(json) },
    { weight: 10, arbitrary: shaped.map(json) },
    { weight: 2, arbitrary: anyJson.map(json) },
    { weight: 1, arbitrary: deepRaw.map(json) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...BROKEN_JSON).map((text): Payload => ({ kind: 'json', text })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(shaped, fc.constantFrom(...BAD_BYTES)).map(([j, bad]): Payload => ({
        kind: 'bytes',
        bytes: withBadBytes(toJson(j === OMIT ? new Obj([]) : j), bad),
      })),
    },
    {
      weight: 1,
      arbitrary: shaped.map((j) =>
        json(
          j instanceof Obj
            ? new Obj([...POLLUTION, ...j.entries])
            : new Obj([...POLLUTION, ['0', j === OMIT ? null : j]]),
        ),
      ),
    },
    { weight: 1, arbitrary: fc.constant<Payload>({ kind: 'none' }) },
  );
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
/** Each batch's inputs depend only on the seed and the batch's name: any batch can be replayed alone. */
const sample = <T>(arb: fc.Arbitrary<T>, label: string, numRuns = RUNS): T[] =>
  fc.sample(arb, { seed: (SEED ^ fnv1a(label)) | 0, numRuns });

// ---------------------------------------------------------------------------------------------
// The routers' procedures, as tRPC 11 keeps them (flat, by path).

interface Proc {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  input: unknown;
}
function proceduresOf(router: AnyRouter): Proc[] {
  const procs = router._def.procedures as Record<string, { _def: { type: Proc['type']; inputs: unknown[] } }>;
  return Object.entries(procs).map(([path, p]) => ({ path, type: p._def.type, input: p._def.inputs[0] }));
}
const CENTRAL_PROCS = proceduresOf(centralRouter);
const DESK_PROCS = proceduresOf(localRouter);
/** Paths no router has; `__proto__` and friends must not find Object.prototype's members. */
const UNKNOWN_PATHS = [
  'nope',
  'auth',
  '__proto__',
  'constructor',
  'toString',
  'auth.__proto__',
  'sync.push.x',
  '',
  '%00',
];

// ---------------------------------------------------------------------------------------------
// HTTP, judged.

const CLIENT_CODES = new Set([
  'PARSE_ERROR',
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'PAYMENT_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_SUPPORTED',
  'TIMEOUT',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE_CONTENT',
  'PRECONDITION_REQUIRED',
  'TOO_MANY_REQUESTS',
  'CLIENT_CLOSED_REQUEST',
]);
/** 4xx answered before tRPC sees the request (too large a body or URL, the desk host's own token). */
const TRANSPORT_4XX = new Set([401, 413, 431]);

interface Answer {
  status: number;
  text: string;
  body: unknown;
}

const excerpt = (s: string, n = 240) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
/** A push envelope of one new mutation (its id and sequence number filled in when it is sent). */
function oneMutationEnvelope(clientId: string, name: string, args: J): Obj {
  return new Obj([
    ['clientId', clientId],
    [
      'mutations',
      [
        new Obj([
          ['mutationId', new Raw('"__NEW_ID__"')],
          ['seq', new Raw('__SEQ_0__')],
          ['name', name],
          ['schemaVersion', MUTATIONS.get(name)!.schemaVersion],
          ['args', args],
          ['createdAt', minutesAgoIso(1_000)],
        ]),
      ],
    ],
  ]);
}

/** A response's status, its text and, where the text is JSON, the parsed body. */
async function answerOf(res: Response): Promise<{ status: number; text: string; body: unknown }> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, text, body };
}

function describePayload(p: Payload): string {
  if (p.kind === 'none') return '(no input)';
  if (p.kind === 'bytes') return `bytes ${excerpt(Buffer.from(p.bytes).toString('latin1'), 160)}`;
  return excerpt(JSON.stringify(p.text), 700);
}
const percentBytes = (b: Uint8Array) => [...b].map((x) => `%${x.toString(16).padStart(2, '0')}`).join('');

async function send(
  base: string,
  path: string,
  type: 'query' | 'mutation',
  payload: Payload,
  headers: Record<string, string>,
  query = '',
): Promise<Answer> {
  let res: Response;
  if (type === 'query') {
    const input =
      payload.kind === 'none'
        ? ''
        : payload.kind === 'bytes'
          ? `input=${percentBytes(payload.bytes)}`
          : `input=${encodeURIComponent(payload.text)}`;
    const qs = [query, input].filter(Boolean).join('&');
    res = await fetch(`${base}/trpc/${path}${qs ? `?${qs}` : ''}`, {
      headers,
      signal: AbortSignal.timeout(20_000),
    });
  } else {
    res = await fetch(`${base}/trpc/${path}${query ? `?${query}` : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: payload.kind === 'none' ? undefined : payload.kind === 'bytes' ? payload.bytes : payload.text,
      signal: AbortSignal.timeout(20_000),
    });
  }
  return answerOf(res);
}

interface TrpcError {
  message?: unknown;
  data?: { code?: unknown; httpStatus?: unknown };
}
const errorOf = (item: unknown): TrpcError | undefined =>
  item && typeof item === 'object' && 'error' in item ? (item as { error: TrpcError }).error : undefined;

/** What is wrong with an answer, or null: 200 with a result, or a typed tRPC 4xx. */
function judge(a: Answer): string | null {
  if (a.status >= 500) {
    const err = errorOf(a.body);
    return `HTTP ${a.status} ${String(err?.data?.code ?? '')}: ${excerpt(String(err?.message ?? a.text), 400)}`;
  }
  if (a.body === undefined)
    return a.status >= 400 && TRANSPORT_4XX.has(a.status)
      ? null
      : `HTTP ${a.status}, not JSON: ${excerpt(a.text)}`;
  const items = Array.isArray(a.body) ? (a.body as unknown[]) : [a.body];
  for (const item of items) {
    const err = errorOf(item);
    if (!err) {
      if (a.status < 300 && item && typeof item === 'object' && 'result' in item) continue;
      return `HTTP ${a.status} without a tRPC result or error: ${excerpt(a.text)}`;
    }
    const code = err.data?.code;
    const status = err.data?.httpStatus;
    if (typeof code !== 'string' || !CLIENT_CODES.has(code))
      return `error code ${String(code)} (HTTP ${String(status)}): ${excerpt(String(err.message), 400)}`;
    if (typeof status !== 'number' || status < 400 || status >= 500 || typeof err.message !== 'string')
      return `malformed error: ${excerpt(a.text)}`;
    if (!Array.isArray(a.body) && status !== a.status)
      return `HTTP ${a.status} for an error saying ${status}`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// What the servers logged (the stack of a 500), and what the fuzz found.

const serverLog: string[] = [];
/** Answers by target and procedure, by status: shows what got past validation. */
const stats = new Map<string, Map<number, number>>();
function tally(key: string, status: number) {
  const m = stats.get(key) ?? new Map<number, number>();
  m.set(status, (m.get(status) ?? 0) + 1);
  stats.set(key, m);
}
function statsSummary(): string {
  const total = new Map<number, number>();
  const never200: string[] = [];
  for (const [key, m] of stats) {
    for (const [status, n] of m) total.set(status, (total.get(status) ?? 0) + n);
    if (!m.has(200)) never200.push(key);
  }
  const all = [...total].sort(([a], [b]) => a - b);
  return `${all.reduce((n, [, k]) => n + k, 0)} requests (${all.map(([s, n]) => `${s}×${n}`).join(', ')}); never 200: ${never200.join(', ') || 'none'}`;
}
const findings: string[] = [];
const seenFindings = new Set<string>();
function report(where: string, problem: string, payload?: Payload, since = serverLog.length) {
  const key = `${where}|${problem.replace(/\d+/g, '#').slice(0, 120)}`;
  if (seenFindings.has(key)) return;
  seenFindings.add(key);
  const logged = serverLog
    .slice(since)
    .map((l) => l.split('\n').slice(0, 6).join('\n      '))
    .join('\n    ');
  findings.push(
    `${where}: ${problem}${payload ? `\n    input: ${describePayload(payload)}` : ''}${logged ? `\n    server: ${logged}` : ''}`,
  );
}

/** Fails the current test with every finding it added (listed, with inputs and the servers' stacks). */
function expectNoFindingsSince(from: number) {
  const mine = findings.slice(from);
  expect(mine, mine.join('\n')).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Row counts: what a refused call must not change.

type Counts = Record<string, number>;
type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

async function tablesOf(q: Query, engine: Engine): Promise<string[]> {
  const rows =
    engine === 'postgres'
      ? await q(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`)
      : await q(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1`,
        );
  return rows.map((r) => String(r.name));
}

async function countRows(q: Query, tables: string[], extra: string[] = []): Promise<Counts> {
  const parts = [...tables.map((t) => `SELECT '${t}' AS k, count(*) AS n FROM "${t}"`), ...extra];
  const rows = await q(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n ?? 0)]));
}

function diff(before: Counts, after: Counts, ignore: ReadonlySet<string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((k) => !ignore.has(k) && before[k] !== after[k])
    .map((k) => `${k} ${before[k] ?? '-'}→${after[k] ?? '-'}`);
}

// ---------------------------------------------------------------------------------------------

type Who = Role | 'anonymous';
const WHO: Who[] = [...ROLES, 'anonymous'];
const usernameOf = (role: Role) => `fuzz.${role.replace('_', '')}`;
/** Headers a caller without a session sends: none, or a token that is not one. */
const ANONYMOUS_AUTH = [
  '',
  'Bearer ',
  'Bearer nope',
  `Bearer ${'x'.repeat(4_000)}`,
  'Basic YTpi',
  'bearer x',
];

/** Tables a refused call may still write, by design. */
const CENTRAL_ALWAYS_IGNORED = new Set(['login_attempt']); // failed logins are counted (rate limit)
/** Desk queries that keep what they read for offline use. */
const DESK_QUERY_CACHES: Record<string, string[]> = {
  'tickets.staff': ['local_setting'], // the staff list, for assigning offline (desk/staffDirectory.ts)
};

for (const engine of ENGINES) {
  describe(`fuzz on ${engine}`, () => {
    let central: TestCentral;
    let desk: RunningDesk;
    let deskDir: string;
    let centralTables: string[];
    let deskTables: string[];
    const tokens = new Map<Role, string>();
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    let started = Date.now();

    const cq: Query = (sql) => sqlRows(central, sql);
    const dq: Query = (sql) => desk.desk.store.dataSource.manager.query(sql);
    const centralCounts = () =>
      countRows(cq, centralTables, [
        `SELECT 'client_state.last_seq' AS k, coalesce(sum(last_seq), 0) AS n FROM client_state`,
        `SELECT 'user_account.active' AS k, coalesce(sum(active), 0) AS n FROM user_account`,
        `SELECT 'counter.server_version' AS k, coalesce(max(value), 0) AS n FROM counter WHERE name = 'server_version'`,
      ]);
    const deskCounts = () => countRows(dq, deskTables);

    const centralHeaders = (who: Who, i: number): Record<string, string> => {
      if (who !== 'anonymous') return { authorization: `Bearer ${tokens.get(who)}` };
      const auth = ANONYMOUS_AUTH[i % ANONYMOUS_AUTH.length]!;
      return auth ? { authorization: auth } : {};
    };
    const deskHeaders = () => ({ authorization: `Bearer ${desk.host.token}` });

    async function centralUp(where: string) {
      const res = await fetch(`${central.url}/health`).catch((e: unknown) => e);
      if (!(res instanceof Response) || res.status !== 200 || (await res.text()) !== 'ok')
        report(where, 'central store /health did not answer ok');
    }
    async function deskUp(where: string) {
      const a = await send(
        `http://127.0.0.1:${desk.host.port}`,
        'desk.info',
        'query',
        { kind: 'none' },
        deskHeaders(),
      );
      if (a.status !== 200) report(where, `desk.info answered ${a.status}`);
    }

    /** Keeps the role users signed in and active whatever a batch did (setUserActive, logout). */
    async function restoreRoleUsers() {
      await cq(`UPDATE user_account SET active = 1 WHERE username LIKE 'fuzz.%'`);
    }

    async function fuzzBatch(opts: {
      target: 'central' | 'desk';
      proc: Proc;
      who: Who;
      runs?: number;
      /** Tables this procedure may write even when it refuses (by design). */
      ignore?: ReadonlySet<string>;
    }) {
      const { target, proc, who } = opts;
      if (proc.type === 'subscription') return;
      const base = target === 'central' ? central.url : `http://127.0.0.1:${desk.host.port}`;
      const counts = target === 'central' ? centralCounts : deskCounts;
      const where = `${target} ${proc.path} as ${who}`;
      const label = `${target}:${proc.path}:${who}`;
      const payloads = [
        ...(proc.type === 'mutation' && proc.input !== undefined && who !== 'anonymous'
          ? referentialEdges(proc.input, label).map(json)
          : []),
        ...sample(payloadArb(proc.input), label, opts.runs),
      ];
      const before = await counts();
      let accepted = false;
      for (const [i, payload] of payloads.entries()) {
        const since = serverLog.length;
        const headers = target === 'central' ? centralHeaders(who, i) : deskHeaders();
        let a: Answer;
        try {
          a = await send(base, proc.path, proc.type, payload, headers);
        } catch (e) {
          report(where, `request failed: ${String(e)}`, payload, since);
          continue;
        }
        if (a.status === 200) {
          accepted = true;
          remember(proc.path, (a.body as { result?: { data?: { id?: unknown } } }).result?.data?.id);
        }
        tally(`${target} ${proc.path}`, a.status);
        const problem = judge(a);
        if (problem) report(where, problem, payload, since);
      }
      if (target === 'central') await centralUp(where);
      else await deskUp(where);
      // A query never writes; a mutation that refused every input left nothing behind.
      if (proc.type === 'query' || !accepted) {
        const ignore = new Set([
          ...(target === 'central' ? CENTRAL_ALWAYS_IGNORED : []),
          ...(opts.ignore ?? []),
        ]);
        const changed = diff(before, await counts(), ignore);
        if (changed.length)
          report(
            where,
            `${proc.type === 'query' ? 'a query wrote' : 'refused calls stored'}: ${changed.join(', ')}`,
          );
      }
      if (target === 'central') await restoreRoleUsers();
    }

    async function deskSignIn(role: Role) {
      await desk.client.account.login.mutate({ username: usernameOf(role), password: TEST_PASSWORD });
    }

    beforeAll(async () => {
      findings.length = 0;
      seenFindings.clear();
      stats.clear();
      started = Date.now();
      for (const ids of [known.call, known.ticket, known.user]) ids.length = 0;
      console.log(
        `fuzz on ${engine}: seed ${SEED} (FUZZ_SEED=${SEED} replays it), ${RUNS} inputs per procedure and caller (FUZZ_RUNS)`,
      );
      vi.spyOn(console, 'error').mockImplementation(
        (...args: unknown[]) => void serverLog.push(format(...args)),
      );
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      central = await startTestCentral(engine, undefined, { ctiToken: CTI_TOKEN });
      centralTables = await tablesOf(cq, engine);
      const m = central.server.store.dataSource.manager;
      for (const role of ROLES) {
        const user = await createUser(m, {
          username: usernameOf(role),
          displayName: `Fuzz ${role}`,
          role,
          password: TEST_PASSWORD,
          phone: null,
        });
        known.user.push(user.id);
        const session = await send(
          central.url,
          'auth.login',
          'mutation',
          json(
            new Obj([
              ['username', usernameOf(role)],
              ['password', TEST_PASSWORD],
            ]),
          ),
          {},
        );
        const token = (session.body as { result: { data: { token: string } } }).result.data.token;
        tokens.set(role, token);
      }
      deskDir = tempDir('fuzz-desk-');
      desk = await startDesk(deskDir, { centralUrl: central.url });
      deskTables = await tablesOf(dq, 'sqlite');
      // Something to find: calls waiting and taken, a ticket, all on both sides.
      await deskSignIn('agent');
      const c = desk.client;
      for (const n of ['90000001', '90000002', '90000003']) {
        known.call.push(
          (await c.calls.log.mutate({ callerNumber: n, arrivedAt: minutesAgoIso(120_000) })).id,
        );
      }
      await c.calls.takeNext.mutate();
      for (const priority of ['high', 'low'] as const) {
        const ticket = await c.tickets.create.mutate({
          reporterName: 'Per Pleier',
          reporterPhone: '91234567',
          reporterEmail: 'per.pleier@molde.kommune.no',
          customerId: known.customer[0]!,
          workplace: 'Molde legevakt',
          description: 'Journalsystemet svarer ikke på legevakten',
          priority,
          system: 'Journalsystem',
          category: 'incident',
          channel: 'phone',
          notifyBy: 'email',
        });
        known.ticket.push(ticket.id);
      }
      await c.sync.syncNow.mutate();
    }, 60_000);

    afterAll(async () => {
      vi.restoreAllMocks();
      await desk?.stop();
      await central?.dispose();
      if (deskDir) removeDir(deskDir);
      console.log(`fuzz on ${engine}: ${((Date.now() - started) / 1000).toFixed(1)} s, ${statsSummary()}`);
      if (findings.length) console.log(`fuzz findings on ${engine}:\n${findings.join('\n')}`);
      if (process.env.FUZZ_VERBOSE)
        for (const [key, m] of stats)
          console.log(`  ${key}: ${[...m].map(([st, n]) => `${st}×${n}`).join(', ')}`);
    });

    it(
      'central store: every procedure as every role and signed out answers only typed 4xx, and refused calls store nothing',
      async () => {
        const from = findings.length;
        for (const proc of CENTRAL_PROCS) {
          // Signing out ends the session the rest uses; signing in fills the rate limiter: both last.
          if (proc.path === 'auth.logout' || proc.path === 'auth.login') continue;
          for (const who of WHO) {
            await fuzzBatch({
              target: 'central',
              proc,
              who,
              // A push the envelope check refused is audited (a bounded excerpt: issue 13, item 7).
              ignore: proc.path === 'sync.push' ? new Set(['audit']) : undefined,
            });
          }
        }
        expectNoFindingsSince(from);
      },
      FUZZ_TIMEOUT,
    );

    it(
      'central store: the push envelope; the change log grows only by what pushes applied, a refused push moves no sequence',
      async () => {
        const from = findings.length;
        const names = [...MUTATIONS.keys()];
        const noteIds = (await cq(`SELECT id FROM ticket_event ORDER BY id LIMIT 20`)).map((r) =>
          String(r.id),
        );
        const ownClient = new Map<Who, string>(WHO.map((w) => [w, uuidv7()]));
        const usedMutationIds: string[] = [];
        for (const who of WHO) {
          const clientIdArb: fc.Arbitrary<J> = fc.oneof(
            { weight: 6, arbitrary: fc.constant(ownClient.get(who)!) },
            { weight: 1, arbitrary: fc.constant(desk.desk.clientId) }, // a desk's: not this user's
            { weight: 1, arbitrary: fc.constant(ownClient.get(who === 'agent' ? 'admin' : 'agent')!) },
            { weight: 1, arbitrary: uuidArb },
            { weight: 1, arbitrary: hostileLeaf },
          );
          /** A pushed mutation; `hostile` also garbles its envelope fields (refusing the whole push). */
          const mutationArb = (i: number, hostile: boolean): fc.Arbitrary<J> => {
            const either = <T>(clean: fc.Arbitrary<T>, ...garbage: Array<fc.Arbitrary<T>>) =>
              hostile
                ? fc.oneof(
                    { weight: 8, arbitrary: clean },
                    ...garbage.map((g) => ({ weight: 1, arbitrary: g })),
                  )
                : clean;
            return either<string>(
              fc.constantFrom(...names),
              fc.constantFrom(...SERVER_MUTATIONS.keys()),
              hostileString,
            ).chain((name) => {
              const def = MUTATIONS.get(name);
              return fc
                .tuple(
                  either<J>(
                    fc.oneof(
                      { weight: 6, arbitrary: fc.constant(new Raw('"__NEW_ID__"')) },
                      { weight: 1, arbitrary: fc.constant(new Raw('"__USED_ID__"')) },
                    ),
                    uuidArb,
                    hostileLeaf,
                  ),
                  either<J>(
                    fc.constant(new Raw(`__SEQ_${i}__`)),
                    fc.integer({ min: 1, max: 9 }),
                    hostileNumber,
                    wrongType,
                  ),
                  either<J>(
                    fc.constant(def?.schemaVersion ?? 1),
                    fc.constantFrom(0, -1, 2, 3, 999, 1.5),
                    hostileLeaf,
                  ),
                  // Arguments are the mutation's own business: bad ones reject only that mutation.
                  def
                    ? fc.oneof(
                        { weight: 3, arbitrary: arbFor(def.args, { key: '', hostile: false }) },
                        { weight: 2, arbitrary: swapOneId(arbFor(def.args, { key: '', hostile: false })) },
                        { weight: 4, arbitrary: arbFor(def.args) },
                        { weight: 1, arbitrary: anyJson },
                        { weight: 1, arbitrary: deepRaw },
                      )
                    : anyJson,
                  either<J>(instantArb, hostileLeaf),
                  hostile ? extraEntries : fc.constant([]),
                )
                .map(
                  ([mutationId, seq, schemaVersion, args, createdAt, extras]) =>
                    new Obj([
                      ['mutationId', mutationId],
                      ['seq', seq],
                      ['name', name],
                      ['schemaVersion', schemaVersion],
                      ...(args === OMIT ? [] : [['args', args] as const]),
                      ['createdAt', createdAt],
                      ...extras,
                    ]),
                );
            });
          };
          // Mutations that create a row under an id the desk chooses: pushed again under an id some row has.
          const idCreating = names.filter((n) => {
            const d = defOf(MUTATIONS.get(n)!.args);
            return d.type === 'object' && Object.keys(d.shape as object).some((k) => NEW_ROW_ID.test(k));
          });
          const collidingArb = fc
            .tuple(
              fc.constantFrom(...idCreating),
              fc
                .nat()
                .map(
                  (i) =>
                    [...known.call, ...known.ticket, ...noteIds][
                      i % (known.call.length + known.ticket.length + noteIds.length)
                    ] ?? uuidv7(),
                ),
            )
            .chain(([name, existing]) =>
              arbFor(MUTATIONS.get(name)!.args, { key: '', hostile: false }).map((args) => {
                const entries = args instanceof Obj ? args.entries : [];
                return oneMutationEnvelope(
                  ownClient.get(who)!,
                  name,
                  new Obj(entries.map(([k, v]) => [k, NEW_ROW_ID.test(k) ? existing : v] as const)),
                );
              }),
            );
          const envelopeArb = fc.oneof(
            { weight: 2, arbitrary: collidingArb },
            {
              weight: 8,
              arbitrary: fc.integer({ min: 1, max: 4 }).chain((n) =>
                fc.tuple(...Array.from({ length: n }, (_, i) => mutationArb(i, false))).map(
                  (ms) =>
                    new Obj([
                      ['clientId', ownClient.get(who)!],
                      ['mutations', ms],
                    ]),
                ),
              ),
            },
            {
              weight: 6,
              arbitrary: fc
                .tuple(clientIdArb, fc.integer({ min: 1, max: 4 }), extraEntries)
                .chain(([clientId, n, extras]) =>
                  fc
                    .tuple(...Array.from({ length: n }, (_, i) => mutationArb(i, true)))
                    .map((ms) => new Obj([['clientId', clientId], ['mutations', ms], ...extras])),
                ),
            },
            {
              weight: 1,
              arbitrary: fc.constant(
                new Obj([
                  ['clientId', ownClient.get(who)!],
                  ['mutations', []],
                ]),
              ),
            },
            { weight: 1, arbitrary: anyJson },
            {
              weight: 1,
              arbitrary: deepRaw.map(
                (d) =>
                  new Obj([
                    ['clientId', ownClient.get(who)!],
                    ['mutations', d],
                  ]),
              ),
            },
          );

          // Each mutation this role may run, with the referential edge cases of its arguments.
          const edges =
            who === 'anonymous'
              ? []
              : names
                  .filter((name) => MUTATIONS.get(name)!.roles.includes(who))
                  .flatMap((name) =>
                    referentialEdges(MUTATIONS.get(name)!.args, `push:${name}:${who}`).map((args) =>
                      oneMutationEnvelope(ownClient.get(who)!, name, args),
                    ),
                  );
          for (const [i, envelope] of [
            ...edges,
            ...sample(envelopeArb, `push:${who}`, RUNS * 15),
          ].entries()) {
            // The placeholders: the next sequences of this desk, a fresh id, an id pushed before.
            const lastSeqs = await cq(`SELECT client_id, last_seq FROM client_state`);
            const seqOf = (id: string) => Number(lastSeqs.find((r) => r.client_id === id)?.last_seq ?? 0);
            const text = toJson(envelope);
            const clientId = /"clientId":"([^"]*)"/.exec(text)?.[1] ?? '';
            const payload: Payload = {
              kind: 'json',
              text: text
                .replace(/__SEQ_(\d+)__/g, (_, k: string) => String(seqOf(clientId) + 1 + Number(k)))
                .replace(/"__NEW_ID__"/g, () => JSON.stringify(uuidv7()))
                .replace(/"__USED_ID__"/g, () =>
                  JSON.stringify(usedMutationIds[i % (usedMutationIds.length || 1)] ?? uuidv7()),
                ),
            };
            const where = `central sync.push (envelope) as ${who}`;
            const before = await centralCounts();
            const since = serverLog.length;
            let a: Answer;
            try {
              a = await send(central.url, 'sync.push', 'mutation', payload, centralHeaders(who, i));
            } catch (e) {
              report(where, `request failed: ${String(e)}`, payload, since);
              continue;
            }
            tally('central sync.push (envelope)', a.status);
            const problem = judge(a);
            if (problem) report(where, problem, payload, since);
            const after = await centralCounts();
            const data =
              a.status === 200
                ? (
                    a.body as {
                      result: {
                        data: {
                          results: Array<Record<string, unknown>>;
                          lastSeq: number;
                          serverVersion: number;
                        };
                      };
                    }
                  ).result.data
                : null;
            const applied = data?.results.filter((r) => r.status === 'applied' && !r.duplicate).length ?? 0;
            for (const r of data?.results ?? []) {
              tally(
                `central sync.push (envelope): ${String(r.status)} ${String(r.code ?? '')}${r.duplicate ? ' (duplicate)' : ''}`,
                200,
              );
              if (r.status === 'applied') {
                usedMutationIds.push(String(r.mutationId));
                remember(nameOf(payload, r.mutationId), (r.result as { id?: unknown } | undefined)?.id);
              }
            }
            // Refused pushes are audited and may register a new client id; nothing else moves.
            const bookkeeping = new Set([
              'audit',
              'client_state',
              'client_state.last_seq',
              ...CENTRAL_ALWAYS_IGNORED,
            ]);
            if (applied === 0) {
              const changed = diff(before, after, bookkeeping);
              if (changed.length)
                report(where, `a push that applied nothing stored: ${changed.join(', ')}`, payload, since);
            } else {
              const logGrowth = after.change_log! - before.change_log!;
              const versions = after['counter.server_version']! - before['counter.server_version']!;
              if (logGrowth !== versions || after['counter.server_version'] !== data!.serverVersion)
                report(
                  where,
                  `change log grew by ${logGrowth}, versions by ${versions}, head ${after['counter.server_version']} but the push said ${data!.serverVersion}`,
                  payload,
                  since,
                );
            }
            const seqAfter = Number(
              (
                await cq(
                  `SELECT last_seq FROM client_state WHERE client_id = '${clientId.replace(/'/g, "''")}'`,
                )
              )[0]?.last_seq ?? 0,
            );
            if (a.status !== 200 && seqAfter !== seqOf(clientId))
              report(
                where,
                `a refused push moved the sequence ${seqOf(clientId)}→${seqAfter}`,
                payload,
                since,
              );
            if (data && seqAfter !== data.lastSeq)
              report(
                where,
                `the push said lastSeq ${data.lastSeq}, the store has ${seqAfter}`,
                payload,
                since,
              );
          }
          await centralUp(`central sync.push (envelope) as ${who}`);
        }
        expectNoFindingsSince(from);
      },
      FUZZ_TIMEOUT,
    );

    it(
      'central store: subscriptions, batches, unknown paths, oversized bodies and the CTI endpoint',
      async () => {
        const from = findings.length;
        for (const who of WHO) {
          for (const [i, payload] of sample(payloadArb(undefined), `onChange:${who}`, 3).entries())
            await probeStream(
              central.url,
              'sync.onChange',
              payload,
              centralHeaders(who, i),
              `central sync.onChange as ${who}`,
            );
          await fuzzOther(central.url, CENTRAL_PROCS, (i) => centralHeaders(who, i), `central as ${who}`);
        }
        // More than the body limit.
        const since = serverLog.length;
        const big = await send(
          central.url,
          'sync.push',
          'mutation',
          { kind: 'json', text: `"${'x'.repeat(9 * 1024 * 1024)}"` },
          centralHeaders('agent', 0),
        ).catch((e: unknown) => e);
        // The server may also close the connection while the body is still coming: refused either way.
        if (!(big instanceof Error) && (big as Answer).status !== 413)
          report('central 9 MB body', `HTTP ${(big as Answer).status}`, undefined, since);
        // The phone system's endpoint.
        const ctiArb = fc.tuple(
          fc.oneof(
            { weight: 8, arbitrary: arbFor(ctiEventSchema) },
            { weight: 1, arbitrary: anyJson },
            { weight: 1, arbitrary: deepRaw },
          ),
          fc.constantFrom('json', 'form', 'multipart', 'bytes'),
          fc.oneof({ weight: 8, arbitrary: fc.constant(CTI_TOKEN) }, { weight: 1, arbitrary: hostileString }),
        );
        for (const [event, as, token] of sample(ctiArb, 'cti', RUNS * 5)) {
          const since = serverLog.length;
          const plain = (j: Gen): Record<string, unknown> =>
            j instanceof Obj
              ? Object.fromEntries(
                  j.entries.map(([k, v]) => [
                    k,
                    Array.isArray(v) ? v.map((x) => toJson(x)) : typeof v === 'string' ? v : toJson(v),
                  ]),
                )
              : { event: j === OMIT ? '' : toJson(j) };
          const body =
            as === 'json'
              ? { raw: toJson(event === OMIT ? null : event), type: 'application/json' }
              : as === 'bytes'
                ? {
                    raw: withBadBytes(toJson(event === OMIT ? null : event), [0xff, 0xfe]),
                    type: 'application/json',
                  }
                : plain(event);
          const payload: Payload = {
            kind: 'json',
            text: JSON.stringify({ as, body: 'raw' in body ? String(body.raw) : body }),
          };
          let res: Response;
          try {
            res = await postCti(
              central,
              body as Record<string, unknown>,
              as === 'multipart' ? 'multipart' : 'form',
              token.replace(/[^ -~]/g, ''), // a URL path segment: printable ASCII (percent-encoded by postCti)
            );
          } catch (e) {
            report('central CTI', `request failed: ${String(e)}`, payload, since);
            continue;
          }
          const text = await res.text();
          tally('central CTI', res.status);
          if (res.status >= 500)
            report('central CTI', `HTTP ${res.status}: ${excerpt(text)}`, payload, since);
          else if (res.status >= 400 && res.status !== 431 && !/^\{.*"error"/s.test(text))
            report('central CTI', `HTTP ${res.status} without an error: ${excerpt(text)}`, payload, since);
        }
        await centralUp('central CTI');
        expectNoFindingsSince(from);
      },
      FUZZ_TIMEOUT,
    );

    it(
      'central store: signing out, as every role',
      async () => {
        const from = findings.length;
        const proc = CENTRAL_PROCS.find((p) => p.path === 'auth.logout')!;
        for (const who of WHO)
          await fuzzBatch({ target: 'central', proc, who, ignore: new Set(['session']) });
        expectNoFindingsSince(from);
      },
      FUZZ_TIMEOUT,
    );

    it(
      'desk: every procedure signed in as every role and signed out answers only typed 4xx, and refused calls store nothing',
      async () => {
        const from = findings.length;
        const last = new Set(['account.logout', 'account.login']);
        for (const who of WHO) {
          if (who === 'anonymous') await desk.client.account.logout.mutate().catch(() => undefined);
          else await deskSignIn(who);
          for (const proc of DESK_PROCS)
            if (!last.has(proc.path))
              await fuzzBatch({
                target: 'desk',
                proc,
                who,
                ignore: new Set(DESK_QUERY_CACHES[proc.path] ?? []),
              });
          await fuzzBatch({
            target: 'desk',
            proc: DESK_PROCS.find((p) => p.path === 'account.logout')!,
            who,
          });
          await probeStream(
            `http://127.0.0.1:${desk.host.port}`,
            'desk.changes',
            { kind: 'json', text: '{"__proto__":1}' },
            deskHeaders(),
            `desk desk.changes as ${who}`,
          );
          await fuzzOther(`http://127.0.0.1:${desk.host.port}`, DESK_PROCS, deskHeaders, `desk as ${who}`);
        }
        // Without the host's own token nothing reaches the router.
        for (const proc of DESK_PROCS) {
          if (proc.type === 'subscription') continue;
          const a = await send(
            `http://127.0.0.1:${desk.host.port}`,
            proc.path,
            proc.type,
            { kind: 'json', text: '{}' },
            {},
          );
          if (a.status !== 401) report(`desk ${proc.path} without the host token`, `HTTP ${a.status}`);
        }
        const since = serverLog.length;
        const big = await send(
          `http://127.0.0.1:${desk.host.port}`,
          'calls.log',
          'mutation',
          { kind: 'json', text: `"${'x'.repeat(1_100_000)}"` },
          deskHeaders(),
        ).catch((e: unknown) => e);
        if (!(big instanceof Error) && (big as Answer).status !== 413)
          report('desk 1.1 MB body', `HTTP ${(big as Answer).status}`, undefined, since);
        expectNoFindingsSince(from);
      },
      FUZZ_TIMEOUT,
    );

    it(
      'a new desk pulls everything the central store accepted, and its store keeps its constraints',
      async () => {
        const from = findings.length;
        const fresh = await startDesk(tempDir('fuzz-desk-'), { centralUrl: central.url });
        try {
          await fresh.client.account.login.mutate({ username: usernameOf('agent'), password: TEST_PASSWORD });
          const since = serverLog.length;
          const synced = await fresh.client.sync.syncNow.mutate().then(
            (status) => status?.lastError ?? null,
            (e: unknown) => String(e),
          );
          if (synced !== null) report('a new desk syncing', `sync failed: ${synced}`, undefined, since);
          const m = fresh.desk.store.dataSource.manager;
          expect(await m.query(`PRAGMA foreign_key_check`)).toEqual([]);
          for (const table of ['call', 'call_event', 'ticket', 'ticket_event']) {
            const [there] = await cq(`SELECT count(*) AS n FROM ${table}`);
            const [here] = (await m.query(`SELECT count(*) AS n FROM ${table}`)) as Array<{ n: number }>;
            if (Number(here?.n) !== Number(there?.n))
              report(
                'a new desk syncing',
                `${table}: ${String(here?.n)} rows on the desk, ${String(there?.n)} centrally`,
              );
          }
        } finally {
          await fresh.stop();
          removeDir(fresh.dataDir);
        }
        expectNoFindingsSince(from);
      },
      FUZZ_TIMEOUT,
    );

    it(
      'signing in, last (the rate limiter may answer 429): on the desk, then on the central store',
      async () => {
        const from = findings.length;
        const usernames = fc.constantFrom(...ROLES.map(usernameOf), 'admin', 'FUZZ.AGENT', ' fuzz.agent ');
        const loginArb = (input: unknown) =>
          fc.oneof(
            { weight: 3, arbitrary: payloadArb(input) },
            {
              weight: 1,
              arbitrary: fc
                .tuple(usernames, fc.oneof(fc.constant(TEST_PASSWORD), hostileString))
                .map(([username, password]) =>
                  json(
                    new Obj([
                      ['username', username],
                      ['password', password],
                    ]),
                  ),
                ),
            },
          );
        for (const [target, procs] of [
          ['desk', DESK_PROCS],
          ['central', CENTRAL_PROCS],
        ] as const) {
          const proc = procs.find((p) => p.path === (target === 'desk' ? 'account.login' : 'auth.login'))!;
          const base = target === 'desk' ? `http://127.0.0.1:${desk.host.port}` : central.url;
          for (const [i, payload] of sample(loginArb(proc.input), `login:${target}`, RUNS * 8).entries()) {
            const since = serverLog.length;
            const a = await send(
              base,
              proc.path,
              'mutation',
              payload,
              target === 'desk' ? deskHeaders() : centralHeaders('anonymous', i),
            );
            tally(`${target} ${proc.path} (signing in last)`, a.status);
            const problem = judge(a);
            if (problem) report(`${target} ${proc.path}`, problem, payload, since);
          }
        }
        await centralUp('login');
        await deskUp('login');
        expectNoFindingsSince(from);
      },
      FUZZ_TIMEOUT,
    );

    it(
      'the stores pass an integrity check and nothing polluted a prototype',
      async () => {
        if (engine === 'sqlite')
          expect(await cq(`PRAGMA integrity_check`)).toEqual([{ integrity_check: 'ok' }]);
        else expect(await cq(`SELECT count(*) AS n FROM user_account`)).toEqual([{ n: expect.anything() }]);
        expect(await dq(`PRAGMA integrity_check`)).toEqual([{ integrity_check: 'ok' }]);
        expect(await dq(`PRAGMA foreign_key_check`)).toEqual([]);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      },
      FUZZ_TIMEOUT,
    );

    /** A subscription with garbage input: a typed 4xx, or a stream that opens (then closed by us). */
    async function probeStream(
      base: string,
      path: string,
      payload: Payload,
      headers: Record<string, string>,
      where: string,
    ) {
      const since = serverLog.length;
      const abort = new AbortController();
      const input = payload.kind === 'json' ? `?input=${encodeURIComponent(payload.text)}` : '';
      try {
        const res = await fetch(`${base}/trpc/${path}${input}`, {
          headers: { accept: 'text/event-stream', ...headers },
          signal: abort.signal,
        });
        if (res.status === 200 && (res.headers.get('content-type') ?? '').includes('text/event-stream')) {
          const reader = res.body!.getReader();
          const first = await Promise.race([
            reader.read(),
            new Promise<null>((r) => setTimeout(() => r(null), 2_000)),
          ]);
          const chunk = first && first.value ? new TextDecoder().decode(first.value) : '';
          if (/INTERNAL_SERVER_ERROR/.test(chunk))
            report(where, `stream sent an internal error: ${excerpt(chunk)}`, payload, since);
        } else {
          const problem = judge(await answerOf(res));
          if (problem) report(where, problem, payload, since);
        }
      } catch (e) {
        report(where, `request failed: ${String(e)}`, payload, since);
      } finally {
        abort.abort();
      }
    }

    /** Batches of several procedures, the wrong method, and paths no router has. */
    async function fuzzOther(
      base: string,
      procs: Proc[],
      headersFor: (i: number) => Record<string, string>,
      where: string,
    ) {
      const plain = procs.filter((p) => p.type !== 'subscription' && !/logout|login/.test(p.path));
      const batchArb = fc
        .tuple(
          fc.constantFrom<'query' | 'mutation'>('query', 'mutation'),
          fc.subarray(plain, { minLength: 2, maxLength: 4 }),
          fc.boolean(),
        )
        .chain(([type, chosen, asBatch]) =>
          fc
            .tuple(...chosen.map((p) => payloadArb(p.input)))
            .map((payloads) => ({ type, chosen, asBatch, payloads })),
        );
      for (const [i, b] of sample(batchArb, `batch:${where}`, 4).entries()) {
        const since = serverLog.length;
        const input = new Obj(
          b.payloads.map((p, k) => [String(k), p.kind === 'json' ? new Raw(p.text) : null] as const),
        );
        // The wrong method for some of them on purpose: a mutation by GET, a query by POST.
        const a = await send(
          base,
          b.chosen.map((p) => p.path).join(','),
          b.type,
          { kind: 'json', text: toJson(input) },
          headersFor(i),
          b.asBatch ? 'batch=1' : '',
        ).catch((e: unknown) => e);
        if (a instanceof Error) report(`${where} batch`, `request failed: ${String(a)}`);
        else {
          tally(`${where.split(' ')[0]} batches`, (a as Answer).status);
          const problem = judge(a as Answer);
          if (problem)
            report(
              `${where} batch ${b.chosen.map((p) => p.path).join(',')}`,
              problem,
              { kind: 'json', text: toJson(input) },
              since,
            );
        }
      }
      for (const [i, path] of UNKNOWN_PATHS.entries()) {
        for (const type of ['query', 'mutation'] as const) {
          const since = serverLog.length;
          const a = await send(base, path, type, { kind: 'json', text: '{}' }, headersFor(i));
          tally(`${where.split(' ')[0]} unknown paths`, a.status);
          const problem = judge(a);
          if (problem)
            report(
              `${where} unknown path "${path}" by ${type === 'query' ? 'GET' : 'POST'}`,
              problem,
              undefined,
              since,
            );
        }
      }
    }
  });
}
