// Rate limit on failed logins, per user name and per address, kept in the
// database so every central-store process enforces the same limit.
import type { EntityManager } from 'typeorm';
import { LoginAttempt } from '../store/entities';

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

function windowOpen(start: string, now: Date): boolean {
  return now.getTime() - Date.parse(start) < WINDOW_MINUTES * 60_000;
}

/** True while a key has used up its failures in the current window. */
export async function isLimited(manager: EntityManager, keys: string[], now = new Date()): Promise<boolean> {
  for (const key of keys) {
    const row = await manager.findOneBy(LoginAttempt, { key });
    if (row && windowOpen(row.windowStart, now) && row.failures >= MAX_FAILURES) return true;
  }
  return false;
}

export async function recordFailure(manager: EntityManager, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const row = await manager.findOneBy(LoginAttempt, { key });
    if (row && windowOpen(row.windowStart, now)) {
      await manager.update(LoginAttempt, { key }, { failures: row.failures + 1 });
    } else {
      await manager.upsert(LoginAttempt, { key, windowStart: now.toISOString(), failures: 1 }, ['key']);
    }
  }
}

export async function clearFailures(manager: EntityManager, keys: string[]): Promise<void> {
  for (const key of keys) await manager.delete(LoginAttempt, { key });
}
