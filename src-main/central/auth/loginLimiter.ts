// Rate limit on failed logins, per user name and per address, kept in the
// database so every central-store process enforces the same limit. An
// address gets more attempts than a user name: a whole office behind one
// address must not be locked out by a few colleagues' typing mistakes.
import type { EntityManager } from 'typeorm';
import { LoginAttempt } from '../store/entities';

export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;
export const WINDOW_MINUTES = 15;

export const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;
const limitOf = (key: string) => (key.startsWith('ip:') ? MAX_FAILURES_PER_ADDRESS : MAX_FAILURES);

/**
 * Counts an attempt against every key BEFORE the password is checked (one atomic
 * upsert per key), so guesses sent in parallel cannot all pass a check made before
 * any of them failed. False when a key has used up its attempts in the window.
 */
export async function reserveAttempt(
  manager: EntityManager,
  keys: string[],
  now = new Date(),
): Promise<boolean> {
  const p = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  const windowFrom = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
  let allowed = true;
  for (const key of keys) {
    const rows: Array<{ failures: number | string }> = await manager.query(
      `INSERT INTO login_attempt (key, window_start, failures) VALUES (${p(0)}, ${p(1)}, 1)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_attempt.window_start > ${p(2)} THEN login_attempt.failures + 1 ELSE 1 END,
         window_start = CASE WHEN login_attempt.window_start > ${p(3)} THEN login_attempt.window_start ELSE excluded.window_start END
       RETURNING failures`,
      [key, now.toISOString(), windowFrom, windowFrom],
    );
    if (Number(rows[0]?.failures ?? 0) > limitOf(key)) allowed = false;
  }
  return allowed;
}

/** Gives back an attempt reserved by reserveAttempt that was not a failed password check. */
export async function releaseAttempt(manager: EntityManager, keys: string[]): Promise<void> {
  const p = manager.connection.driver.createParameter('p0', 0);
  for (const key of keys) {
    await manager.query(
      `UPDATE login_attempt SET failures = failures - 1 WHERE key = ${p} AND failures > 0`,
      [key],
    );
  }
}

export async function clearFailures(manager: EntityManager, keys: string[]): Promise<void> {
  for (const key of keys) await manager.delete(LoginAttempt, { key });
}
