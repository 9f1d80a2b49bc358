// The reporter's messages in Norwegian (R6, R9), the SMTP settings' checks and
// the back-off schedule of the central store's sender.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAIL_FROM,
  parseSmtpSettings,
  redactedUrl,
  smtpSettingsFrom,
} from '../../../../../src-main/central/mail/config';
import {
  DESK_SIGNATURE,
  renderEmail,
  renderSms,
  SMS_MAX_LENGTH,
  ticketExcerpt,
  type MessageTicket,
} from '../../../../../src-main/tickets/messages/render';
import { EMAIL_RETRY_DELAYS_MS, retryAt } from '../../../../../src-main/central/mail/sender';

const ticket: MessageTicket = {
  reference: 'RI-2026-000123',
  provisionalReference: 'P-3F9A-0007',
  reporterName: 'Per Pleier',
  title: null,
  description: 'Journalsystemet svarer ikke på legekontoret\nDet gjelder alle tre PC-ene på vakta.',
};

describe('e-mail to the reporter', () => {
  it('acknowledges a new ticket with its canonical reference, how to reply and the signature', () => {
    const { subject, body } = renderEmail(ticket, { kind: 'created', text: null });
    expect(subject).toBe('Sak [RI-2026-000123] er registrert');
    expect(body).toMatch(/^Hei Per Pleier,\n/);
    expect(body).toContain('Referansenummer: RI-2026-000123');
    expect(body).toContain('Journalsystemet svarer ikke på legekontoret');
    expect(body).not.toContain('alle tre PC-ene'); // the first line only
    expect(body).toContain('oppgi referansenummeret RI-2026-000123');
    expect(body.trimEnd().endsWith(DESK_SIGNATURE)).toBe(true);
    expect(body).not.toContain('P-3F9A-0007');
  });

  it('carries an update with its text', () => {
    const { subject, body } = renderEmail(
      { ...ticket, title: 'Journal nede på legekontoret' },
      { kind: 'update', text: 'Leverandøren har funnet feilen og retter den i kveld.' },
    );
    expect(subject).toBe('Oppdatering i sak [RI-2026-000123]');
    expect(body).toContain('«Journal nede på legekontoret»');
    expect(body).toContain('Leverandøren har funnet feilen og retter den i kveld.');
    expect(body).toContain(DESK_SIGNATURE);
  });

  it('tells the reporter the ticket is resolved and how', () => {
    const { subject, body } = renderEmail(ticket, {
      kind: 'resolved',
      text: 'Tjenesten er startet på nytt.',
    });
    expect(subject).toBe('Sak [RI-2026-000123] er løst');
    expect(body).toContain('Saken din RI-2026-000123');
    expect(body).toContain('er løst');
    expect(body).toContain('Tjenesten er startet på nytt.');
  });

  it('falls back to the provisional reference only when there is no canonical one', () => {
    const { subject } = renderEmail({ ...ticket, reference: null }, { kind: 'created', text: null });
    expect(subject).toBe('Sak [P-3F9A-0007] er registrert');
  });

  it('shortens a long description to an excerpt', () => {
    const long = `${'Skriveren på biblioteket skriver ut blanke ark '.repeat(10)}`;
    const excerpt = ticketExcerpt({ title: null, description: long });
    expect(excerpt.length).toBeLessThanOrEqual(120);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});

describe('SMS to the reporter', () => {
  it('is short and has the reference', () => {
    const text = renderSms(ticket, { kind: 'created', text: null });
    expect(text).toContain('RI-2026-000123');
    expect(text).toContain('71 11 11 66');
    expect(text.length).toBeLessThanOrEqual(160);
  });

  it('shortens a long update to two SMS segments', () => {
    const text = renderSms(ticket, { kind: 'update', text: 'Vi jobber med saken. '.repeat(40) });
    expect(text.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(text).toContain('Oppdatering i sak RI-2026-000123');
    expect(text).toContain('…');
  });
});

describe('SMTP settings', () => {
  it('are off without a URL', () => {
    expect(parseSmtpSettings({ url: undefined, from: undefined })).toBeUndefined();
    expect(parseSmtpSettings({ url: '  ', from: undefined })).toBeUndefined();
  });

  it('take smtp: and smtps: URLs, with the default sender', () => {
    expect(parseSmtpSettings({ url: 'smtp://u:p@mail.example.no:587', from: undefined })).toEqual({
      url: 'smtp://u:p@mail.example.no:587',
      from: DEFAULT_MAIL_FROM,
    });
    expect(
      parseSmtpSettings({ url: 'smtps://mail.example.no', from: 'Kundeservice <ks@ror-ikt.no>' })?.from,
    ).toBe('Kundeservice <ks@ror-ikt.no>');
  });

  it('refuse other URLs and bad senders, naming the flag and hiding the password', () => {
    expect(() => parseSmtpSettings({ url: 'http://u:hemmelig@mail.example.no', from: undefined })).toThrow(
      /--smtp-url must be an smtp:\/\/ or smtps:\/\/ URL.*u:\*\*\*@/,
    );
    expect(() => parseSmtpSettings({ url: 'mail.example.no:587', from: undefined })).toThrow(/--smtp-url/);
    expect(() => parseSmtpSettings({ url: 'smtp://mail.example.no', from: 'Kundeservice' })).toThrow(
      /--mail-from must be an e-mail address/,
    );
    expect(() => parseSmtpSettings({ url: undefined, from: 'ks@ror-ikt.no' })).toThrow(
      /--mail-from needs --smtp-url/,
    );
    expect(redactedUrl('smtp://u:hemmelig@h:25')).toBe('smtp://u:***@h:25');
  });

  it('read the flags first, then ROR_SMTP_URL / ROR_MAIL_FROM, and name what was wrong', () => {
    const env = { ROR_SMTP_URL: 'smtp://env.example.no', ROR_MAIL_FROM: 'env@ror-ikt.no' };
    expect(smtpSettingsFrom(() => undefined, env)).toEqual({
      url: 'smtp://env.example.no',
      from: 'env@ror-ikt.no',
    });
    const flags: Record<string, string> = { '--smtp-url': 'smtps://flag.example.no' };
    expect(smtpSettingsFrom((n) => flags[n], env)?.url).toBe('smtps://flag.example.no');
    expect(() => smtpSettingsFrom(() => undefined, { ROR_SMTP_URL: 'ftp://x' })).toThrow(
      /^ROR_SMTP_URL must/,
    );
  });
});

describe('back-off', () => {
  it('waits 1, 2, 4, … minutes, at most an hour, and gives up after the last attempt', () => {
    const at = '2026-03-02T08:00:00.000Z';
    expect(retryAt(at, 1)).toBe('2026-03-02T08:01:00.000Z');
    expect(retryAt(at, 2)).toBe('2026-03-02T08:02:00.000Z');
    expect(retryAt(at, 3)).toBe('2026-03-02T08:04:00.000Z');
    expect(Math.max(...EMAIL_RETRY_DELAYS_MS)).toBe(60 * 60_000);
    expect(retryAt(at, EMAIL_RETRY_DELAYS_MS.length)).not.toBeNull();
    expect(retryAt(at, EMAIL_RETRY_DELAYS_MS.length + 1)).toBeNull();
    expect(retryAt(at, 1, [500])).toBe('2026-03-02T08:00:00.500Z');
  });
});
