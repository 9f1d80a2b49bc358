// The wallboards' figures, computed in a worker thread on a connection of its
// own (figuresThread.ts starts it). The central store's thread serves every
// desk's push; computing the figures there, however briefly, delays the pushes
// that arrive meanwhile. Here they cost the pushes nothing but a little CPU.
import { parentPort, workerData } from 'node:worker_threads';
import type { EntityManager } from 'typeorm';
import { wallboardFigures } from '../../shifts';
import { listStaff } from '../auth/users';
import { readerDataSource, type CentralConnection } from '../store/openCentralStore';
import { keptWallboardFacts } from './keptFacts';
import type { FiguresReply, FiguresRequest } from './figuresThread';
import { liveWallboardIds } from './tokens';

async function main(port: NonNullable<typeof parentPort>): Promise<void> {
  const dataSource = readerDataSource(workerData as CentralConnection);
  await dataSource.initialize();
  const manager = dataSource.manager;
  const read = <T>(work: (m: EntityManager) => Promise<T>) => work(manager);
  const rows = keptWallboardFacts();
  port.on('message', (request: FiguresRequest | 'stop') => {
    if (request === 'stop') {
      void dataSource.destroy().finally(() => port.close());
      return;
    }
    void (async (): Promise<FiguresReply> => {
      const view = await wallboardFigures(read, await listStaff(manager), new Date(request.atMs), rows);
      return { id: request.id, json: JSON.stringify(view), live: [...(await liveWallboardIds(manager))] };
    })()
      .catch((e: unknown): FiguresReply => ({ id: request.id, error: String(e) }))
      .then((reply) => port.postMessage(reply));
  });
  port.postMessage('ready');
}

if (parentPort) void main(parentPort);
