// The call schemas use the one phone-number rule (src-shared/phone.ts): a caller's
// number typed on the desk is a full number, never a short one (issue 18).
import { describe, expect, it } from 'vitest';
import { callLogArgs } from '../../../../src-shared/calls/schemas';

const base = { id: '6f1c1e52-6a55-4d47-9a0e-2f4e8b1f0c11', arrivedAt: new Date().toISOString() };

describe('callLogArgs callerNumber', () => {
  it.each(['123', 'abc-def', '12345678', '+47 123'])('refuses %j next to the field', (callerNumber) => {
    const r = callLogArgs.safeParse({ ...base, callerNumber });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['callerNumber']);
  });

  it.each([
    ['900 00 001', '+4790000001'],
    ['0047 71 11 11 66', '+4771111166'],
    ['+46 8 123 456 78', '+46812345678'],
  ])('stores %j as %s', (callerNumber, e164) => {
    expect(callLogArgs.parse({ ...base, callerNumber }).callerNumber).toBe(e164);
  });
});
