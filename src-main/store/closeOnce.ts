// Closing is idempotent: the first call does the work, every later call (a
// second SIGINT, a test's clean-up after the process's own shutdown) waits for
// that same work instead of closing a database twice.
export function closeOnce(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}
