// Rate limits of the web intake (issue 17, item 8): how many tickets and
// sign-in links one client address and one e-mail address may ask for in a
// window. Counted in the database (the login limiter's table and upsert, with
// keys of their own, `intake:…`), so every central-store process enforces the
// same limit on PostgreSQL. An address gets far more than an e-mail: a whole
// municipality's office may sit behind one address.
// An e-mail's small limit counts per client address, and a larger one across
// all addresses: someone asking for another person's links (or filing in their
// name) from one address uses up only that address's share, not the owner's,
// while a flood of mail to one person from many addresses is still capped.
// Failed input is not counted (a reporter fixing a typo is not limited), only
// the files such a form leaves behind as a draft, per client address.
// Deliberately not here: what a page says when a limit holds (http.ts).
import type { EntityManager } from 'typeorm';
import { placeholder, runSql } from '../../store/rowSql';

export interface IntakeLimits {
  /** The window every count runs in (minutes). */
  windowMinutes: number;
  /** Tickets filed per client address per window. */
  ticketsPerAddress: number;
  /** Tickets filed per reporter e-mail from one client address per window. */
  ticketsPerEmail: number;
  /** Tickets filed per reporter e-mail from all client addresses together per window. */
  ticketsPerEmailAllAddresses: number;
  /** Sign-in links asked for per client address per window. */
  linksPerAddress: number;
  /** Sign-in links asked for per e-mail address from one client address per window. */
  linksPerEmail: number;
  /** Sign-in links asked for per e-mail address from all client addresses together per window. */
  linksPerEmailAllAddresses: number;
  /** Failed forms whose new files are kept as a draft, per client address per window (drafts.ts). */
  draftsPerAddress: number;
  /** Answers posted per signed-in address per window. */
  repliesPerEmail: number;
}

export const DEFAULT_INTAKE_LIMITS: Readonly<IntakeLimits> = Object.freeze({
  windowMinutes: 15,
  ticketsPerAddress: 60,
  ticketsPerEmail: 10,
  ticketsPerEmailAllAddresses: 30,
  linksPerAddress: 30,
  linksPerEmail: 3,
  linksPerEmailAllAddresses: 10,
  draftsPerAddress: 10,
  repliesPerEmail: 30,
});

export type LimitedAction = 'ticket' | 'link' | 'reply';

/** The keys and their limits for one action by one client address (null: not known) and one e-mail address. */
export function limitKeys(
  limits: IntakeLimits,
  action: LimitedAction,
  address: string | null,
  email: string,
): Array<{ key: string; max: number }> {
  const perEmail = `intake:${action}:mail:${email.trim().toLowerCase()}`;
  if (action === 'reply') {
    // A signed-in reporter: the session proved the e-mail, so it alone is counted.
    return [{ key: perEmail, max: limits.repliesPerEmail }];
  }
  const [fromOneAddress, fromAll, perAddress] =
    action === 'ticket'
      ? [limits.ticketsPerEmail, limits.ticketsPerEmailAllAddresses, limits.ticketsPerAddress]
      : [limits.linksPerEmail, limits.linksPerEmailAllAddresses, limits.linksPerAddress];
  if (address === null) return [{ key: perEmail, max: fromOneAddress }];
  // In this order: every attempt counts against its address; one refused for this address's share
  // of the e-mail's limit stops there, so it does not use up what the e-mail's owner may still ask.
  return [
    { key: `intake:${action}:ip:${address}`, max: perAddress },
    { key: `${perEmail}:ip:${address}`, max: fromOneAddress },
    { key: perEmail, max: fromAll },
  ];
}

/**
 * The key for keeping a failed form's new files as a draft (drafts.ts) from one client address:
 * storing them costs the store space for an hour, and a form that fails costs its sender nothing
 * else. Over the limit, the files are simply not kept.
 */
export function draftKeys(limits: IntakeLimits, address: string): Array<{ key: string; max: number }> {
  return [{ key: `intake:draft:ip:${address}`, max: limits.draftsPerAddress }];
}

/**
 * Counts one attempt against the keys in order (one atomic upsert each, before the work is done,
 * so requests sent in parallel cannot all pass a check made before any of them counted). False at
 * the first key over its limit in the window; the keys after it are not counted.
 */
export async function countAttempt(
  m: EntityManager,
  keys: ReadonlyArray<{ key: string; max: number }>,
  windowMinutes: number,
  now: Date,
): Promise<boolean> {
  const p = placeholder(m);
  const windowFrom = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  for (const { key, max } of keys) {
    const rows = (await runSql(
      m,
      `INSERT INTO login_attempt (key, window_start, failures) VALUES (${p(0)}, ${p(1)}, 1)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_attempt.window_start > ${p(2)} THEN login_attempt.failures + 1 ELSE 1 END,
         window_start = CASE WHEN login_attempt.window_start > ${p(3)} THEN login_attempt.window_start ELSE excluded.window_start END
       RETURNING failures`,
      [key, now.toISOString(), windowFrom, windowFrom],
    )) as Array<{ failures: number | string }>;
    if (Number(rows[0]?.failures ?? 0) > max) return false;
  }
  return true;
}
