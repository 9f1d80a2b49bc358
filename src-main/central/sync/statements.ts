// Sending many write statements in few round trips, for the push path (its
// bookkeeping: change log, audit, sequence, counter) and the write-behind of
// mutators' inserts: on PostgreSQL consecutive statements travel as one, the
// earlier ones as data-modifying CTEs of the last (they write different rows),
// up to a parameter limit; on SQLite (in-process, no round trips) they run one
// by one. Statements are written with `?` placeholders and numbered here.
import type { CentralEngine } from '../store/openCentralStore';

/** One SQL statement with `?` placeholders. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** Below PostgreSQL's 65,535 bind parameters and SQLite's 32,766, with room to spare. */
export const MAX_PARAMS = 30_000;

type Run = (sql: string, params: unknown[]) => Promise<unknown>;

export async function runStatements(run: Run, engine: CentralEngine, statements: Statement[]): Promise<void> {
  if (engine !== 'postgres') {
    for (const st of statements) await run(st.sql, st.params);
    return;
  }
  for (let from = 0; from < statements.length;) {
    let params = 0;
    let to = from;
    while (to < statements.length && (to === from || params + statements[to]!.params.length <= MAX_PARAMS)) {
      params += statements[to++]!.params.length;
    }
    const st = combined(statements.slice(from, to));
    await run(st.sql, st.params);
    from = to;
  }
}

function combined(statements: Statement[]): Statement {
  const last = statements[statements.length - 1]!;
  const ctes = statements.slice(0, -1).map((st, i) => `s${i} AS (${st.sql})`);
  let n = 0;
  return {
    sql: (ctes.length ? `WITH ${ctes.join(', ')} ${last.sql}` : last.sql).replace(/\?/g, () => `$${++n}`),
    params: statements.flatMap((st) => st.params),
  };
}
