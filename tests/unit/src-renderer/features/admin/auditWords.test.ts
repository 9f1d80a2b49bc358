// The audit trail in words (src-renderer/features/admin/auditWords): the filter
// offers every kind of change there is (the registry's, kept equal here), each
// with words in bokmål and English; what a change carried comes as labelled
// values, not JSON; and its time is when it was made, not when it was applied.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { MUTATIONS, SERVER_MUTATIONS } from '../../../../../src-main/domains';
import {
  argsInWords,
  auditKindNames,
  auditKindText,
  madeAt,
} from '../../../../../src-renderer/features/admin/auditWords';
import en from '../../../../../src-renderer/locales/en.json';
import nb from '../../../../../src-renderer/locales/nb.json';

let nbT: TFunction;
let enT: TFunction;
beforeAll(async () => {
  const make = async (lng: string, resources: object) => {
    const i = i18next.createInstance();
    await i.init({
      lng,
      resources: { [lng]: { translation: resources } },
      interpolation: { escapeValue: false },
    });
    return i.t;
  };
  nbT = await make('nb', nb);
  enT = await make('en', en);
});

describe('audit kinds', () => {
  it('are every mutation a desk pushes or the central store runs, and a refused push', () => {
    expect(auditKindNames().sort()).toEqual(
      [...MUTATIONS.keys(), ...SERVER_MUTATIONS.keys(), 'sync.push'].sort(),
    );
  });

  it('each have words in bokmål and English, and their group a name', () => {
    for (const name of auditKindNames()) {
      for (const t of [nbT, enT]) {
        expect(auditKindText(name, t), name).not.toBe(name);
        expect(t(`admin.audit.groups.${name.split('.')[0]}`)).not.toMatch(/^admin\./);
      }
    }
    expect(auditKindText('ticket.agreedPlan', nbT)).toBe('Avtalt plan for sak');
    expect(auditKindText('sla.setSettings', enT)).toBe('SLA settings changed');
  });
});

describe('what a change carried', () => {
  const when = (iso: string) => `kl. ${iso.slice(11, 16)}`;
  it('comes as labelled values in words, without its time of making', () => {
    expect(
      argsInWords(
        {
          at: '2026-12-01T08:00:00.000Z',
          ticketId: '0190a0b0-0000-7000-8000-00000000abcd',
          priority: 'high',
          plan: 'Ny PC bestilles',
          arrivedAt: '2026-12-01T07:55:00.000Z',
          pauses: [1, 2],
          settings: { targets: {}, calendar: {} },
          override: { reason: 'Legevakt nede' },
          urgent: true,
        },
        nbT,
        when,
      ),
    ).toEqual([
      { label: 'Sak', value: '…00abcd' },
      { label: 'Prioritet', value: 'Høy' },
      { label: 'Plan', value: 'Ny PC bestilles' },
      { label: 'Kom inn', value: 'kl. 07:55' },
      { label: 'pauses', value: '2 stk.' },
      { label: 'Innstillinger', value: 'Mål, Kalender' },
      { label: 'Overstyring', value: 'Årsak: Legevakt nede' },
      { label: 'urgent', value: 'Ja' },
    ]);
  });
});

describe('the time of a change', () => {
  it('is when it was made (args.at), not when the central store applied it', () => {
    expect(madeAt({ args: { at: '2026-12-01T08:00:00.000Z' }, appliedAt: '2026-12-06T20:00:00.000Z' })).toBe(
      '2026-12-01T08:00:00.000Z',
    );
  });
  it('is when it was applied when the change does not say', () => {
    expect(madeAt({ args: { mutations: 3 }, appliedAt: '2026-12-06T20:00:00.000Z' })).toBe(
      '2026-12-06T20:00:00.000Z',
    );
    expect(madeAt({ args: { at: 'not a time' }, appliedAt: '2026-12-06T20:00:00.000Z' })).toBe(
      '2026-12-06T20:00:00.000Z',
    );
  });
});
