// The desk's colours against WCAG 2.1 (issue 18): the focus ring 3:1 against the backgrounds it
// sits on (1.4.11), text 4.5:1 (1.4.3) for the shortcut hints, the warning count and the chosen
// priority segments, and a visible focus on a date field's calendar button. Read from styles.css.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../../src-renderer/app/styles.css', import.meta.url), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** The declarations of the rule whose selector list is exactly `selector`. */
function rule(selector: string): string {
  const at = css.split('}').find((block) => block.split('{')[0]!.trim() === selector);
  if (at === undefined) throw new Error(`no rule for ${selector}`);
  return at.split('{')[1]!;
}

function value(selector: string, property: string): string {
  const m = new RegExp(`(?:^|;|\\s)${property}\\s*:\\s*([^;]+);`).exec(rule(selector));
  if (!m) throw new Error(`${selector} has no ${property}`);
  return m[1]!.trim();
}

/** A colour, with var(--x) looked up in :root. */
function colour(text: string): string {
  const v = /var\((--[\w-]+)\)/.exec(text);
  const found = v ? value(':root', v[1]!) : /#(?:[0-9a-f]{6}|[0-9a-f]{3})\b/i.exec(text)?.[0];
  const hex = found?.length === 4 ? `#${[...found.slice(1)].map((c) => c + c).join('')}` : found;
  if (!hex || !/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`not a colour: ${text}`);
  return hex;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const LIGHT = ['#ffffff', colour('var(--bg)'), colour('var(--first)'), colour('var(--warn-bg)')];

describe('styles.css contrast', () => {
  it('draws the focus ring at 3:1 or more on every light background, and on the top bar', () => {
    const selectors = [
      'input:focus-visible,\nselect:focus-visible,\ntextarea:focus-visible,\nbutton:focus-visible,\na:focus-visible,\nsummary:focus-visible,\n[tabindex]:focus-visible',
      '.seg:focus-within',
      'input::-webkit-calendar-picker-indicator:focus',
    ];
    for (const s of selectors) {
      const ring = colour(value(s, 'outline'));
      for (const bg of LIGHT) expect(contrast(ring, bg), `${s} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
    const bar = colour(value('.topbar', 'background'));
    expect(contrast(colour(value('.topbar :focus-visible', 'outline-color')), bar)).toBeGreaterThanOrEqual(3);
  });

  it('keeps the shortcut hints at full strength (no fading below 4.5:1)', () => {
    expect(rule('kbd')).not.toMatch(/opacity/);
  });

  it('gives the warning count and every chosen priority 4.5:1 for their white text', () => {
    expect(contrast(colour(value('.count.count-warn', 'background')), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    for (const p of ['critical', 'high', 'medium', 'low']) {
      const bg = colour(value(`.seg.on.prio-${p}`, 'background'));
      expect(contrast(bg, '#ffffff'), p).toBeGreaterThanOrEqual(4.5);
    }
  });
});
