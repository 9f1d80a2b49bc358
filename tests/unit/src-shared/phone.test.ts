import { describe, expect, it } from 'vitest';
import {
  formatPhone,
  parsePhone,
  parsePhoneSystemNumber,
  phoneSearchDigits,
} from '../../../src-shared/phone';

describe('Norwegian phone numbers', () => {
  it.each([
    ['71 11 11 66', '+4771111166'],
    ['+47 71111166', '+4771111166'],
    ['004771111166', '+4771111166'],
    ['+47 (71) 11-11-66', '+4771111166'],
    ['+46 8 123 456 78', '+46812345678'],
    ['00 46 8 123 456 78', '+46812345678'],
  ])('%s normalises to %s', (input, e164) => {
    expect(parsePhone(input)).toMatchObject({ ok: true, e164 });
  });

  it.each([
    '',
    'abc',
    'abc-def',
    '12',
    '123',
    '4021',
    '1234567',
    '12345678',
    '01234567',
    '+47 1234',
    '+47 12345678',
    '+123',
    '123456789012345678',
  ])('refuses %j', (input) => {
    expect(parsePhone(input).ok).toBe(false);
  });

  it('accepts short numbers (extensions, service numbers) only where they are meant', () => {
    expect(parsePhone('4021', { short: true })).toMatchObject({ ok: true, e164: '4021' });
    expect(parsePhone('113', { short: true })).toMatchObject({ ok: true, e164: '113' });
    expect(parsePhone('12', { short: true }).ok).toBe(false);
    expect(parsePhone('+123', { short: true }).ok).toBe(false);
  });

  it('formats Norwegian numbers in pairs and leaves others alone', () => {
    expect(formatPhone('+4771111166')).toBe('71 11 11 66');
    expect(formatPhone('+46812345678')).toBe('+46812345678');
  });

  it('searches by digits without the country prefix', () => {
    expect(phoneSearchDigits('+47 711')).toBe('711');
    expect(phoneSearchDigits('0047 71 11 11 66')).toBe('71111166');
    expect(phoneSearchDigits('4771111166')).toBe('71111166');
  });
});

describe('numbers from the phone system', () => {
  it('reads international numbers with or without + / 00, and local ones', () => {
    expect(parsePhoneSystemNumber('4791234567')).toBe('+4791234567');
    expect(parsePhoneSystemNumber('+47 912 34 567')).toBe('+4791234567');
    expect(parsePhoneSystemNumber('004791234567')).toBe('+4791234567');
    expect(parsePhoneSystemNumber('91234567')).toBe('+4791234567');
    expect(parsePhoneSystemNumber('493055571600')).toBe('+493055571600');
    expect(parsePhoneSystemNumber('201')).toBe('201');
  });
  it('gives null for what is not a number', () => {
    expect(parsePhoneSystemNumber('anonymous')).toBeNull();
    expect(parsePhoneSystemNumber('')).toBeNull();
    expect(parsePhoneSystemNumber('12')).toBeNull();
  });
});
