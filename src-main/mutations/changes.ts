// What a patch changes in a row, as [before, after] pairs: the history every
// register keeps (R27) records these.

/** The fields that differ between a row and its patch, as [before, after] pairs. */
export function changesOf<T extends object>(row: T, patch: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, to] of Object.entries(patch)) {
    const from = (row as Record<string, unknown>)[key];
    if (to !== undefined && to !== from) changes[key] = [from ?? null, to];
  }
  return changes;
}
