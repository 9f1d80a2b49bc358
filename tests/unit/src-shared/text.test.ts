// The shared text primitive (issue 13, item 10): what may be stored as text,
// and the messages that name what may not.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { textProblem, textSchema } from '../../../src-shared/text';
import { callLogArgs, callHistoryQuery } from '../../../src-shared/calls/schemas';
import { ticketCreateArgs, ticketListQuery, ticketNoteArgs } from '../../../src-shared/tickets/schemas';
import { reporterEntrySchema } from '../../../src-shared/reporters/schemas';
import { blockReasonSchema } from '../../../src-shared/calls/phoneRules';
import { ctiEventSchema } from '../../../src-shared/calls/cti';
import { parseSlaSettings } from '../../../src-shared/sla';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

/** Strings of UTF-16 code units, surrogates often among them. */
const codeUnits = fc
  .array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0, max: 0xffff })), {
    maxLength: 12,
  })
  .map((units) => String.fromCharCode(...units));

describe('textSchema', () => {
  it('takes ordinary text: Norwegian letters, emoji (surrogate pairs), tabs and line breaks', () => {
    for (const ok of [
      '',
      'Åse Ødegård',
      'Bjørn 😀 Berg',
      'line one\nline two\r\n\tindented',
      '€ – “quotes”',
    ]) {
      expect(textSchema.parse(ok)).toBe(ok);
    }
  });

  it('refuses NUL, naming it', () => {
    const r = textSchema.safeParse('abc\u0000def');
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([
      expect.objectContaining({
        code: 'custom',
        message: 'contains a NUL character',
        params: { reason: 'nulCharacter' },
      }),
    ]);
    expect(issuesOf(textSchema, '\0\0\0')).toEqual([': contains a NUL character']);
  });

  it('refuses unpaired surrogates, high or low, alone or next to a pair', () => {
    for (const bad of ['a\uD800', '\uDC00b', '\uDE00\uD83D', '\uD83D\uD83D\uDE00', '😀\uDE00']) {
      expect(issuesOf(textSchema, bad), JSON.stringify(bad)).toEqual([
        ': contains an unpaired surrogate (invalid UTF-16)',
      ]);
    }
  });

  it('agrees with String.prototype.isWellFormed on any string', () => {
    const wellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();
    fc.assert(
      fc.property(codeUnits, (raw) => {
        // Without the characters refused for other reasons (replaced, so no surrogates become neighbours).
        // eslint-disable-next-line no-control-regex
        const s = raw.replace(/[\u0000-\u001F\u007F\uFFFD]/g, 'x');
        expect(textProblem(s)?.reason === 'unpairedSurrogate').toBe(!wellFormed(s));
        expect(textProblem(s) === null).toBe(wellFormed(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses other C0 control characters and DEL, naming the character', () => {
    expect(issuesOf(textSchema, 'bell\u0007')).toEqual([': contains the control character U+0007']);
    expect(issuesOf(textSchema, 'esc\u001B[31m')).toEqual([': contains the control character U+001B']);
    expect(issuesOf(textSchema, 'del\u007F')).toEqual([': contains the control character U+007F']);
    for (let c = 1; c < 32; c++) {
      const ok = c === 9 || c === 10 || c === 13;
      expect(textSchema.safeParse(`x${String.fromCharCode(c)}y`).success, `U+${c}`).toBe(ok);
    }
  });

  it('refuses U+FFFD, which is what bytes that were not UTF-8 become', () => {
    expect(issuesOf(textSchema, 'Ol\uFFFDa')).toEqual([
      ': contains U+FFFD, the replacement character: the text was not valid UTF-8',
    ]);
    const decoded = new TextDecoder().decode(new Uint8Array([0x4f, 0x6c, 0xff, 0x61]));
    expect(textProblem(decoded)?.reason).toBe('notUtf8');
  });

  it('chains with trim, min and max as a plain string does', () => {
    const name = textSchema.trim().min(1, 'Name is required').max(5);
    expect(name.parse('  Ola  ')).toBe('Ola');
    expect(issuesOf(name, '   ')).toEqual([': Name is required']);
    expect(issuesOf(name, 'O\u0000')).toEqual([': contains a NUL character']);
  });
});

describe('every free-text field refuses bad text, naming the field', () => {
  const now = new Date().toISOString();
  const id = '01900000-0000-7000-8000-000000000001';
  const customerId = '01900000-0000-7000-8000-000000000002';

  it('call arguments and the call history search', () => {
    const call = { id, arrivedAt: now, callerNumber: '91234567' };
    expect(issuesOf(callLogArgs, { ...call, callerName: 'Ola\u0000' })).toEqual([
      'callerName: contains a NUL character',
    ]);
    expect(issuesOf(callLogArgs, { ...call, workplace: 'Molde\uD800' })).toEqual([
      'workplace: contains an unpaired surrogate (invalid UTF-16)',
    ]);
    expect(issuesOf(callLogArgs, { ...call, callerNumber: '9123\u00004567' })).toEqual([
      'callerNumber: contains a NUL character',
    ]);
    expect(issuesOf(callHistoryQuery, { search: '\0\0\0' })).toEqual(['search: contains a NUL character']);
  });

  it('ticket arguments and the ticket list search', () => {
    const ticket = {
      id,
      at: now,
      provisionalReference: 'P-ABCD-0001',
      reporterName: 'Per Pleier',
      reporterPhone: '91234567',
      customerId,
      workplace: 'Molde legevakt',
      description: 'The printer does not print at all',
      priority: 'high',
      system: 'Printer',
      category: 'hardware',
      channel: 'phone',
      notifyBy: 'none',
    };
    expect(ticketCreateArgs.safeParse(ticket).success).toBe(true);
    expect(issuesOf(ticketCreateArgs, { ...ticket, description: 'Broken\u0000 printer here' })).toEqual([
      'description: contains a NUL character',
    ]);
    expect(issuesOf(ticketCreateArgs, { ...ticket, title: 'x\uDBFF' })).toEqual([
      'title: contains an unpaired surrogate (invalid UTF-16)',
    ]);
    expect(
      issuesOf(ticketNoteArgs, {
        ticketId: id,
        at: now,
        noteId: id,
        visibility: 'internal',
        text: 'a\u0008',
      }),
    ).toEqual(['text: contains the control character U+0008']);
    expect(issuesOf(ticketListQuery, { search: '\0\0\0' })).toEqual(['search: contains a NUL character']);
    expect(issuesOf(ticketListQuery, { system: 'x\u0000' })).toEqual(['system: contains a NUL character']);
  });

  it('reporters, the block list, the SLA settings and the phone system', () => {
    expect(
      issuesOf(reporterEntrySchema, {
        id,
        name: 'Per\u0000',
        customerId,
        workplace: 'Molde',
        phones: ['91234567'],
      }),
    ).toEqual(['name: contains a NUL character']);
    expect(issuesOf(blockReasonSchema, 'spam\uDC00')).toEqual([
      ': contains an unpaired surrogate (invalid UTF-16)',
    ]);
    expect(() =>
      parseSlaSettings({
        calendar: {
          shortenedDays: [{ date: '2026-12-24', open: '08:00', close: '12:00', label: 'Jul\u0000' }],
        },
      }),
    ).toThrow(/NUL/);
    expect(
      issuesOf(ctiEventSchema, {
        event: 'newCall',
        direction: 'in',
        callId: 'c-1',
        from: '4791234567\u0000',
      }),
    ).toEqual(['from: from contains a NUL character']);
    expect(
      issuesOf(ctiEventSchema, { event: 'newCall', direction: 'in', callId: 'c-1', caller: 'Ola\uD800' }),
    ).toEqual(['caller: contains an unpaired surrogate (invalid UTF-16)']);
  });
});
