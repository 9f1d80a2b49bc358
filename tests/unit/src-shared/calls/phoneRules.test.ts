// The administrators' phone rules as the phone system meets them: which
// callers the block list rejects (every way a number is written, anonymous
// callers, expiry), which caller ID an outbound call gets (longest prefix,
// compared on digits), and the exact answers in Zammad's generic CTI shape.
import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  blockedEntryFor,
  callerIdFor,
  callerIdRulesSchema,
  callerNumberKey,
  dialledDigits,
  expiryAfterDate,
  lastBlockedDate,
  normalizeBlockedNumber,
  normalizePrefix,
  parseCallerIdRules,
  phoneSystemAnswer,
  type BlockedNumber,
  type CallerIdRule,
} from '../../../../src-shared/calls/phoneRules';

const NOW = '2026-02-10T09:00:00.000Z';
const entry = (
  number: string,
  expiresAt: string | null = null,
  id = '0190c5a0-0000-7000-8000-000000000001',
) =>
  ({
    id,
    number,
    reason: 'Ringer gjentatte ganger uten sak',
    expiresAt,
    createdAt: '2026-02-01T08:00:00.000Z',
    createdByName: 'Ada Admin',
  }) satisfies BlockedNumber;

describe('numbers on the block list', () => {
  it.each([
    ['+47 912 34 567', '+4791234567'],
    ['004791234567', '+4791234567'],
    ['91234567', '+4791234567'],
    ['4791234567', '+4791234567'],
    ['912 34 567', '+4791234567'],
    ['+46 8 123 456 78', '+46812345678'],
    ['46812345678', '+46812345678'],
    ['1881', '1881'],
    ['anonymous', ANONYMOUS],
    [' Anonymous ', ANONYMOUS],
  ])('%j is stored as %j', (typed, stored) => {
    expect(normalizeBlockedNumber(typed)).toBe(stored);
  });

  it.each(['', 'abc', '12', '1234567', 'unknown'])('%j is not a number to block', (typed) => {
    expect(normalizeBlockedNumber(typed)).toBeNull();
  });

  it('takes a missing or empty caller as anonymous', () => {
    expect(callerNumberKey(undefined)).toBe(ANONYMOUS);
    expect(callerNumberKey(null)).toBe(ANONYMOUS);
    expect(callerNumberKey('  ')).toBe(ANONYMOUS);
    expect(callerNumberKey('ANONYMOUS')).toBe(ANONYMOUS);
    expect(callerNumberKey('restricted')).toBeNull();
  });
});

describe('blockedEntryFor', () => {
  const blocked = entry('+4791234567');

  it.each(['+47 912 34 567', '004791234567', '91234567', '4791234567', '+4791234567'])(
    'finds the entry for a call from %j',
    (from) => {
      expect(blockedEntryFor([blocked], from, NOW)).toBe(blocked);
    },
  );

  it('does not block other numbers, or callers without a number unless anonymous is blocked', () => {
    expect(blockedEntryFor([blocked], '91234568', NOW)).toBeNull();
    expect(blockedEntryFor([blocked], undefined, NOW)).toBeNull();
    expect(blockedEntryFor([blocked], 'garbage', NOW)).toBeNull();
    const anonymous = entry(ANONYMOUS);
    expect(blockedEntryFor([blocked, anonymous], 'anonymous', NOW)).toBe(anonymous);
    expect(blockedEntryFor([blocked, anonymous], '', NOW)).toBe(anonymous);
    expect(blockedEntryFor([blocked, anonymous], undefined, NOW)).toBe(anonymous);
  });

  it('stops counting an entry at its expiry (exclusive), and never expires one without', () => {
    const until = entry('+4791234567', '2026-02-10T09:00:00.001Z');
    expect(blockedEntryFor([until], '91234567', NOW)).toBe(until);
    expect(blockedEntryFor([until], '91234567', '2026-02-10T09:00:00.001Z')).toBeNull();
    expect(blockedEntryFor([until], '91234567', Date.parse('2026-03-01T00:00:00.000Z'))).toBeNull();
    expect(blockedEntryFor([entry('+4791234567')], '91234567', new Date('2099-01-01'))).not.toBeNull();
  });

  it('skips an expired entry for a number that has a live one', () => {
    const expired = entry('+4791234567', '2026-02-01T00:00:00.000Z', '0190c5a0-0000-7000-8000-000000000002');
    const live = entry('+4791234567', null, '0190c5a0-0000-7000-8000-000000000003');
    expect(blockedEntryFor([expired, live], '91234567', NOW)).toBe(live);
  });
});

describe('caller-ID rules', () => {
  const rules: CallerIdRule[] = [
    { prefix: '+47', callerId: '4771111100' },
    { prefix: '4791', callerId: '4771111191' },
    { prefix: '0046', callerId: '+4771111146' },
    { prefix: '1881', callerId: '4771111118' },
  ];

  it.each([
    ['+47 912 34 567', '4771111191'],
    ['004791234567', '4771111191'],
    ['91234567', '4771111191'],
    ['4791234567', '4771111191'],
    ['71112233', '4771111100'],
    ['004771112233', '4771111100'],
    ['+46812345678', '+4771111146'],
    ['46812345678', '+4771111146'],
    ['1881', '4771111118'],
  ])('a call to %j presents %j (the longest matching prefix)', (to, callerId) => {
    expect(callerIdFor(rules, to)).toEqual({ callerId, number: to });
  });

  it('matches nothing for other numbers, no number, or no rules', () => {
    expect(callerIdFor(rules, '+4930609811111')).toBeNull();
    expect(callerIdFor(rules, undefined)).toBeNull();
    expect(callerIdFor(rules, 'anonymous')).toBeNull();
    expect(callerIdFor([], '91234567')).toBeNull();
  });

  it('takes the first of two rules that match equally long', () => {
    // Not two prefixes the schema accepts together; stored rules are read as they are.
    const twice = [
      { prefix: '+47', callerId: 'first' },
      { prefix: '0047', callerId: 'second' },
    ];
    expect(callerIdFor(twice, '91234567')?.callerId).toBe('first');
  });

  it('compares prefixes and numbers on their digits', () => {
    expect(['+47', '0047', '47', '+ 47'].map(normalizePrefix)).toEqual(['47', '47', '47', '47']);
    expect(['', '+', '00', 'x47', '4'.repeat(16)].map(normalizePrefix)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(dialledDigits('91234567')).toBe('4791234567');
    expect(dialledDigits('1234567')).toBe('1234567');
    expect(dialledDigits('anonymous')).toBeNull();
  });

  it('validates the rules, naming the rule and field, and refuses one prefix twice', () => {
    const ok = callerIdRulesSchema.parse([{ prefix: ' +47 ', callerId: '+47 71 11 11 00' }]);
    expect(ok).toEqual([{ prefix: '+47', callerId: '+4771111100' }]);
    const bad = callerIdRulesSchema.safeParse([
      { prefix: '+47', callerId: '4771111100' },
      { prefix: 'abc', callerId: '12' },
      { prefix: '0047', callerId: '4771111100' },
    ]);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      '1.callerId',
      '1.prefix',
      '2.prefix',
    ]);
    expect(parseCallerIdRules('not rules')).toEqual([]);
  });
});

describe('phoneSystemAnswer', () => {
  const blockList = [entry('+4791234567'), entry(ANONYMOUS, '2026-02-01T00:00:00.000Z')];
  const callerIdRules: CallerIdRule[] = [{ prefix: '47', callerId: '4771111100' }];
  const ask = (event: Partial<Parameters<typeof phoneSystemAnswer>[0]>) =>
    phoneSystemAnswer({ event: 'newCall', direction: 'in', blockList, callerIdRules, now: NOW, ...event });

  it('rejects an inbound call from a blocked number as busy, exactly so', () => {
    expect(ask({ from: '4791234567', to: '4771111166' })).toStrictEqual({ action: 'reject', reason: 'busy' });
    expect(ask({ from: '+47 912 34 567' })).toStrictEqual({ action: 'reject', reason: 'busy' });
  });

  it('answers {} for other callers, an expired entry, and the other events of a blocked call', () => {
    expect(ask({ from: '4791234568' })).toStrictEqual({});
    expect(ask({ from: 'anonymous' })).toStrictEqual({});
    expect(ask({ event: 'answer', from: '4791234567' })).toStrictEqual({});
    expect(ask({ event: 'hangup', from: '4791234567' })).toStrictEqual({});
  });

  it('gives an outbound call the caller ID of its rule, with the number as dialled', () => {
    expect(ask({ direction: 'out', from: '201', to: '004791234567' })).toStrictEqual({
      action: 'dial',
      caller_id: '4771111100',
      number: '004791234567',
    });
    // A blocked number dialled out is not rejected: the block list is for callers.
    expect(ask({ direction: 'out', to: '91234567' })).toStrictEqual({
      action: 'dial',
      caller_id: '4771111100',
      number: '91234567',
    });
    expect(ask({ direction: 'out', to: '+4930609811111' })).toStrictEqual({});
    expect(ask({ direction: 'out', to: undefined })).toStrictEqual({});
    expect(ask({ direction: 'out', event: 'answer', to: '91234567' })).toStrictEqual({});
  });

  it('answers {} for an inbound call when nothing is blocked, and ignores the rules for it', () => {
    expect(
      phoneSystemAnswer({
        event: 'newCall',
        direction: 'in',
        from: '91234567',
        to: '4771111166',
        blockList: [],
        callerIdRules,
        now: NOW,
      }),
    ).toStrictEqual({});
  });
});

describe('expiry dates', () => {
  it('blocks through the chosen day in Oslo time, in winter and in summer', () => {
    expect(expiryAfterDate('2026-03-01')).toBe('2026-03-01T23:00:00.000Z');
    expect(expiryAfterDate('2026-07-01')).toBe('2026-07-01T22:00:00.000Z');
    expect(lastBlockedDate('2026-03-01T23:00:00.000Z')).toBe('2026-03-01');
    expect(lastBlockedDate('2026-07-01T22:00:00.000Z')).toBe('2026-07-01');
  });

  it('refuses a date that does not exist', () => {
    expect(expiryAfterDate('2026-02-30')).toBeNull();
    expect(expiryAfterDate('1.3.2026')).toBeNull();
  });
});
