// The desk's sync engine (DESIGN.md "Data and sync"): pushes the outbox in
// order under the identity of whoever made each mutation, pulls the change
// log by cursor and rebases pending mutations on top, bootstraps from a
// snapshot when the server answers `reset`, and listens for pokes over SSE.
// One sync runs at a time; everything it writes locally is one transaction
// per page, with the cursor, so a crash anywhere resumes cleanly.
import { TRPCClientError } from '@trpc/client';
import { IsNull, type DataSource } from 'typeorm';
import {
  PULL_PAGE_MAX,
  PUSH_BATCH_MAX,
  type ChangeEntry,
  type PullResponse,
  type PushedMutation,
  type SnapshotPage,
} from '../../src-shared/sync/protocol';
import type { SyncState, SyncStatus } from '../../src-shared/sync/status';
import { readSetting, writeSetting } from '../store/localSettings';
import type { DeskSessions } from '../local/context';
import type { MutationRunner } from '../mutations/runner';
import { Outbox, RejectedMutation, SYNCED_ENTITIES } from '../store/entities';
import { createCentralClient, type CentralClient } from './centralClient';
import { acknowledgeApplied, rebase, type Rejection } from './rebase';

export type { SyncState, SyncStatus };

/** What the sync engine needs of the desk's sessions (desk/session.ts): tokens per author, and sign-outs to finish. */
export interface SyncSessions extends DeskSessions {
  signedOutUsers(): Promise<string[]>;
  forget(userId: string): Promise<void>;
  invalidate(userId: string): Promise<void>;
}

interface Persisted {
  cursor: number;
  lastSyncAt: string | null;
  /** False until the first snapshot is in: a new desk starts from a snapshot, not by replaying the whole log. */
  bootstrapped?: boolean;
}

const SYNC_KEY = 'sync';
// Pages as large as the protocol allows: each page is one local transaction (one durable commit).
const PULL_PAGE = PULL_PAGE_MAX;
const SNAPSHOT_PAGE = PULL_PAGE_MAX;
/**
 * A first sync writes one snapshot page per local transaction. The desk's writing blocks its only
 * thread, so the next page (already requested) is read by the central store meanwhile; batches of
 * four pages left the central store idle for most of each write (15,000–18,000 rows/s against
 * 22,000–24,700 this way, tests/bench/sync.bench.ts).
 */
const BOOTSTRAP_TX_ROWS = SNAPSHOT_PAGE;

export class SyncClient {
  private readonly client: CentralClient;
  private tokenForPull: string | null = null;
  private running: Promise<unknown> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private subscription: { unsubscribe(): void } | null = null;
  /** Syncs by itself (pokes, timer, after each mutation) only once started. */
  private started = false;
  private status: Omit<SyncStatus, 'pending' | 'rejected' | 'cursor' | 'lastSyncAt'> = {
    centralUrl: '',
    online: false,
    state: 'idle',
    lastError: null,
    bootstrap: null,
    waitingFor: null,
  };
  private listeners = new Set<() => void>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly mutations: MutationRunner,
    private readonly sessions: SyncSessions,
    private readonly clientId: string,
    readonly centralUrl: string,
    private readonly opts: {
      pollMs?: number;
      /** Told which local tables each acknowledged push, rebase and pulled page wrote (live screens). */
      onTablesChanged?: (tables: ReadonlySet<string>) => void;
    } = {},
  ) {
    this.status.centralUrl = centralUrl;
    this.client = createCentralClient(centralUrl, () => this.tokenForPull);
  }

  /** The central store's client, authenticated as the signed-in user (for login, admin views). */
  centralAs(token: string | null): CentralClient {
    return createCentralClient(this.centralUrl, () => token);
  }

  start(): void {
    this.started = true;
    this.timer = setInterval(() => this.syncSoon(), this.opts.pollMs ?? 10_000);
    this.subscribe();
    this.syncSoon();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    this.subscription?.unsubscribe();
    this.subscription = null;
    await this.running?.catch(() => undefined);
  }

  /** What the status shows besides the counts, as it is now (no database read). */
  liveStatus(): Readonly<Omit<SyncStatus, 'pending' | 'rejected' | 'cursor' | 'lastSyncAt'>> {
    return this.status;
  }

  private readWhileSyncing = false;

  /** Whether someone read the status while a sync ran (and so saw 'syncing') since the last ask. */
  takeReadWhileSyncing(): boolean {
    const read = this.readWhileSyncing;
    this.readWhileSyncing = false;
    return read;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** Runs a sync now, or once more right after the one in progress. */
  syncSoon(): void {
    if (!this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.launch();
  }

  private launch(): Promise<void> {
    const run = this.syncOnce().finally(() => {
      this.running = null;
      if (this.again && this.started) {
        this.again = false;
        this.syncSoon();
      }
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  /** One full round now (push everything pushable, then pull until caught up); rejects if it fails. */
  async syncNow(): Promise<void> {
    while (this.running) await this.running;
    await this.launch();
  }

  private subscribe(): void {
    this.subscription?.unsubscribe();
    const current = this.tokenForPull;
    if (!current) return;
    let lastEventId: string | null = null;
    this.subscription = this.client.sync.onChange.subscribe(
      { lastEventId },
      {
        onData: (e) => {
          lastEventId = e.id;
          this.syncSoon();
        },
        onError: () => {
          this.status.online = false;
          this.changed();
        },
      },
    );
  }

  private async syncOnce(): Promise<void> {
    this.status.state = 'syncing';
    try {
      await this.revokeSignedOut();
      const current = await this.sessions.current();
      const token = current ? await this.sessions.token(current.user.id) : null;
      if (token !== this.tokenForPull) {
        this.tokenForPull = token;
        this.subscribe();
      }
      await this.push();
      if (this.tokenForPull) await this.pull();
      this.status.online = true;
      this.status.lastError = null;
      this.status.state = this.status.waitingFor ? 'signedOut' : this.tokenForPull ? 'idle' : 'signedOut';
      if (this.tokenForPull) {
        const persisted = await this.persisted();
        await this.mutations.exclusive(() =>
          writeSetting(this.dataSource.manager, SYNC_KEY, {
            ...persisted,
            lastSyncAt: new Date().toISOString(),
          }),
        );
      }
    } catch (e) {
      if (e instanceof VersionBlocked) {
        this.status.state = 'versionBlocked';
        this.status.lastError = e.message;
      } else if (e instanceof TRPCClientError && e.data?.code === 'UNAUTHORIZED') {
        this.status.state = 'signedOut';
        this.status.lastError = 'signedOut';
      } else {
        this.status.online = false;
        this.status.state = 'offline';
        this.status.lastError = e instanceof Error ? e.message : String(e);
      }
      throw e;
    } finally {
      this.changed();
    }
  }

  private async revokeSignedOut(): Promise<void> {
    for (const userId of await this.sessions.signedOutUsers()) {
      const mine = await this.dataSource.manager.countBy(Outbox, { actorId: userId });
      if (mine > 0) continue;
      const token = await this.sessions.token(userId);
      if (token)
        await this.centralAs(token)
          .auth.logout.mutate()
          .catch(() => undefined);
      await this.sessions.forget(userId);
    }
  }

  /** Pushes the outbox in order, batch by batch, each batch under its author's token. */
  private async push(): Promise<void> {
    this.status.waitingFor = null;
    for (;;) {
      const head = await this.dataSource.manager.find(Outbox, {
        order: { seq: 'ASC' },
        take: PUSH_BATCH_MAX,
      });
      if (head.length === 0) return;
      const author = head[0]!.actorId;
      // Only the leading run by one author: the server takes a desk's mutations strictly in sequence.
      const end = head.findIndex((e) => e.actorId !== author);
      const batch = end === -1 ? head : head.slice(0, end);
      const token = await this.sessions.token(author);
      if (!token) {
        this.status.waitingFor = head[0]!.actorName;
        return;
      }
      const mutations: PushedMutation[] = batch.map((e) => ({
        mutationId: e.mutationId,
        seq: e.seq,
        name: e.name,
        schemaVersion: e.schemaVersion,
        args: JSON.parse(e.args) as unknown,
        createdAt: e.createdAt,
      }));
      let response;
      try {
        response = await this.centralAs(token).sync.push.mutate({ clientId: this.clientId, mutations });
      } catch (e) {
        if (e instanceof TRPCClientError && e.data?.code === 'UNAUTHORIZED') {
          await this.sessions.invalidate(author);
          this.status.waitingFor = head[0]!.actorName;
          return;
        }
        throw e;
      }
      const applied = response.results
        .filter((r) => r.status === 'applied')
        .map((r) => ({ seq: r.seq, mutationId: r.mutationId }));
      const rejected: Rejection[] = response.results.flatMap((r) =>
        r.status === 'rejected'
          ? [{ mutationId: r.mutationId, code: r.code, reason: r.reason, details: r.details }]
          : [],
      );
      const tables = await this.mutations.exclusive(() =>
        this.dataSource.transaction(async (m) => {
          await acknowledgeApplied(m, applied);
          const written = rejected.length ? await rebase(m, { rejected }) : new Set<string>();
          return written.add(Outbox.options.name);
        }),
      );
      this.opts.onTablesChanged?.(tables);
      this.changed();
      const blocked = response.results.find((r) => r.status === 'versionNotSupported');
      if (blocked && blocked.status === 'versionNotSupported') throw new VersionBlocked(blocked.reason);
      if (applied.length + rejected.length === 0) return;
    }
  }

  private async persisted(): Promise<Persisted> {
    return (
      (await readSetting<Persisted>(this.dataSource.manager, SYNC_KEY)) ?? { cursor: 0, lastSyncAt: null }
    );
  }

  private async pull(): Promise<void> {
    if (!(await this.persisted()).bootstrapped) await this.bootstrap();
    const fetchPage = (from: number): Promise<PullResponse> =>
      prefetched(this.client.sync.pull.query({ cursor: from, limit: PULL_PAGE }));
    let cursor = (await this.persisted()).cursor;
    let next = fetchPage(cursor);
    for (;;) {
      const page = await next;
      if (page.kind === 'reset') {
        await this.bootstrap();
        cursor = (await this.persisted()).cursor;
        next = fetchPage(cursor);
        continue;
      }
      // The next page is on its way while this one is written.
      if (page.more) next = fetchPage(page.cursor);
      if (page.changes.length > 0 || page.cursor !== cursor) {
        const tables = await this.mutations.exclusive(() =>
          this.dataSource.transaction(async (m) => {
            const written = await rebase(m, { rows: page.changes });
            const p = (await readSetting<Persisted>(m, SYNC_KEY)) ?? { cursor: 0, lastSyncAt: null };
            await writeSetting(m, SYNC_KEY, { ...p, cursor: page.cursor });
            return written;
          }),
        );
        this.opts.onTablesChanged?.(tables);
        this.changed();
      }
      cursor = page.cursor;
      if (!page.more) return;
    }
  }

  /** First sync, or after `reset`: every row of every replicated table, then the log from the snapshot's version. */
  private async bootstrap(): Promise<void> {
    const info = await this.client.sync.snapshotInfo.query();
    const total = info.entities.reduce((n, e) => n + e.rows, 0);
    this.status.bootstrap = { done: 0, total };
    this.changed();
    try {
      for (const entity of SYNCED_ENTITIES.map((e) => e.options.name)) {
        const fetchPage = (afterId: string | null): Promise<SnapshotPage> =>
          prefetched(this.client.sync.snapshot.query({ entity, afterId, limit: SNAPSHOT_PAGE }));
        const pk = this.dataSource.getMetadata(entity).primaryColumns[0]!.propertyName;
        let rows: ChangeEntry[] = [];
        let next: Promise<SnapshotPage> | null = fetchPage(null);
        while (next) {
          const page: SnapshotPage = await next;
          // The next page is on its way while this one is written.
          next = page.nextAfterId !== null ? fetchPage(page.nextAfterId) : null;
          for (const row of page.rows) rows.push({ v: 0, entity, id: String(row[pk]), row });
          // An interrupted first sync starts over.
          if (rows.length < BOOTSTRAP_TX_ROWS && next) continue;
          const batch = rows;
          rows = [];
          const tables = await this.mutations.exclusive(() =>
            this.dataSource.transaction((m) => rebase(m, { rows: batch })),
          );
          this.opts.onTablesChanged?.(tables);
          this.status.bootstrap.done += batch.length;
          this.changed();
        }
      }
      await this.mutations.exclusive(async () => {
        const p = await this.persisted();
        await writeSetting(this.dataSource.manager, SYNC_KEY, {
          ...p,
          cursor: info.version,
          bootstrapped: true,
        });
      });
    } finally {
      this.status.bootstrap = null;
      this.changed();
    }
  }

  async getStatus(): Promise<SyncStatus> {
    if (this.status.state === 'syncing') this.readWhileSyncing = true;
    const m = this.dataSource.manager;
    const p = await this.persisted();
    return {
      ...this.status,
      pending: await m.count(Outbox),
      rejected: await m.count(RejectedMutation, { where: { dismissedAt: IsNull() } }),
      lastSyncAt: p.lastSyncAt,
      cursor: p.cursor,
    };
  }
}

class VersionBlocked extends Error {}

/** A request started ahead of need: if the sync fails before it is awaited, its failure is not an unhandled rejection. */
function prefetched<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}
