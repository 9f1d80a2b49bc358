// Tables only the central store has, which its server-only mutators read or
// write: the accounts (who answered a phone call) and the phone system's event
// log. Kept here, below the domains, so a domain's mutator can use them
// without importing the central store; the central store's own
// infrastructure tables (sessions, change log, audit, …) stay in
// central/store/entities.ts.
import { EntitySchema } from 'typeorm';

const text = (name: string, nullable = false) => ({ type: 'text' as const, name, nullable });
const int = (name: string) => ({ type: 'integer' as const, name });

export interface UserAccountRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  passwordHash: string;
  active: number;
  createdAt: string;
  /** The phone number or extension the phone system names when this user answers (issue 6). */
  phone: string | null;
}
export const UserAccount = new EntitySchema<UserAccountRow>({
  name: 'user_account',
  columns: {
    id: { type: 'text', primary: true },
    username: text('username'),
    displayName: text('display_name'),
    role: text('role'),
    passwordHash: text('password_hash'),
    active: int('active'),
    createdAt: text('created_at'),
    phone: text('phone', true),
  },
});

/** One event as the phone system sent it, and what became of it (the admin's view of the CTI feed). */
export interface CtiEventRow {
  id: string;
  ctiCallId: string;
  event: string;
  direction: string | null;
  fromNumber: string | null;
  toNumber: string | null;
  /** JSON array of the user names the event named. */
  users: string;
  queue: string | null;
  cause: string | null;
  answeringNumber: string | null;
  /** The caller's name as the phone system sent it (issue 12). */
  caller: string | null;
  receivedAt: string;
  outcome: string;
  note: string | null;
  callId: string | null;
}
export const CtiEvent = new EntitySchema<CtiEventRow>({
  name: 'cti_event',
  columns: {
    id: { type: 'text', primary: true },
    ctiCallId: text('cti_call_id'),
    event: text('event'),
    direction: text('direction', true),
    fromNumber: text('from_number', true),
    toNumber: text('to_number', true),
    users: text('users'),
    queue: text('queue', true),
    cause: text('cause', true),
    answeringNumber: text('answering_number', true),
    caller: text('caller', true),
    receivedAt: text('received_at'),
    outcome: text('outcome'),
    note: text('note', true),
    callId: text('call_id', true),
  },
});
