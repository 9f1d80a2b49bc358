// Figures the Norwegian way in bokmål (99,950 %, 86,4 min) and the English
// way in English, through Intl: the uptime report's percents and minutes.
import { useTranslation } from 'react-i18next';

export function numberLocale(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'nb-NO';
}

/**
 * An uptime as a percent with three decimals. Cut, not rounded, so a figure just under the target
 * never shows as the target itself (99.7996 % reads 99,799 %, not 99,800 %).
 */
export function formatUptime(uptime: number, language: string): string {
  const cut = Math.floor(uptime * 100_000) / 100_000;
  return new Intl.NumberFormat(numberLocale(language), {
    style: 'percent',
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  }).format(cut);
}

/** Milliseconds as minutes with at most one decimal ("86,4"). */
export function formatMinutesOf(ms: number, language: string): string {
  return new Intl.NumberFormat(numberLocale(language), { maximumFractionDigits: 1 }).format(ms / 60_000);
}

/** A plain number in the language's way (digit grouping, decimal comma in bokmål). */
export function formatNumber(n: number, language: string, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(numberLocale(language), { maximumFractionDigits }).format(n);
}

/** The formatters above, bound to the user's language. */
export function useFigures() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    uptime: (u: number) => formatUptime(u, lang),
    minutes: (ms: number) => formatMinutesOf(ms, lang),
    number: (n: number, digits = 0) => formatNumber(n, lang, digits),
  };
}
