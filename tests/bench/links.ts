// Link-checker benchmark: a farm of loopback hosts with a realistic mix of answers, checked at
// the default per-host limits; prints wall time against the ideal bound and verifies verdicts.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LINK_CHECKER_OPTIONS, type CheckResult, type LinkCheckerOptions } from '../../src/links/check-options.js';

const HOSTS = 200;
const LINKS = 10_000;
const LATENCY_MS = 50;
const SLOW_EXTRA_MS = 300;
const PER_HOST = DEFAULT_LINK_CHECKER_OPTIONS.perHostConcurrency;
/** Global limit for the run: below hosts × per-host, so the global queue's fairness is exercised. */
const CONCURRENCY = 256;
/** Start gap per host for the run: under latency / per-host, so it doesn't bind at full speed. */
const INTERVAL_MS = 10;

type Kind = 'ok' | 'dead' | 'p301' | 't302' | 'chain' | 'head405' | 'rl' | 'flaky' | 'slow';

/** Share of each kind in the mix (sums to 1). */
const MIX: Array<[Kind, number]> = [
  ['ok', 0.7],
  ['dead', 0.07],
  ['p301', 0.05],
  ['t302', 0.04],
  ['chain', 0.03],
  ['head405', 0.04],
  ['rl', 0.01],
  ['flaky', 0.03],
  ['slow', 0.03],
];

interface Link {
  url: string;
  kind: Kind;
  host: string;
  expected: { verdict: CheckResult['verdict']; finalUrl?: string; permanent?: boolean };
}

/** What the checker process sends back (see link-checker-child.mjs). */
interface CheckerReply {
  results: Array<Pick<CheckResult, 'verdict' | 'status' | 'finalUrl' | 'permanent' | 'reason' | 'attempts'>>;
  stats: { maxInFlight: number; requests: number };
  wallMs: number;
  cpuMs: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  rssBeforeMb: number;
  maxRssMb: number;
  heapUsedMb: number;
  /** `process.memoryUsage()` at the highest sampled RSS, in MB. */
  atPeakMb: Record<'rss' | 'heapTotal' | 'heapUsed' | 'external' | 'arrayBuffers', number>;
}

const CHECKER_CHILD = fileURLToPath(new URL('./link-checker-child.mjs', import.meta.url));
const BUILT_CHECKER = fileURLToPath(new URL('../../dist/links/check.js', import.meta.url));

interface HostStats {
  inFlight: number;
  maxConcurrent: number;
  requests: number;
  serviceMs: number;
  pauses: Array<[number, number]>;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run checks the same farm. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Links per host: one busy host (~300), a few busy ones, a long tail. */
function hostCounts(): number[] {
  const counts = [300, ...new Array<number>(9).fill(120)];
  const rest = HOSTS - counts.length;
  const remaining = LINKS - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; i < rest; i += 1) counts.push(Math.floor(remaining / rest) + (i < remaining % rest ? 1 : 0));
  return counts;
}

function pickKind(random: () => number): Kind {
  let roll = random();
  for (const [kind, share] of MIX) {
    if (roll < share) return kind;
    roll -= share;
  }
  return 'ok';
}

function expectation(kind: Kind, origin: string, id: string): Link['expected'] {
  const target = `${origin}/target/${id}`;
  switch (kind) {
    case 'dead':
      return { verdict: 'dead' };
    case 'p301':
    case 'chain':
      return { verdict: 'redirect', finalUrl: target, permanent: true };
    case 't302':
      return { verdict: 'redirect', finalUrl: target, permanent: false };
    default:
      return { verdict: 'ok' };
  }
}

/**
 * The farm runs in a child process of its own, as does the checker, so the servers don't share
 * the checker's event loop (real servers are elsewhere) and the checker's RSS is measured alone.
 * Plain JavaScript, so the child needs no TypeScript loader. Answers by path `/<kind>/<id>`; "once" behaviours remember paths.
 */
const FARM_SOURCE = `
const http = require('node:http');
const LATENCY_MS = ${LATENCY_MS};
const SLOW_EXTRA_MS = ${SLOW_EXTRA_MS};
const stats = {};
const servers = [];
process.on('message', async (message) => {
  if (message.type === 'start') {
    const origins = [];
    for (const host of message.hosts) {
      const s = stats[host] = { inFlight: 0, maxConcurrent: 0, requests: 0, serviceMs: 0, pauses: [] };
      const seenOnce = new Set();
      const server = http.createServer((req, res) => {
        const path = req.url || '/';
        const [, kind = '', id = ''] = path.split('/');
        const latency = kind === 'slow' ? LATENCY_MS + SLOW_EXTRA_MS : LATENCY_MS;
        s.inFlight += 1; s.requests += 1; s.serviceMs += latency;
        s.maxConcurrent = Math.max(s.maxConcurrent, s.inFlight);
        res.on('close', () => { s.inFlight -= 1; });
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
      server.keepAliveTimeout = 10000;
      await new Promise((resolve, reject) => { server.once('error', reject); server.listen(0, host, resolve); });
      servers.push(server);
      origins.push('http://' + host + ':' + server.address().port);
    }
    process.send({ type: 'ready', origins });
  } else if (message.type === 'stop') {
    for (const server of servers) { server.closeAllConnections(); server.close(); }
    process.send({ type: 'stats', stats, maxRssMb: process.resourceUsage().maxRSS / 1024 }, () => process.exit(0));
  }
});
`;

/** The child's next message; rejects if it exits first (a crash would otherwise hang the bench). */
async function nextMessage<T>(child: ChildProcess, name: string): Promise<T> {
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

/** Total length of the union of [start, end] intervals. */
function unionMs(intervals: Array<[number, number]>): number {
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

/** Runs the benchmark and prints its figures; throws when a verdict or the per-host limit is wrong. */
export async function runLinkBench(): Promise<void> {
  if (!existsSync(BUILT_CHECKER)) throw new Error(`${BUILT_CHECKER} is missing: run \`npm run build\` first`);
  const random = seeded(20_26);
  const links: Link[] = [];
  const counts = hostCounts();
  const hosts = Array.from({ length: HOSTS }, (_, h) => `127.0.1.${h + 1}`);
  const dir = mkdtempSync(join(tmpdir(), 'lint-lists-bench-'));
  const farmFile = join(dir, 'farm.cjs');
  writeFileSync(farmFile, FARM_SOURCE);
  const farm = fork(farmFile, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  farm.send({ type: 'start', hosts });
  const ready = await nextMessage<{ origins: string[] }>(farm, 'farm');
  hosts.forEach((host, h) => {
    const origin = ready.origins[h] ?? '';
    for (let i = 0; i < (counts[h] ?? 0); i += 1) {
      const kind = pickKind(random);
      const id = `${h}-${i}`;
      links.push({ url: `${origin}/${kind}/${id}`, kind, host, expected: expectation(kind, origin, id) });
    }
  });

  const options: Partial<LinkCheckerOptions> = {
    allowPrivate: ['127.0.0.0/8', '::1'],
    concurrency: CONCURRENCY,
    perHostIntervalMs: INTERVAL_MS,
  };
  // The checker runs in its own process (the built dist/, no TS loader) so its peak RSS is its own.
  const checkerProcess = fork(CHECKER_CHILD, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let checked: CheckerReply;
  try {
    await nextMessage(checkerProcess, 'checker');
    const checkerReply = nextMessage<CheckerReply>(checkerProcess, 'checker');
    checkerProcess.send({ urls: links.map((link) => link.url), options });
    checked = await checkerReply;
  } catch (error) {
    farm.kill();
    throw error;
  }
  const { results, wallMs } = checked;
  const farmExit = once(farm, 'exit');
  const statsReply = nextMessage<{ stats: Record<string, HostStats>; maxRssMb: number }>(farm, 'farm');
  farm.send({ type: 'stop' });
  const { stats: farmStats, maxRssMb: farmRssMb } = await statsReply;
  await farmExit;
  rmSync(dir, { recursive: true, force: true });
  const stats = new Map(Object.entries(farmStats));

  const mismatches: string[] = [];
  results.forEach((result, i) => {
    const link = links[i];
    if (!link) return;
    const { expected } = link;
    const isMatch =
      result.verdict === expected.verdict &&
      (expected.finalUrl === undefined || result.finalUrl === expected.finalUrl) &&
      (expected.permanent === undefined || result.permanent === expected.permanent);
    if (!isMatch) mismatches.push(`${link.url}: expected ${JSON.stringify(expected)}, got ${result.verdict} ${result.reason ?? ''}`);
  });

  const boundOf = (s: HostStats): number => s.serviceMs / PER_HOST + unionMs(s.pauses);
  const entries = [...stats.entries()];
  const [busiestHost, busiest] = entries.reduce((a, b) => (b[1].requests > a[1].requests ? b : a));
  const [boundHost, boundStats] = entries.reduce((a, b) => (boundOf(b[1]) > boundOf(a[1]) ? b : a));
  const maxPerHost = Math.max(...entries.map(([, s]) => s.maxConcurrent));
  const totalRequests = entries.reduce((sum, [, s]) => sum + s.requests, 0);
  const bound = boundOf(boundStats);
  const rssMb = checked.maxRssMb;
  const parentRssMb = process.resourceUsage().maxRSS / 1024;
  const ratio = wallMs / bound;

  const lines = [
    `links: ${LINKS} on ${HOSTS} hosts, latency ${LATENCY_MS} ms, per-host limit ${PER_HOST}, global ${CONCURRENCY}, interval ${INTERVAL_MS} ms`,
    `wall time: ${(wallMs / 1000).toFixed(2)} s`,
    `total requests: ${totalRequests} (client counted ${checked.stats.requests})`,
    `busiest host ${busiestHost}: ${busiest.requests} requests, bound ${(boundOf(busiest) / 1000).toFixed(2)} s (${busiest.serviceMs} ms service / ${PER_HOST} + ${unionMs(busiest.pauses)} ms Retry-After waits)`,
    `slowest-bound host ${boundHost}: bound ${(bound / 1000).toFixed(2)} s; wall / bound = ${ratio.toFixed(3)} (target ≤ 1.15)`,
    `max concurrent requests per host (server-side): ${maxPerHost} (limit ${PER_HOST}); client peak in flight ${checked.stats.maxInFlight}`,
    `checker peak RSS: ${rssMb.toFixed(0)} MB (target < 200 MB; ${checked.rssBeforeMb.toFixed(0)} MB before the run, heap ${checked.heapUsedMb.toFixed(0)} MB in use after it)`,
    `  at the sampled peak: heap ${checked.atPeakMb.heapUsed.toFixed(0)} MB used of ${checked.atPeakMb.heapTotal.toFixed(0)} MB, external ${checked.atPeakMb.external.toFixed(0)} MB (array buffers ${checked.atPeakMb.arrayBuffers.toFixed(0)} MB)`,
    `not counted: farm process peak RSS ${farmRssMb.toFixed(0)} MB, bench process (tsx) peak RSS ${parentRssMb.toFixed(0)} MB`,
    `checker CPU: ${checked.cpuMs.toFixed(0)} ms; event-loop delay p99 ${checked.loopDelayP99Ms.toFixed(0)} ms, max ${checked.loopDelayMaxMs.toFixed(0)} ms`,
    `verdicts: ${results.length - mismatches.length}/${results.length} as scripted`,
    ...mismatches.slice(0, 20).map((m) => `  mismatch ${m}`),
  ];
  console.log(lines.join('\n'));
  // Correctness failures throw; timing and memory depend on the machine, so they are reported.
  const failures = [
    ...(mismatches.length > 0 ? [`${mismatches.length} verdict mismatches`] : []),
    ...(maxPerHost > PER_HOST ? [`per-host concurrency ${maxPerHost} above ${PER_HOST}`] : []),
  ];
  const missed = [...(ratio > 1.15 ? [`wall/bound ${ratio.toFixed(3)} above 1.15`] : []), ...(rssMb >= 200 ? [`checker peak RSS ${rssMb.toFixed(0)} MB`] : [])];
  console.log(missed.length > 0 ? `targets missed: ${missed.join('; ')}` : 'all targets met');
  if (failures.length > 0) throw new Error(`link benchmark failed: ${failures.join('; ')}`);
}
