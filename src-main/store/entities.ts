// Table mappings of the desk's local store, as TypeORM EntitySchemas (no
// decorators, so any TypeScript transpiler builds them). The tables themselves
// are created by the migrations, never by `synchronize`.
import { EntitySchema } from 'typeorm';

export interface CustomerRow {
  id: string;
  name: string;
}
export const Customer = new EntitySchema<CustomerRow>({
  name: 'customer',
  columns: { id: { type: 'text', primary: true }, name: { type: 'text' } },
});

export interface WorkplaceRow {
  id: string;
  customerId: string;
  name: string;
}
export const Workplace = new EntitySchema<WorkplaceRow>({
  name: 'workplace',
  columns: {
    id: { type: 'text', primary: true },
    customerId: { type: 'text', name: 'customer_id' },
    name: { type: 'text' },
  },
});

export interface CallRow {
  id: string;
  arrivedAt: string;
  callerNumber: string;
  callerName: string | null;
  customerId: string | null;
  workplace: string | null;
  status: 'waiting' | 'taken' | 'finished';
  loggedBy: string;
  loggedByName: string;
  takenBy: string | null;
  takenByName: string | null;
  takenAt: string | null;
  summary: string | null;
  outcome: string | null;
  endedAt: string | null;
  overrideReason: string | null;
  overrideBy: string | null;
  overrideByName: string | null;
  updatedAt: string;
}
const text = (name: string, nullable = false) => ({ type: 'text' as const, name, nullable });
export const Call = new EntitySchema<CallRow>({
  name: 'call',
  columns: {
    id: { type: 'text', primary: true },
    arrivedAt: text('arrived_at'),
    callerNumber: text('caller_number'),
    callerName: text('caller_name', true),
    customerId: text('customer_id', true),
    workplace: text('workplace', true),
    status: text('status'),
    loggedBy: text('logged_by'),
    loggedByName: text('logged_by_name'),
    takenBy: text('taken_by', true),
    takenByName: text('taken_by_name', true),
    takenAt: text('taken_at', true),
    summary: text('summary', true),
    outcome: text('outcome', true),
    endedAt: text('ended_at', true),
    overrideReason: text('override_reason', true),
    overrideBy: text('override_by', true),
    overrideByName: text('override_by_name', true),
    updatedAt: text('updated_at'),
  },
});

/** Append-only history of a call: logged, taken (with any override), updated, finished. */
export interface CallEventRow {
  id: string;
  callId: string;
  kind: 'logged' | 'taken' | 'updated' | 'finished' | 'abandoned';
  at: string;
  actorId: string;
  actorName: string;
  data: string;
}
export const CallEvent = new EntitySchema<CallEventRow>({
  name: 'call_event',
  columns: {
    id: { type: 'text', primary: true },
    callId: text('call_id'),
    kind: text('kind'),
    at: text('at'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    data: text('data'),
  },
});

/** DESIGN.md "Data and sync": every mutation applied on this desk, in order, for the central store to read. */
export interface OutboxRow {
  seq: number;
  mutationId: string;
  clientId: string;
  name: string;
  args: string;
  schemaVersion: number;
  actorId: string;
  actorName: string;
  actorRole: string;
  /** JSON TouchedRow[]: the rows' images before this mutation, to undo it locally on rebase. */
  undo: string;
  createdAt: string;
}
export const Outbox = new EntitySchema<OutboxRow>({
  name: 'outbox',
  columns: {
    seq: { type: 'integer', primary: true },
    mutationId: text('mutation_id'),
    clientId: text('client_id'),
    name: text('name'),
    args: text('args'),
    schemaVersion: { type: 'integer', name: 'schema_version' },
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    undo: text('undo'),
    createdAt: text('created_at'),
  },
});

/** A mutation the central store refused: kept for the "needs attention" list until dismissed. */
export interface RejectedMutationRow {
  mutationId: string;
  seq: number;
  name: string;
  args: string;
  actorId: string;
  actorName: string;
  createdAt: string;
  rejectedAt: string;
  code: string;
  reason: string;
  details: string;
  dismissedAt: string | null;
}
export const RejectedMutation = new EntitySchema<RejectedMutationRow>({
  name: 'rejected_mutation',
  columns: {
    mutationId: { type: 'text', primary: true, name: 'mutation_id' },
    seq: { type: 'integer' },
    name: text('name'),
    args: text('args'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    createdAt: text('created_at'),
    rejectedAt: text('rejected_at'),
    code: text('code'),
    reason: text('reason'),
    details: text('details'),
    dismissedAt: text('dismissed_at', true),
  },
});

/** Settings that belong to this desk only (its client id, the local profile); never synced. */
export interface LocalSettingRow {
  key: string;
  value: string;
}
export const LocalSetting = new EntitySchema<LocalSettingRow>({
  name: 'local_setting',
  columns: { key: { type: 'text', primary: true }, value: { type: 'text' } },
});

/** Settings every desk shares (e.g. key 'sla'); written only by named mutations. */
export interface SharedSettingRow {
  key: string;
  value: string;
  updatedAt: string;
  updatedBy: string;
}
export const SharedSetting = new EntitySchema<SharedSettingRow>({
  name: 'shared_setting',
  columns: {
    key: { type: 'text', primary: true },
    value: { type: 'text' },
    updatedAt: text('updated_at'),
    updatedBy: text('updated_by'),
  },
});

/** Tables whose rows the central store owns and desks replicate (sync pulls these). */
export const SYNCED_ENTITIES = [Customer, Workplace, Call, CallEvent, SharedSetting];

export const ENTITIES = [...SYNCED_ENTITIES, Outbox, LocalSetting, RejectedMutation];
