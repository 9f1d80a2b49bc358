// Cross-site request forgery guard of the web intake (issue 17, item 8): a
// double-submit token (a random cookie, SameSite=Strict, HttpOnly, repeated
// in a hidden field of every form, compared in constant time) and, when the
// browser sends them, Origin or else Referer must be this site. A page that
// needs a token sets the cookie when the browser has none.
// Deliberately not here: sessions (links.ts) and the cookie syntax (http.ts).
import { timingSafeEqual } from 'node:crypto';
import { newToken, TOKEN_PATTERN } from './links';

export const CSRF_COOKIE = 'ks_csrf';
export const CSRF_FIELD = '_csrf';

/** The browser's token, or a new one to set (then `fresh`). */
export function csrfToken(cookie: string | undefined): { token: string; fresh: boolean } {
  return cookie && TOKEN_PATTERN.test(cookie)
    ? { token: cookie, fresh: false }
    : { token: newToken(), fresh: true };
}

export function sameToken(cookie: string | undefined, field: unknown): boolean {
  if (!cookie || typeof field !== 'string' || !TOKEN_PATTERN.test(cookie) || !TOKEN_PATTERN.test(field))
    return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(field));
}

/**
 * Whether the request comes from one of our own pages: its Origin (or, without one, its Referer's
 * origin) must be one of `ours`. A request with neither passes on the token alone (old browsers,
 * privacy tools); "null" (a sandboxed or privacy-stripped origin) does not.
 */
export function fromOurSite(
  origin: string | undefined,
  referer: string | undefined,
  ours: readonly string[],
): boolean {
  if (origin !== undefined) return ours.includes(origin.toLowerCase());
  if (referer !== undefined) {
    try {
      return ours.includes(new URL(referer).origin.toLowerCase());
    } catch {
      return false;
    }
  }
  return true;
}
