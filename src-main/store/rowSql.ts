// Plain INSERT / UPDATE-by-key statements built once per entity from its
// TypeORM metadata. Same result as manager.insert / manager.update on SQLite
// and PostgreSQL alike (placeholders come from the driver), without the query
// builder's cost on the desk's hot path. On SQLite they run as the driver's
// own prepared statements on its one connection (inside the open transaction,
// if any): TypeORM's query() adds about 25 µs of logging and event plumbing to
// each, more than the statement itself (issue 14's handover benchmark).
import type BetterSqlite3 from 'better-sqlite3';
import {
  QueryFailedError,
  type EntityManager,
  type EntityMetadata,
  type EntitySchema,
  type ObjectLiteral,
} from 'typeorm';

interface Shape {
  table: string;
  pkColumn: string;
  pkProperty: string;
  columns: Array<{ property: string; column: string }>;
}

const shapes = new WeakMap<EntityMetadata, Shape>();

/** Prepared statements per SQLite connection, by their text (the texts below are few and fixed). */
const prepared = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
const PREPARED_MAX = 500;

function sqliteConnection(manager: EntityManager): BetterSqlite3.Database | null {
  const driver = manager.connection.driver as { options: { type: string }; databaseConnection?: unknown };
  return driver.options.type === 'better-sqlite3' && driver.databaseConnection
    ? (driver.databaseConnection as BetterSqlite3.Database)
    : null;
}

/**
 * Runs one statement: rows for a query, nothing for a write. Errors are TypeORM's QueryFailedError
 * on both engines, so constraint checks read them alike.
 */
export async function runSql(manager: EntityManager, sql: string, params: unknown[]): Promise<unknown[]> {
  const db = sqliteConnection(manager);
  if (!db) return (await manager.query(sql, params)) as unknown[];
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  const bound = params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
  try {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= PREPARED_MAX) cache.clear();
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    if (stmt.reader) return stmt.all(...bound);
    stmt.run(...bound);
    return [];
  } catch (e) {
    throw new QueryFailedError(sql, bound, e as Error);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any entity's schema, whatever its row type
function shapeOf(manager: EntityManager, entity: EntitySchema<any> | string): Shape {
  const meta = manager.connection.getMetadata(entity);
  let shape = shapes.get(meta);
  if (!shape) {
    const pk = meta.primaryColumns[0];
    if (!pk) throw new Error(`Entity ${meta.name} has no primary key`);
    const q = (name: string) => manager.connection.driver.escape(name);
    shape = {
      table: q(meta.tableName),
      pkColumn: q(pk.databaseName),
      pkProperty: pk.propertyName,
      columns: meta.columns.map((c) => ({ property: c.propertyName, column: q(c.databaseName) })),
    };
    shapes.set(meta, shape);
  }
  return shape;
}

export function primaryKeyProperty(manager: EntityManager, entity: EntitySchema | string): string {
  return shapeOf(manager, entity).pkProperty;
}

export async function insertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntitySchema<T>,
  row: Partial<T>,
): Promise<void> {
  const s = shapeOf(manager, entity);
  const present = s.columns.filter((c) => row[c.property] !== undefined);
  const params = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  await runSql(
    manager,
    `INSERT INTO ${s.table} (${present.map((c) => c.column).join(', ')}) VALUES (${present.map((_, i) => params(i)).join(', ')})`,
    present.map((c) => row[c.property]),
  );
}

export async function updateRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntitySchema<T> | string,
  id: string,
  patch: Partial<T>,
): Promise<void> {
  const s = shapeOf(manager, entity);
  const set = s.columns.filter((c) => c.property !== s.pkProperty && patch[c.property] !== undefined);
  if (set.length === 0) return;
  const params = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  await runSql(
    manager,
    `UPDATE ${s.table} SET ${set.map((c, i) => `${c.column} = ${params(i)}`).join(', ')} WHERE ${s.pkColumn} = ${params(set.length)}`,
    [...set.map((c) => patch[c.property]), id],
  );
}

/** INSERT or, when the key exists, overwrite every column: how replicated rows land (SQLite and PostgreSQL). */
export async function upsertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntitySchema<T> | string,
  row: Partial<T>,
): Promise<void> {
  const s = shapeOf(manager, entity);
  const present = s.columns.filter((c) => row[c.property] !== undefined);
  const params = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  const updates = present
    .filter((c) => c.property !== s.pkProperty)
    .map((c) => `${c.column} = excluded.${c.column}`);
  await runSql(
    manager,
    `INSERT INTO ${s.table} (${present.map((c) => c.column).join(', ')}) VALUES (${present.map((_, i) => params(i)).join(', ')})
     ON CONFLICT (${s.pkColumn}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
    present.map((c) => row[c.property]),
  );
}

export async function deleteRow(
  manager: EntityManager,
  entity: EntitySchema | string,
  id: string,
): Promise<void> {
  const s = shapeOf(manager, entity);
  await runSql(
    manager,
    `DELETE FROM ${s.table} WHERE ${s.pkColumn} = ${manager.connection.driver.createParameter('p0', 0)}`,
    [id],
  );
}

/**
 * The rows matching `where` (column = value for each given property, in order of `orderBy`
 * properties ascending), as entity objects: manager.findBy's result without the query builder's
 * cost. For the tables of text and integer columns the stores hold.
 */
export async function selectRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntitySchema<T>,
  where: Partial<T>,
  opts: { orderBy?: Array<keyof T & string>; descending?: boolean; limit?: number } = {},
): Promise<T[]> {
  const s = shapeOf(manager, entity);
  const column = (property: string) => {
    const c = s.columns.find((x) => x.property === property);
    if (!c) throw new Error(`${s.table} has no property ${property}`);
    return c.column;
  };
  const keys = Object.keys(where).filter((k) => where[k] !== undefined);
  const params = (i: number) => manager.connection.driver.createParameter(`p${i}`, i);
  const select = s.columns.map((c) => `${c.column} AS "${c.property}"`).join(', ');
  const filter = keys.length
    ? ` WHERE ${keys.map((k, i) => `${column(k)} = ${params(i)}`).join(' AND ')}`
    : '';
  const direction = opts.descending ? ' DESC' : '';
  const order = opts.orderBy?.length
    ? ` ORDER BY ${opts.orderBy.map((p) => column(p) + direction).join(', ')}`
    : '';
  const limit = opts.limit !== undefined ? ` LIMIT ${Math.trunc(opts.limit)}` : '';
  return (await runSql(
    manager,
    `SELECT ${select} FROM ${s.table}${filter}${order}${limit}`,
    keys.map((k) => where[k]),
  )) as T[];
}

export async function selectRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntitySchema<T>,
  where: Partial<T>,
): Promise<T | null> {
  return (await selectRows(manager, entity, where, { limit: 1 }))[0] ?? null;
}

/**
 * The driver's placeholder for the i-th parameter (0-based): "?" on SQLite, "$1", "$2", … on
 * PostgreSQL, for raw reads that run on the desk and on the central store alike.
 */
export function placeholder(manager: EntityManager): (i: number) => string {
  const driver = manager.connection.driver;
  return (i) => driver.createParameter(`p${i}`, i);
}
