// Data folders 0700, database files 0600 (DESIGN.md, security): the central
// store's file holds password hashes and the audit trail, a desk's file its
// callers and tickets. The mode given to mkdir or open is masked by the umask,
// so what we create is chmod-ed as well. A folder that already exists wider may
// be the admin's deliberate choice: we warn once, and never change it. Files of
// ours (a database and its -wal and -shm) are tightened.
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;
const GROUP_OTHER = 0o077;
/** On Windows a mode is only a read-only flag; the folder's ACL governs access there. */
const posix = process.platform !== 'win32';
const warned = new Set<string>();

const octal = (mode: number) => mode.toString(8).padStart(4, '0');

function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(message);
}

/** The warning for an existing folder others on this machine may read, or null. */
export function widerDirWarning(dir: string): string | null {
  if (!posix) return null;
  const mode = statSync(dir).mode & 0o777;
  if ((mode & GROUP_OTHER) === 0) return null;
  return (
    `Warning: data folder ${dir} has mode ${octal(mode)}, so other users on this machine may read it. ` +
    `Run: chmod 700 '${dir}'`
  );
}

/** Creates the folder and any missing parents 0700; warns (once) if it already exists wider. */
export function ensurePrivateDir(dir: string): void {
  const first = mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (first === undefined) {
    const warning = widerDirWarning(dir);
    if (warning) warnOnce(resolve(dir), warning);
    return;
  }
  if (!posix) return;
  const top = resolve(first);
  for (let d = resolve(dir); ; d = dirname(d)) {
    chmodSync(d, PRIVATE_DIR);
    if (d === top || dirname(d) === d) break;
  }
}

/** Takes group and other bits off a file of ours; one owned by another user is only warned about. */
export function tightenFile(file: string): void {
  if (!posix) return;
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return; // not there (yet): SQLite creates -wal and -shm with the database file's mode
  }
  if ((stat.mode & GROUP_OTHER) === 0) return;
  if (stat.uid === process.getuid?.()) {
    chmodSync(file, stat.mode & 0o700);
    return;
  }
  const mode = octal(stat.mode & 0o777);
  warnOnce(
    resolve(file),
    `Warning: ${file} has mode ${mode} and belongs to another user; run: chmod 600 '${file}'`,
  );
}

/**
 * Makes a database file exist 0600 before SQLite opens it (SQLite would create it 0644 under the
 * usual umask, and give its -wal and -shm the same mode). An existing file is tightened.
 */
export function ensurePrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', PRIVATE_FILE));
    if (posix) chmodSync(file, PRIVATE_FILE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    tightenFile(file);
  }
}

/** Tightens a SQLite database file's companions, which a wider older version may have left. */
export function tightenSqliteCompanions(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) tightenFile(file + suffix);
}
