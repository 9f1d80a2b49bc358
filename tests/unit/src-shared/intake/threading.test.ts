// How an answer finds its ticket (issue 17, item 1): the bracketed reference in
// the subject, and our own Message-IDs in In-Reply-To and References.
import { describe, expect, it } from 'vitest';
import {
  outgoingMessageId,
  ownMessageIdsIn,
  referenceInSubject,
  subjectTag,
} from '../../../../src-shared/intake/threading';

describe('threading', () => {
  it('reads the reference in brackets anywhere in the subject, in any case', () => {
    expect(referenceInSubject('SV: Sak [RI-2026-000042] er registrert')).toBe('RI-2026-000042');
    expect(referenceInSubject('Re: [ri-2026-000042]')).toBe('RI-2026-000042');
    expect(referenceInSubject(subjectTag('RI-2027-001234'))).toBe('RI-2027-001234');
  });

  it('does not take a reference without brackets or of another shape', () => {
    expect(referenceInSubject('Sak RI-2026-000042 er registrert')).toBeNull();
    expect(referenceInSubject('[P-3F9A-0007]')).toBeNull();
    expect(referenceInSubject('[RI-26-42]')).toBeNull();
    expect(referenceInSubject(null)).toBeNull();
  });

  it('finds our message ids in In-Reply-To first, then References from the newest', () => {
    const a = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const b = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
    expect(outgoingMessageId(a, 'ror-ikt.no')).toBe(`<${a}@ror-ikt.no>`);
    expect(
      ownMessageIdsIn(`<${b}@ror-ikt.no>`, [
        `<${a}@ror-ikt.no>`,
        '<CAF+xyz@mail.gmail.com>',
        `<${b}@ror-ikt.no>`,
      ]),
    ).toEqual([b, a]);
    expect(ownMessageIdsIn(null, ['<CAF+xyz@mail.gmail.com>'])).toEqual([]);
  });
});
