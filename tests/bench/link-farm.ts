// The link benchmark's farm: many loopback hosts in a process of their own, answering a scripted mix by path.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Latency of every answer. */
export const LATENCY_MS = 50;
/** Extra latency of the `slow` kind. */
export const SLOW_EXTRA_MS = 300;

/** What the farm saw on one host. */
export interface HostStats {
  maxConcurrent: number;
  requests: number;
  serviceMs: number;
  /** When the first request arrived and the last answer was due (epoch ms). */
  firstMs: number;
  lastMs: number;
  /** Retry-After windows the host announced: [start, end] in ms. */
  pauses: Array<[number, number]>;
}

/** What the farm saw in all. */
export interface FarmStats {
  hosts: Record<string, HostStats>;
  /** Most TCP connections open at once, all hosts together. */
  maxOpenSockets: number;
  /** TCP connections accepted (since {@link Farm.mark}, if marked): against the requests, how well connections were reused. */
  connections: number;
  /** Paths requested since {@link Farm.mark}. */
  pathsSinceMark: string[];
  maxRssMb: number;
}

/** A running farm. */
export interface Farm {
  /** `http://127.0.x.y:port` per host, in the order the hosts were given. */
  origins: string[];
  /** Starts recording which paths are requested. */
  mark(): Promise<void>;
  stop(): Promise<FarmStats>;
}

/**
 * Plain JavaScript run in a child process so the servers don't share the checker's event loop (real servers are
 * elsewhere) and the checker's RSS is measured alone. Answers by path `/<kind>/<id>`; "once" kinds remember paths;
 * `hang` accepts the request and never answers.
 */
const FARM_SOURCE = `
const http = require('node:http');
const LATENCY_MS = ${LATENCY_MS};
const SLOW_EXTRA_MS = ${SLOW_EXTRA_MS};
const stats = {};
const servers = [];
let open = 0;
let maxOpenSockets = 0;
let connections = 0;
let sinceMark;
process.on('message', async (message) => {
  if (message.type === 'start') {
    const origins = [];
    for (const host of message.hosts) {
      const s = stats[host] = { inFlight: 0, maxConcurrent: 0, requests: 0, serviceMs: 0, pauses: [], firstMs: 0, lastMs: 0 };
      const seenOnce = new Set();
      const server = http.createServer((req, res) => {
        const path = req.url || '/';
        const [, kind = '', id = ''] = path.split('/');
        if (sinceMark) sinceMark.add(path);
        const latency = kind === 'slow' ? LATENCY_MS + SLOW_EXTRA_MS : LATENCY_MS;
        s.inFlight += 1; s.requests += 1; s.serviceMs += latency;
        const arrivedMs = Date.now();
        if (!s.firstMs) s.firstMs = arrivedMs;
        s.lastMs = Math.max(s.lastMs, arrivedMs + latency);
        s.maxConcurrent = Math.max(s.maxConcurrent, s.inFlight);
        res.on('close', () => { s.inFlight -= 1; });
        if (kind === 'hang') return;
        setTimeout(() => {
          const isFirst = !seenOnce.has(path);
          seenOnce.add(path);
          switch (kind) {
            case 'dead': return void res.writeHead(404).end();
            case 'p301': return void res.writeHead(301, { location: '/target/' + id }).end();
            case 't302': return void res.writeHead(302, { location: '/target/' + id }).end();
            case 'chain': return void res.writeHead(301, { location: '/chain-b/' + id }).end();
            case 'chain-b': return void res.writeHead(301, { location: '/target/' + id }).end();
            case 'head405': return void res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
            case 'rl':
              if (isFirst) {
                const now = Date.now();
                s.pauses.push([now, now + 1000]);
                return void res.writeHead(429, { 'retry-after': '1' }).end();
              }
              return void res.writeHead(200).end();
            case 'flaky': return void res.writeHead(isFirst ? 503 : 200).end();
            default: return void res.writeHead(200).end();
          }
        }, latency);
      });
      server.on('connection', (socket) => {
        open += 1;
        connections += 1;
        maxOpenSockets = Math.max(maxOpenSockets, open);
        socket.on('close', () => { open -= 1; });
      });
      server.keepAliveTimeout = 10000;
      await new Promise((resolve, reject) => { server.once('error', reject); server.listen(0, host, resolve); });
      servers.push(server);
      origins.push('http://' + host + ':' + server.address().port);
    }
    process.send({ type: 'ready', origins });
  } else if (message.type === 'mark') {
    sinceMark = new Set();
    connections = 0;
    process.send({ type: 'marked' });
  } else if (message.type === 'stop') {
    for (const server of servers) { server.closeAllConnections(); server.close(); }
    const pathsSinceMark = sinceMark ? [...sinceMark] : [];
    process.send({ type: 'stats', stats, maxOpenSockets, connections, pathsSinceMark, maxRssMb: process.resourceUsage().maxRSS / 1024 }, () => process.exit(0));
  }
});
`;

/** The child's next message; rejects if it exits first (a crash would otherwise hang the bench). */
export async function nextMessage<T>(child: ChildProcess, name: string): Promise<T> {
  const controller = new AbortController();
  const exited = once(child, 'exit', { signal: controller.signal }).then(([code, signal]: unknown[]) => {
    throw new Error(`${name} process exited (${String(signal ?? code)}) before replying`);
  });
  try {
    const [message] = await Promise.race([once(child, 'message', { signal: controller.signal }), exited]);
    return message as T;
  } finally {
    controller.abort();
    exited.catch(() => undefined);
  }
}

/** Starts a farm serving `hosts` (loopback addresses). */
export async function startFarm(hosts: readonly string[]): Promise<Farm> {
  const dir = mkdtempSync(join(tmpdir(), 'lint-lists-bench-'));
  const farmFile = join(dir, 'farm.cjs');
  writeFileSync(farmFile, FARM_SOURCE);
  const farm = fork(farmFile, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  farm.send({ type: 'start', hosts });
  const ready = await nextMessage<{ origins: string[] }>(farm, 'farm');
  return {
    origins: ready.origins,
    async mark() {
      const marked = nextMessage(farm, 'farm');
      farm.send({ type: 'mark' });
      await marked;
    },
    async stop() {
      const exited = once(farm, 'exit');
      const reply = nextMessage<Omit<FarmStats, 'hosts'> & { stats: Record<string, HostStats> }>(farm, 'farm');
      farm.send({ type: 'stop' });
      const { stats, ...rest } = await reply;
      await exited;
      rmSync(dir, { recursive: true, force: true });
      return { hosts: stats, ...rest };
    },
  };
}

/** Total length of the union of [start, end] intervals. */
export function unionMs(intervals: ReadonlyArray<[number, number]>): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | undefined;
  for (const [start, end] of sorted) {
    if (current && start <= current[1]) {
      current[1] = Math.max(current[1], end);
      continue;
    }
    if (current) total += current[1] - current[0];
    current = [start, end];
  }
  return total + (current ? current[1] - current[0] : 0);
}
