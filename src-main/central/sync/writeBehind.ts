// Write-behind for a push transaction: the plain single-row INSERTs that
// mutators issue through their RowWriter (store/rowSql insertRow) are held
// back and sent together, as multi-row INSERTs (one statement on PostgreSQL), just before
// the next statement of any other kind (a read, an update, a savepoint, the
// push's bookkeeping). Everything the transaction reads therefore still sees
// every earlier write; a logged call costs no round trip of its own. A
// rollback (to a savepoint, or of the transaction) drops what is held back:
// every held INSERT came after the last statement that was actually sent.
// Anything else (TypeORM's own insert builder, upserts, RETURNING) passes
// through untouched. Not used outside the push transaction.
import type { QueryRunner } from 'typeorm';
import type { CentralEngine } from '../store/openCentralStore';
import { MAX_PARAMS, runStatements, type Statement } from './statements';

/** Exactly what insertRow writes: INSERT INTO "table" ("a", "b") VALUES ($1, $2) — nothing more. */
const PLAIN_INSERT =
  /^INSERT INTO ("[^"]+") \(((?:"[^"]+"(?:, )?)+)\) VALUES \(((?:(?:\$\d+|\?)(?:, )?)+)\)$/;

interface Held {
  table: string;
  columns: string;
  params: unknown[];
}

/** Holds back plain INSERTs on this query runner until `release()`; returns the release function. */
export function holdInserts(
  queryRunner: QueryRunner,
  engine: CentralEngine,
): { release(): Promise<void>; discard(): void } {
  const own = Object.getOwnPropertyDescriptor(queryRunner, 'query');
  const original = queryRunner.query.bind(queryRunner) as (
    sql: string,
    parameters?: unknown[],
    structured?: boolean,
  ) => Promise<unknown>;
  let held: Held[] = [];

  const flush = async () => {
    if (held.length === 0) return;
    const batch = held;
    held = [];
    // INSERTs into one table with the same columns become one multi-row INSERT (tables in the order
    // they were first written, rows in the order they came: the held rows are all distinct rows).
    const byShape = new Map<string, Held[]>();
    for (const h of batch) {
      const key = `${h.table} ${h.columns}`;
      const list = byShape.get(key);
      if (list) list.push(h);
      else byShape.set(key, [h]);
    }
    const statements: Statement[] = [];
    for (const list of byShape.values()) {
      for (let i = 0; i < list.length;) {
        const params: unknown[] = [];
        const rows: string[] = [];
        while (
          i < list.length &&
          (rows.length === 0 || params.length + list[i]!.params.length <= MAX_PARAMS)
        ) {
          rows.push(`(${list[i]!.params.map(() => '?').join(', ')})`);
          params.push(...list[i]!.params);
          i++;
        }
        statements.push({
          sql: `INSERT INTO ${list[0]!.table} (${list[0]!.columns}) VALUES ${rows.join(', ')}`,
          params,
        });
      }
    }
    // PostgreSQL: one round trip for all of them (they touch different rows).
    await runStatements((sql, params) => original(sql, params), engine, statements);
  };

  queryRunner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
    const m = structured ? null : PLAIN_INSERT.exec(sql);
    if (m && parameters && parameters.length === m[3]!.split(', ').length) {
      held.push({ table: m[1]!, columns: m[2]!, params: parameters });
      return [];
    }
    if (/^\s*ROLLBACK\b/i.test(sql)) held = [];
    else await flush();
    return original(sql, parameters, structured);
  }) as QueryRunner['query'];

  const restore = () => {
    if (own) Object.defineProperty(queryRunner, 'query', own);
    else delete (queryRunner as { query?: unknown }).query; // back to the prototype's method
  };
  return {
    async release() {
      try {
        await flush();
      } finally {
        restore();
      }
    },
    discard() {
      held = [];
      restore();
    },
  };
}
