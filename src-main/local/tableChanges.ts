// Which synced tables changed on this desk, as they change: the desk's own
// committed mutations and every page a sync pulls or rebases announce the
// tables they wrote. The local router's `desk.changes` subscription passes
// them to the renderer, which refetches only the queries that read them. A
// burst of changes within one tick goes out as one announcement.
export type TablesListener = (tables: ReadonlySet<string>) => void;

export interface TableChanges {
  /** Announces that these tables changed (committed). */
  notify(tables: Iterable<string>): void;
  /** Calls the listener with each batch of changed tables; returns the unsubscribe. */
  subscribe(listener: TablesListener): () => void;
  /** How many listen now (one per open subscription). */
  listeners(): number;
}

export function createTableChanges(): TableChanges {
  const listeners = new Set<TablesListener>();
  let pending: Set<string> | null = null;
  const flush = () => {
    const tables = pending!;
    pending = null;
    for (const l of listeners) l(tables);
  };
  return {
    notify(tables) {
      if (listeners.size === 0) return;
      const first = pending === null;
      pending ??= new Set();
      for (const t of tables) pending.add(t);
      if (first && pending.size > 0) queueMicrotask(flush);
      else if (first) pending = null;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listeners: () => listeners.size,
  };
}
