// Link-checker benchmark: loopback link farms with a realistic mix of answers (hanging hosts included), checked
// through the whole link pipeline at the shipped settings; prints wall time against the ideal bound for those
// settings, peak RSS, open sockets and per-host concurrency, and verifies every verdict.
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LINKS } from '../../src/config/defaults.js';
import type { Verdict } from '../../src/links/types.js';
import { LATENCY_MS, nextMessage, startFarm, unionMs, type FarmStats, type HostStats } from './link-farm.js';

const CHECKER_CHILD = fileURLToPath(new URL('./link-checker-child.mjs', import.meta.url));
const SOCKET_COUNTER = fileURLToPath(new URL('./socket-counter.cjs', import.meta.url));
const BUILT_PIPELINE = fileURLToPath(new URL('../../dist/engine/check-links.js', import.meta.url));
const LOOPBACK = ['127.0.0.0/8', '::1'];
/** Links per generated file: the pipeline takes them file by file. */
const LINKS_PER_FILE = 1_000;
/** No scenario may run longer than this: the child is killed and the scenario fails. */
const SCENARIO_LIMIT_MS = 15 * 60_000;

type Kind = 'ok' | 'dead' | 'p301' | 't302' | 'chain' | 'head405' | 'rl' | 'flaky' | 'slow' | 'hang';

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
  host: string;
  expected: { verdict: Verdict; finalUrl?: string; permanent?: boolean };
}

/** A scenario: links per host, which hosts hang, and whether a warm cache is reused. */
interface Scenario {
  name: string;
  counts: number[];
  /** Share of hosts (the tail, not the busiest) that accept connections and never answer. */
  hangingShare?: number;
  /** Drop the hanging hosts' links: the reference run of a hanging scenario. */
  isWithoutHanging?: boolean;
  /** Run twice with one cache; report the second run. */
  isWarmCache?: boolean;
}

/** What the checker process sends back (see link-checker-child.mjs). */
interface CheckerReply {
  verdicts: Record<string, [Verdict, string, boolean, boolean, boolean]>;
  wallMs: number;
  cpuMs: number;
  loopDelayP99Ms: number;
  rssBeforeMb: number;
  maxRssMb: number;
  /** Most sockets the checker had open at once, and most of them not already destroyed (closing). */
  maxOpenSockets: number;
  maxLiveSockets: number;
  /** `process.memoryUsage()` at the highest sampled RSS, in MB. */
  atPeakMb: Record<'rss' | 'heapTotal' | 'heapUsed' | 'external' | 'arrayBuffers', number>;
}

/** One scenario's figures. */
interface ScenarioResult {
  name: string;
  links: number;
  hosts: number;
  wallMs: number;
  boundMs: number;
  boundText: string;
  rssMb: number;
  /** What the sampled peak was made of. */
  peakText: string;
  maxOpenSockets: number;
  maxLiveSockets: number;
  /** The same, as the farm counted them: its count lags when its own event loop is saturated. */
  farmOpenSockets: number;
  connections: number;
  maxPerHost: number;
  requests: number;
  cpuMs: number;
  loopDelayP99Ms: number;
  /** First request to last answer, as the farm saw them. */
  farmSpanMs: number;
  lastHost: string;
  /** When the hanging hosts got their first request, counted from the run's first request. */
  hangingReachedText: string;
  mismatches: string[];
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

/** Links per host: one busy host (3 %), nine busy ones (1.2 % each), a long even tail. */
function spreadCounts(links: number, hosts: number): number[] {
  const counts = [Math.round(links * 0.03), ...new Array<number>(9).fill(Math.round(links * 0.012))];
  const rest = hosts - counts.length;
  const remaining = links - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; i < rest; i += 1) counts.push(Math.floor(remaining / rest) + (i < remaining % rest ? 1 : 0));
  return counts;
}

/** `share` of the links on the first host, the rest spread evenly. */
function skewedCounts(links: number, hosts: number, share: number): number[] {
  const first = Math.round(links * share);
  const rest = links - first;
  return [first, ...Array.from({ length: hosts - 1 }, (_, i) => Math.floor(rest / (hosts - 1)) + (i < rest % (hosts - 1) ? 1 : 0))];
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
  if (kind === 'dead') return { verdict: 'dead' };
  if (kind === 'hang') return { verdict: 'timeout' };
  if (kind === 'p301' || kind === 'chain') return { verdict: 'redirect', finalUrl: target, permanent: true };
  if (kind === 't302') return { verdict: 'redirect', finalUrl: target, permanent: false };
  return { verdict: 'ok' };
}

/** Hosts 127.0.x.y, skipping .0 and .255. */
function hostAddress(index: number): string {
  return `127.0.${10 + Math.floor(index / 250)}.${(index % 250) + 1}`;
}

/**
 * The ideal wall time at the shipped settings, from what the farm saw: a host can start a request only every
 * `interval` ms, serve at most `perHost` at once, and is silent during a Retry-After it announced; all hosts
 * together are held to the global limit. Retry backoff waits overlap other requests of the host, so they add nothing.
 */
function idealBound(stats: Record<string, HostStats>, hanging: ReadonlySet<string>): { boundMs: number; text: string } {
  const perHost = DEFAULT_LINKS.perHostConcurrency;
  const intervalMs = DEFAULT_LINKS.perHostIntervalMs;
  const entries = Object.entries(stats).filter(([host, s]) => s.requests > 0 && !hanging.has(host));
  const globalLimit = Math.min(DEFAULT_LINKS.concurrency, Object.keys(stats).length * perHost);
  const hostBound = (s: HostStats): number => Math.max((s.requests - 1) * intervalMs + LATENCY_MS, s.serviceMs / perHost) + unionMs(s.pauses);
  let worst: [string, HostStats] | undefined;
  for (const entry of entries) if (!worst || hostBound(entry[1]) > hostBound(worst[1])) worst = entry;
  const serviceMs = entries.reduce((sum, [, s]) => sum + s.serviceMs, 0);
  const hostMs = worst ? hostBound(worst[1]) : 0;
  const globalMs = serviceMs / globalLimit;
  const [host, s] = worst ?? ['-', { requests: 0, serviceMs: 0, pauses: [], maxConcurrent: 0, firstMs: 0, lastMs: 0 }];
  const text =
    `bound = max over hosts h of [max((r_h − 1)·i + L, S_h / c) + P_h], and Σ S_h / G; ` +
    `i = ${intervalMs} ms, c = ${perHost}, L = ${LATENCY_MS} ms, G = min(${DEFAULT_LINKS.concurrency}, hosts·c) = ${globalLimit}; ` +
    `busiest ${host}: r = ${s.requests}, S = ${s.serviceMs} ms, P = ${unionMs(s.pauses)} ms → ${(hostMs / 1000).toFixed(2)} s; ` +
    `Σ S / G = ${(globalMs / 1000).toFixed(2)} s`;
  return { boundMs: Math.max(hostMs, globalMs), text };
}

/** Runs the pipeline once in its own process over `links`, split into files; kills it past the scenario limit. */
async function runChecker(links: readonly Link[], cacheFile: string | false, cwd: string): Promise<CheckerReply> {
  const execArgv = ['--require', SOCKET_COUNTER, ...(process.env.BENCH_CHILD_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [])];
  const child = fork(CHECKER_CHILD, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const timer = setTimeout(() => child.kill(), SCENARIO_LIMIT_MS);
  try {
    await nextMessage(child, 'checker');
    const reply = nextMessage<CheckerReply>(child, 'checker');
    const files: Array<{ file: string; urls: string[] }> = [];
    for (let i = 0; i < links.length; i += LINKS_PER_FILE) {
      files.push({ file: `list-${files.length + 1}.md`, urls: links.slice(i, i + LINKS_PER_FILE).map((link) => link.url) });
    }
    child.send({ files, links: { allowPrivate: LOOPBACK }, cache: cacheFile, cwd });
    return await reply;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one scenario against a fresh farm and checks every verdict. */
async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const random = seeded(20_26);
  const hosts = scenario.counts.map((_, h) => hostAddress(h));
  const hangingCount = Math.round(hosts.length * (scenario.hangingShare ?? 0));
  // The tail hangs, not the busiest hosts: a dead small site is the common case.
  const hanging = new Set(hosts.slice(hosts.length - hangingCount));
  const farm = await startFarm(hosts);
  const links: Link[] = [];
  hosts.forEach((host, h) => {
    const origin = farm.origins[h] ?? '';
    const isHanging = hanging.has(host);
    for (let i = 0; i < (scenario.counts[h] ?? 0); i += 1) {
      const kind = isHanging ? 'hang' : pickKind(random);
      const id = `${h}-${i}`;
      if (isHanging && scenario.isWithoutHanging) continue;
      links.push({ url: `${origin}/${kind}/${id}`, host, expected: expectation(kind, origin, id) });
    }
  });
  const dir = mkdtempSync(join(tmpdir(), 'lint-lists-bench-cache-'));
  let checked: CheckerReply;
  let farmStats: FarmStats;
  try {
    if (scenario.isWarmCache) {
      await runChecker(links, 'cache.json', dir);
      await farm.mark();
    }
    checked = await runChecker(links, scenario.isWarmCache ? 'cache.json' : false, dir);
    farmStats = await farm.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const mismatches: string[] = [];
  for (const link of links) {
    const got = checked.verdicts[link.url];
    const { expected } = link;
    const isMatch =
      got !== undefined &&
      got[0] === expected.verdict &&
      (expected.finalUrl === undefined || got[1] === expected.finalUrl) &&
      (expected.permanent === undefined || got[2] === expected.permanent) &&
      // Warm: every success comes from the cache; failures are never cached, so they are checked again.
      (!scenario.isWarmCache || expected.verdict === 'dead' || got[3]);
    if (!isMatch) mismatches.push(`${link.url}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  }
  if (scenario.isWarmCache) {
    const requested = new Set(farmStats.pathsSinceMark);
    for (const link of links) {
      if (link.expected.verdict !== 'dead' && requested.has(new URL(link.url).pathname)) mismatches.push(`${link.url}: requested again despite a cached success`);
    }
  }
  const stats = Object.values(farmStats.hosts);
  const { boundMs, text } = idealBound(farmStats.hosts, hanging);
  return {
    name: scenario.name,
    links: links.length,
    hosts: hosts.length,
    wallMs: checked.wallMs,
    boundMs,
    boundText: text,
    rssMb: checked.maxRssMb,
    peakText: `heap ${checked.atPeakMb.heapUsed.toFixed(0)} MB used of ${checked.atPeakMb.heapTotal.toFixed(0)} MB, external ${checked.atPeakMb.external.toFixed(0)} MB, ${checked.rssBeforeMb.toFixed(0)} MB before the run`,
    maxOpenSockets: checked.maxOpenSockets,
    maxLiveSockets: checked.maxLiveSockets,
    farmOpenSockets: farmStats.maxOpenSockets,
    connections: farmStats.connections,
    maxPerHost: Math.max(...stats.map((s) => s.maxConcurrent)),
    requests: scenario.isWarmCache ? farmStats.pathsSinceMark.length : stats.reduce((sum, s) => sum + s.requests, 0),
    cpuMs: checked.cpuMs,
    loopDelayP99Ms: checked.loopDelayP99Ms,
    farmSpanMs: Math.max(...stats.map((s) => s.lastMs)) - Math.min(...stats.filter((s) => s.firstMs > 0).map((s) => s.firstMs)),
    lastHost: lastHostText(farmStats.hosts),
    hangingReachedText: reachedText(farmStats.hosts, hanging),
    mismatches,
  };
}

/** The host whose last answer came last, with its request count and span: where a slow run's tail sits. */
function lastHostText(hosts: Record<string, HostStats>): string {
  const [host, s] = Object.entries(hosts).reduce((a, b) => (b[1].lastMs > a[1].lastMs ? b : a));
  return `${host} (${s.requests} requests over ${((s.lastMs - s.firstMs) / 1000).toFixed(2)} s, ${s.pauses.length} Retry-After)`;
}

/** When the hanging hosts were first asked, after the run's first request: a late one lengthens the run by its wait. */
function reachedText(hosts: Record<string, HostStats>, hanging: ReadonlySet<string>): string {
  const stats = Object.entries(hosts).filter(([, s]) => s.firstMs > 0);
  const origin = Math.min(...stats.map(([, s]) => s.firstMs));
  const reached = stats
    .filter(([host]) => hanging.has(host))
    .map(([, s]) => (s.firstMs - origin) / 1000)
    .sort((a, b) => a - b);
  if (reached.length === 0) return '';
  return `hanging hosts first asked ${reached[Math.floor(reached.length / 2)]!.toFixed(1)} s (median), ${reached.at(-1)!.toFixed(1)} s (last) after the first request`;
}

/** The scenarios: a quick set by default, the large ones with `BENCH_LINKS=full`, one of your own with `BENCH_LINKS_CUSTOM=links,hosts`. */
function scenarios(isFull: boolean): Scenario[] {
  const quick: Scenario[] = [
    { name: 'defaults 2,000 links / 50 hosts', counts: spreadCounts(2_000, 50) },
    { name: 'warm cache, same 2,000 links (second run)', counts: spreadCounts(2_000, 50), isWarmCache: true },
    { name: 'defaults 10,000 links / 200 hosts', counts: spreadCounts(10_000, 200) },
    { name: '10,000 / 200 hosts, hanging hosts removed', counts: spreadCounts(10_000, 200), hangingShare: 0.3, isWithoutHanging: true },
    { name: '10,000 / 200 hosts, 30 % of hosts hanging', counts: spreadCounts(10_000, 200), hangingShare: 0.3 },
  ];
  const custom = process.env.BENCH_LINKS_CUSTOM?.split(',').map(Number);
  if (custom) return [{ name: `custom ${custom[0]} / ${custom[1]}`, counts: spreadCounts(custom[0]!, custom[1]!) }];
  if (!isFull) return quick;
  return [
    ...quick,
    { name: 'skewed 2,000 links, 80 % on one host', counts: skewedCounts(2_000, 50, 0.8) },
    { name: 'defaults 50,000 links / 1,000 hosts', counts: spreadCounts(50_000, 1_000) },
    { name: '20,000 / 500 hosts, hanging hosts removed', counts: spreadCounts(20_000, 500), hangingShare: 0.3, isWithoutHanging: true },
    { name: '20,000 / 500 hosts, 30 % of hosts hanging', counts: spreadCounts(20_000, 500), hangingShare: 0.3 },
    { name: '50,000 / 1,000 hosts, 30 % of hosts hanging', counts: spreadCounts(50_000, 1_000), hangingShare: 0.3 },
  ];
}

/** Runs the benchmark and prints its figures; throws when a verdict or the per-host limit is wrong. */
export async function runLinkBench(): Promise<void> {
  if (!existsSync(BUILT_PIPELINE)) throw new Error(`${BUILT_PIPELINE} is missing: run \`npm run build\` first`);
  const only = process.env.BENCH_LINKS_ONLY;
  const list = scenarios(process.env.BENCH_LINKS === 'full').filter((s) => !only || s.name.includes(only));
  const results: ScenarioResult[] = [];
  const failures: string[] = [];
  console.log(`Links (shipped settings: per-host ${DEFAULT_LINKS.perHostConcurrency}, interval ${DEFAULT_LINKS.perHostIntervalMs} ms, retries ${DEFAULT_LINKS.retries}, timeout ${DEFAULT_LINKS.timeoutMs} ms, breaker ${DEFAULT_LINKS.breakerFailures}; latency ${LATENCY_MS} ms)\n`);
  for (const scenario of list) {
    const r = await runScenario(scenario);
    results.push(r);
    const ratio = r.wallMs / r.boundMs;
    // A warm run has no bound to speak of: what counts is that it made no request for a cached success.
    const timing = scenario.isWarmCache
      ? [`${r.name}: ${r.links} links, wall ${(r.wallMs / 1000).toFixed(2)} s, ${r.requests} paths requested (failures are re-checked)`]
      : [`${r.name}: ${r.links} links, wall ${(r.wallMs / 1000).toFixed(2)} s, bound ${(r.boundMs / 1000).toFixed(2)} s, ratio ${ratio.toFixed(2)} (target ≤ 1.15)`, `  ${r.boundText}`];
    console.log(
      [
        ...timing,
        `  checker CPU ${(r.cpuMs / 1000).toFixed(1)} s, event-loop delay p99 ${r.loopDelayP99Ms.toFixed(0)} ms; farm span ${(r.farmSpanMs / 1000).toFixed(2)} s, last host done ${r.lastHost}`,
        `  checker peak RSS ${r.rssMb.toFixed(0)} MB (at the sampled peak: ${r.peakText}); max open sockets ${r.maxLiveSockets} in use (${r.maxOpenSockets} with those closing; ${r.farmOpenSockets} as the farm counted them; global limit ${Math.min(DEFAULT_LINKS.concurrency, r.hosts * DEFAULT_LINKS.perHostConcurrency)}); max per host ${r.maxPerHost}; requests ${r.requests} over ${r.connections} connections`,
        ...(r.hangingReachedText ? [`  ${r.hangingReachedText}`] : []),
        `  verdicts ${r.links - r.mismatches.length}/${r.links} as scripted`,
        ...r.mismatches.slice(0, 10).map((m) => `  mismatch ${m}`),
      ].join('\n'),
    );
    if (r.mismatches.length > 0) failures.push(`${r.name}: ${r.mismatches.length} verdict mismatches`);
    if (r.maxPerHost > DEFAULT_LINKS.perHostConcurrency) failures.push(`${r.name}: ${r.maxPerHost} requests at once on one host`);
  }
  // Each hanging run against its reference without the hanging hosts' links: 1.2 × that, plus one breaker trip.
  for (const clean of results.filter((r) => r.name.includes('hanging hosts removed'))) {
    const prefix = clean.name.slice(0, clean.name.indexOf(','));
    const hung = results.find((r) => r.name.startsWith(`${prefix},`) && r.name.includes('hanging') && r !== clean);
    if (!hung) continue;
    const targetMs = 1.2 * clean.wallMs + DEFAULT_LINKS.timeoutMs;
    console.log(`hanging hosts (${prefix}): ${(hung.wallMs / 1000).toFixed(2)} s against 1.2 × ${(clean.wallMs / 1000).toFixed(2)} s + one breaker trip (${DEFAULT_LINKS.timeoutMs / 1000} s) = ${(targetMs / 1000).toFixed(2)} s`);
  }
  if (failures.length > 0) throw new Error(`link benchmark failed: ${failures.join('; ')}`);
}
