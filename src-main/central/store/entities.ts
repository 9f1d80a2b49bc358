// The central store's own tables. The domain tables (calls, customers,
// settings, …) are the desk's EntitySchemas, shared: the same mutators write
// them in both places.
import { EntitySchema } from 'typeorm';
import { SYNCED_ENTITIES } from '../../store/entities';
import { CtiEvent, UserAccount } from '../../store/serverEntities';

export { CtiEvent, UserAccount, type CtiEventRow, type UserAccountRow } from '../../store/serverEntities';

const text = (name: string, nullable = false) => ({ type: 'text' as const, name, nullable });
const int = (name: string) => ({ type: 'integer' as const, name });

/** A login session. Only the token's SHA-256 is stored; the token itself lives on the desk. */
export interface SessionRow {
  tokenHash: string;
  userId: string;
  clientId: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}
export const Session = new EntitySchema<SessionRow>({
  name: 'session',
  columns: {
    tokenHash: { type: 'text', primary: true, name: 'token_hash' },
    userId: text('user_id'),
    clientId: text('client_id', true),
    createdAt: text('created_at'),
    expiresAt: text('expires_at'),
    revokedAt: text('revoked_at', true),
  },
});

/** Failed logins per key (user name and address) in the current window: kept in the database, so any process can check. */
export interface LoginAttemptRow {
  key: string;
  windowStart: string;
  failures: number;
}
export const LoginAttempt = new EntitySchema<LoginAttemptRow>({
  name: 'login_attempt',
  columns: {
    key: { type: 'text', primary: true },
    windowStart: text('window_start'),
    failures: int('failures'),
  },
});

/**
 * The highest outbox sequence applied per desk (a retried push is applied once), and who owns the
 * client id: the desk whose key hashes to keyHash, or, for a client that never registered a key
 * (tools, tests), the account userId that first pushed for it.
 */
export interface ClientStateRow {
  clientId: string;
  userId: string;
  lastSeq: number;
  updatedAt: string;
  keyHash: string | null;
}
export const ClientState = new EntitySchema<ClientStateRow>({
  name: 'client_state',
  columns: {
    clientId: { type: 'text', primary: true, name: 'client_id' },
    userId: text('user_id'),
    lastSeq: int('last_seq'),
    updatedAt: text('updated_at'),
    keyHash: text('key_hash', true),
  },
});

/** The change log: every changed row's new image under a gap-free, commit-ordered server_version. */
export interface ChangeLogRow {
  serverVersion: number;
  entity: string;
  rowId: string;
  data: string;
  committedAt: string;
}
export const ChangeLog = new EntitySchema<ChangeLogRow>({
  name: 'change_log',
  columns: {
    serverVersion: { type: 'integer', primary: true, name: 'server_version' },
    entity: text('entity'),
    rowId: text('row_id'),
    data: text('data'),
    committedAt: text('committed_at'),
  },
});

/** Named counters: the server version, the change log's horizon, and per-year reference numbers. */
export interface CounterRow {
  name: string;
  value: number;
}
export const Counter = new EntitySchema<CounterRow>({
  name: 'counter',
  columns: { name: { type: 'text', primary: true }, value: int('value') },
});

/** Every mutation a desk pushed, applied or rejected: who, which desk, when, what (R27). */
export interface AuditRow {
  mutationId: string;
  clientId: string;
  seq: number;
  userId: string;
  userName: string;
  role: string;
  name: string;
  args: string;
  schemaVersion: number;
  status: 'applied' | 'rejected';
  reason: string | null;
  serverVersion: number | null;
  appliedAt: string;
}
export const Audit = new EntitySchema<AuditRow>({
  name: 'audit',
  columns: {
    mutationId: { type: 'text', primary: true, name: 'mutation_id' },
    clientId: text('client_id'),
    seq: int('seq'),
    userId: text('user_id'),
    userName: text('user_name'),
    role: text('role'),
    name: text('name'),
    args: text('args'),
    schemaVersion: int('schema_version'),
    status: text('status'),
    reason: text('reason', true),
    serverVersion: { type: 'integer', name: 'server_version', nullable: true },
    appliedAt: text('applied_at'),
  },
});

/**
 * A wall screen's access (issue 15): a name, the SHA-256 of its token (the token itself is shown
 * once, in the URL the team lead puts on the screen), and when it was revoked.
 */
export interface WallboardRow {
  id: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  createdByName: string;
  revokedAt: string | null;
  revokedByName: string | null;
}
export const Wallboard = new EntitySchema<WallboardRow>({
  name: 'wallboard',
  columns: {
    id: { type: 'text', primary: true },
    name: text('name'),
    tokenHash: text('token_hash'),
    createdAt: text('created_at'),
    createdByName: text('created_by_name'),
    revokedAt: text('revoked_at', true),
    revokedByName: text('revoked_by_name', true),
  },
});

/** An attachment's bytes (issue 17), base64, stored once per content (SHA-256) before the message that names it commits. */
export interface AttachmentContentRow {
  sha256: string;
  size: number;
  base64: string;
  createdAt: string;
}
export const AttachmentContent = new EntitySchema<AttachmentContentRow>({
  name: 'attachment_content',
  columns: {
    sha256: { type: 'text', primary: true },
    size: int('size'),
    base64: text('base64'),
    createdAt: text('created_at'),
  },
});

/** A reporter's single-use sign-in link for the web intake (issue 17); only the token's SHA-256 is kept. */
export interface ReporterLinkRow {
  tokenHash: string;
  email: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}
export const ReporterLink = new EntitySchema<ReporterLinkRow>({
  name: 'reporter_link',
  columns: {
    tokenHash: { type: 'text', primary: true, name: 'token_hash' },
    email: text('email'),
    createdAt: text('created_at'),
    expiresAt: text('expires_at'),
    usedAt: text('used_at', true),
  },
});

/** A reporter's session on the web intake, opened by a sign-in link; only the cookie's SHA-256 is kept. */
export interface ReporterSessionRow {
  tokenHash: string;
  email: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}
export const ReporterSession = new EntitySchema<ReporterSessionRow>({
  name: 'reporter_session',
  columns: {
    tokenHash: { type: 'text', primary: true, name: 'token_hash' },
    email: text('email'),
    createdAt: text('created_at'),
    expiresAt: text('expires_at'),
    revokedAt: text('revoked_at', true),
  },
});

export const CENTRAL_ENTITIES = [
  ...SYNCED_ENTITIES,
  UserAccount,
  Session,
  LoginAttempt,
  ClientState,
  ChangeLog,
  Counter,
  Audit,
  CtiEvent,
  Wallboard,
  AttachmentContent,
  ReporterLink,
  ReporterSession,
];
