// The desk ↔ central store sync protocol (DESIGN.md "Data and sync"): what a
// push carries and what it answers, what a pull returns. Schemas here are
// validated by the central store on every call.
import { z } from 'zod';
import { textSchema } from '../text';

export const pushedMutationSchema = z.object({
  mutationId: z.uuid(),
  seq: z.number().int().positive(),
  name: textSchema.min(1).max(100),
  schemaVersion: z.number().int().positive(),
  /** Validated by the mutation's own schema on the server, so malformed arguments reject only that mutation. */
  args: z.unknown(),
  createdAt: textSchema.max(40),
});
export type PushedMutation = z.infer<typeof pushedMutationSchema>;

export const PUSH_BATCH_MAX = 500;

export const pushInput = z.object({
  clientId: z.uuid(),
  mutations: z.array(pushedMutationSchema).min(1).max(PUSH_BATCH_MAX),
});
export type PushInput = z.infer<typeof pushInput>;

export type PushResult =
  | {
      mutationId: string;
      seq: number;
      status: 'applied';
      duplicate: boolean;
      /** What the mutator returned (absent for a duplicate); the central store's own callers read it. */
      result?: unknown;
    }
  | {
      mutationId: string;
      seq: number;
      status: 'rejected';
      code: string;
      reason: string;
      details: Record<string, unknown>;
    }
  /** The server cannot run this mutation (unknown name or a newer schema): the desk keeps it and everything after it. */
  | { mutationId: string; seq: number; status: 'versionNotSupported'; reason: string };

export interface PushResponse {
  results: PushResult[];
  /** The last sequence the server has applied for this desk (so the desk can drop what is already in). */
  lastSeq: number;
  serverVersion: number;
}

export const PULL_PAGE_MAX = 5000;

export const pullInput = z.object({
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(PULL_PAGE_MAX).default(1000),
});

export interface ChangeEntry {
  v: number;
  entity: string;
  id: string;
  row: Record<string, unknown>;
}

export type PullResponse =
  | { kind: 'changes'; changes: ChangeEntry[]; cursor: number; head: number; more: boolean }
  /** The cursor is older than the change log keeps: bootstrap from a snapshot, keep the outbox. */
  | { kind: 'reset'; head: number };

export const snapshotInput = z.object({
  entity: textSchema.min(1).max(60),
  afterId: textSchema.max(100).nullable(),
  limit: z.number().int().min(1).max(PULL_PAGE_MAX).default(2000),
});

export interface SnapshotPage {
  rows: Record<string, unknown>[];
  nextAfterId: string | null;
}

export interface SnapshotInfo {
  /** Pull changes from here once the snapshot is in. */
  version: number;
  entities: Array<{ entity: string; rows: number }>;
}
