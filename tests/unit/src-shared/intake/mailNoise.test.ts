// Which inbound e-mail is noise (issue 17, item 3): auto-replies, bounces,
// mailing lists and our own messages coming back; a person's message is not.
import { describe, expect, it } from 'vitest';
import { mailNoise, type MailFacts } from '../../../../src-shared/intake/mailNoise';

function facts(headers: Record<string, string>, more: Partial<MailFacts> = {}): MailFacts {
  return {
    headers: new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    from: 'kari.nordmann@roros.kommune.no',
    contentType: 'text/plain',
    ...more,
  };
}

describe('mailNoise', () => {
  it('lets a person’s message through, also one that says Auto-Submitted: no', () => {
    expect(mailNoise(facts({ subject: 'Skriveren virker ikke' }))).toBeNull();
    expect(mailNoise(facts({ 'Auto-Submitted': 'no' }))).toBeNull();
    expect(mailNoise(facts({ 'X-Auto-Response-Suppress': 'DR' }))).toBeNull();
  });

  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }, 'autoReply'],
    [{ 'Auto-Submitted': 'auto-generated' }, 'autoReply'],
    [{ 'X-Autoreply': 'yes' }, 'autoReply'],
    [{ 'X-Autorespond': 'Out of office' }, 'autoReply'],
    [{ 'X-Auto-Response-Suppress': 'All' }, 'autoReply'],
    [{ Precedence: 'auto_reply' }, 'autoReply'],
    [{ Precedence: 'bulk' }, 'list'],
    [{ Precedence: 'list' }, 'list'],
    [{ 'List-Id': '<nyheter.kommune.no>' }, 'list'],
    [{ 'List-Unsubscribe': '<mailto:x@y>' }, 'list'],
    [{ 'Return-Path': '<>' }, 'bounce'],
    [{ 'X-Failed-Recipients': 'a@b.no' }, 'bounce'],
    [{ 'X-ROR-IKT-Message': '0190-…' }, 'ours'],
  ])('%o is %s', (headers, kind) => {
    expect(mailNoise(facts(headers as Record<string, string>))?.kind).toBe(kind);
  });

  it('knows bounces by their sender and by a delivery report’s content type', () => {
    expect(mailNoise(facts({}, { from: 'mailer-daemon@mx.kommune.no' }))?.kind).toBe('bounce');
    expect(mailNoise(facts({}, { from: 'postmaster@kommune.no' }))?.kind).toBe('bounce');
    expect(mailNoise(facts({}, { contentType: 'multipart/report' }))?.kind).toBe('bounce');
  });

  it('knows our own address coming back', () => {
    expect(
      mailNoise(facts({}, { from: 'servicedesk@ror-ikt.no', ownAddresses: ['servicedesk@ror-ikt.no'] }))
        ?.kind,
    ).toBe('ours');
  });
});
