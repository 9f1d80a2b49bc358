// Test support: a loopback TCP proxy in front of the central store that
// misbehaves on demand, the way a real network between a desk and its
// central store does: every open connection cut at once, the network down
// (new connections refused, or dropped right after they open), or answers
// lost on the way back (the request reached the server, the reply never
// reaches the desk). It forwards bytes only; it knows nothing of HTTP.
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface FlakyProxy {
  /** http://127.0.0.1:<proxy port> */
  url: string;
  port: number;
  /** Destroys every open connection, both sides. */
  cut(): void;
  /** While down, new connections are destroyed as soon as they arrive; open ones are cut too. */
  setDown(down: boolean): void;
  /** While on, the first bytes coming back from the server destroy the connection instead of reaching the client. */
  loseResponses(on: boolean): void;
  readonly down: boolean;
  /** Connections accepted, connections destroyed by cut/down/lost responses. */
  stats(): { accepted: number; killed: number };
  close(): Promise<void>;
}

export async function startFlakyProxy(target: { host?: string; port: number }): Promise<FlakyProxy> {
  const host = target.host ?? '127.0.0.1';
  const open = new Set<Socket>();
  let down = false;
  let losing = false;
  let accepted = 0;
  let killed = 0;

  const drop = (counted: boolean, sockets: Socket[]) => {
    for (const s of sockets) {
      if (!s.destroyed) {
        if (counted) killed++;
        s.destroy();
      }
      open.delete(s);
    }
  };
  const kill = (...sockets: Socket[]) => drop(true, sockets);

  const server: Server = createServer((client) => {
    accepted++;
    client.on('error', () => undefined);
    if (down) {
      kill(client);
      return;
    }
    const upstream = connect({ host, port: target.port });
    upstream.on('error', () => undefined);
    open.add(client);
    open.add(upstream);
    const closed = () => drop(false, [client, upstream]);
    client.on('close', closed);
    upstream.on('close', closed);
    client.on('data', (chunk: Buffer) => {
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on('drain', () => client.resume());
    upstream.on('data', (chunk: Buffer) => {
      if (losing) return kill(client, upstream);
      if (!client.write(chunk)) upstream.pause();
    });
    client.on('drain', () => upstream.resume());
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const cut = () => kill(...open);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    cut,
    setDown(d) {
      down = d;
      if (d) cut();
    },
    loseResponses(on) {
      losing = on;
    },
    get down() {
      return down;
    },
    stats: () => ({ accepted, killed }),
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
