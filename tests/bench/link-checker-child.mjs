// The link benchmark's checker process: runs the engine's link stage (which checks on a worker thread) over the
// files it is sent and reports the process's peak memory, worker included. Plain JavaScript importing the built
// dist/ (the bench builds first), so neither a TypeScript loader nor the bench's own data is counted in its peak RSS.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { BroadcastChannel } from 'node:worker_threads';

const { runLinkChecks } = await import(new URL('../../dist/engine/check-links.js', import.meta.url).href);
const { linksSchema } = await import(new URL('../../dist/config/links-schema.js', import.meta.url).href);

// The link check runs on a worker thread; socket-counter.cjs (preloaded there) reports the sockets it holds.
let maxOpenSockets = 0;
let maxLiveSockets = 0;
const socketCounts = new BroadcastChannel('lint-lists-bench-sockets');
socketCounts.unref();
socketCounts.onmessage = ({ data }) => {
  maxOpenSockets = Math.max(maxOpenSockets, data.maxOpen);
  maxLiveSockets = Math.max(maxLiveSockets, data.maxLive);
};

/** A LinkRef as the list model would hand it over for `url` on line `line` of a file. */
function linkRef(url, line) {
  const start = { line, column: 3, offset: line * 80 };
  const urlStart = { line, column: 10, offset: line * 80 + 7 };
  const urlEnd = { line, column: 10 + url.length, offset: line * 80 + 7 + url.length };
  const end = { line, column: 11 + url.length, offset: line * 80 + 8 + url.length };
  return { syntax: 'inline', text: 'Project', url, range: { start, end }, urlRange: { start: urlStart, end: urlEnd }, isImage: false, isBadge: false };
}

/**
 * One message in, `{ files: [{ file, urls }], links, cache }`; one message out: the verdict per URL (keyed by URL),
 * the checker's stats, wall and CPU time, event-loop delay and memory figures. The run goes through the engine's link
 * stage, as `lint-lists` runs it: every file's LinkRefs exist when it starts, as they do once the files are linted.
 */
process.once('message', async ({ files, links, cache, cwd }) => {
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
  let atPeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    if (usage.rss > atPeak.rss) atPeak = usage;
  }, 50);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const outcome = await runLinkChecks({
    files: files.map(({ file, urls }) => ({ file, links: urls.map((url, i) => linkRef(url, i + 1)) })),
    config: { links: linksSchema.parse(links) },
    argv: { fix: false, quiet: true, cache },
    io: { stderr: (text) => process.stderr.write(text), stderrIsTTY: false, env: {}, cwd },
  });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  loopDelay.disable();
  clearInterval(sampler);
  // Read before the reply is serialised: the peak is the checker's, not the bench's transport.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  // The worker's last socket counts may still be on their way.
  await sleep(100);
  socketCounts.close();
  const heapUsedMb = process.memoryUsage().heapUsed / 1024 / 1024;
  const verdicts = {};
  for (const result of outcome.results) {
    verdicts[result.url] = [result.verdict, result.finalUrl ?? '', result.permanent === true, result.fromCache, result.isHostClosed === true];
  }
  process.send(
    {
      verdicts,
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: loopDelay.max / 1e6,
      rssBeforeMb,
      maxRssMb,
      heapUsedMb,
      maxOpenSockets,
      maxLiveSockets,
      atPeakMb: Object.fromEntries(Object.entries(atPeak).map(([key, bytes]) => [key, bytes / 1024 / 1024])),
    },
    () => process.exit(0),
  );
});
process.send({ type: 'ready' });
