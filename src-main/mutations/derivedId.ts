// Ids a mutation creates are derived from the mutation's own id and a counter,
// so the desk's optimistic rows and the central store's authoritative rows are
// the same rows (UUID-shaped, version 8 = "custom").
import { createHash } from 'node:crypto';

export function derivedIds(mutationId: string): () => string {
  let n = 0;
  return () => {
    const h = createHash('sha256').update(`${mutationId}:${n++}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
}
