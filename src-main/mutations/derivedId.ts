// Ids a mutation creates are derived from the mutation's own id and a counter,
// so the desk's optimistic rows and the central store's authoritative rows are
// the same rows (UUID-shaped, version 8 = "custom"). They begin with the
// mutation id's first 48 bits, its creation time in a UUIDv7, so new rows
// land at the end of their primary-key index, near the previous commit's,
// instead of on a random page each (fewer pages per commit); the rest is a
// hash of the mutation id and the counter.
import { createHash } from 'node:crypto';

export function derivedIds(mutationId: string): () => string {
  const time = mutationId.replace(/-/g, '').slice(0, 12).toLowerCase().padEnd(12, '0');
  let n = 0;
  return () => uuidFromHash(time, `${mutationId}:${n++}`);
}

/**
 * A UUID-shaped id (version 8) named by `name` alone: the same name gives the same id on every desk
 * and on the central store (a row that is one per person and day, say). Not time-ordered.
 */
export function namedId(name: string): string {
  return uuidFromHash(null, name);
}

/** Version 8, RFC variant; the first 48 bits are `time` (12 hex digits) when given, else the hash's. */
function uuidFromHash(time: string | null, name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const head = time ?? h.slice(0, 12);
  return `${head.slice(0, 8)}-${head.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
