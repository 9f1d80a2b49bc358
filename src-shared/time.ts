// Instants cross every boundary as ISO-8601 UTC strings ("2026-11-27T07:40:00.000Z"):
// they sort as text, survive JSON and IPC, and mean the same on SQLite and PostgreSQL.
import { z } from 'zod';

export const instantSchema = z.iso.datetime({ offset: false, precision: 3 });
export type Instant = string;

export function toInstant(date: Date | number): Instant {
  return new Date(date).toISOString();
}

export function instantMs(instant: Instant): number {
  return Date.parse(instant);
}
