// The needs-attention page names every refused change in words (issue 18, item
// 8): its own short names first, else the audit trail's words for that kind of
// change, so no mutation name such as `call.take` or `outage.record` shows raw.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, expect, it } from 'vitest';
import { MUTATIONS } from '../../../../../src-main/domains';
import { describeChange } from '../../../../../src-renderer/features/sync/describeRejection';
import en from '../../../../../src-renderer/locales/en.json';
import nb from '../../../../../src-renderer/locales/nb.json';

const ts: Record<string, TFunction> = {};
beforeAll(async () => {
  for (const [lng, resources] of [
    ['nb', nb],
    ['en', en],
  ] as const) {
    const i = i18next.createInstance();
    await i.init({
      lng,
      resources: { [lng]: { translation: resources } },
      interpolation: { escapeValue: false },
    });
    ts[lng] = i.t;
  }
});

it('words every change a desk can push, in bokmål and English', () => {
  for (const lng of ['nb', 'en']) {
    for (const name of MUTATIONS.keys()) {
      const words = describeChange({ name }, ts[lng]!);
      expect(words, `${lng} ${name}`).not.toBe(name);
      expect(words, `${lng} ${name}`).not.toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
  }
  expect(describeChange({ name: 'call.take' }, ts.nb!)).toBe('Ta samtale');
  expect(describeChange({ name: 'outage.record' }, ts.nb!)).toBe('Utfall registrert');
});
