// One line of work at a time: each piece starts when the one queued before it
// has ended, whether that succeeded or failed. How a single SQLite connection
// keeps transactions from interleaving (the desk's mutation runner, the
// central store on SQLite) and how pushes wait their turn on PostgreSQL.
export type SerialQueue = <T>(work: () => Promise<T>) => Promise<T>;

export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
}

/** A queue per key (per store), made on first use. */
export function serialQueues<K extends object>(): (key: K) => SerialQueue {
  const queues = new WeakMap<K, SerialQueue>();
  return (key) => {
    let queue = queues.get(key);
    if (!queue) queues.set(key, (queue = serialQueue()));
    return queue;
  };
}
