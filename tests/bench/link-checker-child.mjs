// The link benchmark's checker process: checks the URLs it is sent and reports its own peak memory.
// Plain JavaScript importing the built dist/ (the bench builds first), so neither a TypeScript
// loader nor the bench's own data is counted in the checker's peak RSS.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const { createLinkChecker } = await import(new URL('../../dist/links/check.js', import.meta.url).href);

/**
 * One message in, `{ urls, options }`; one message out: a compact result per URL (same order),
 * the checker's stats, wall and CPU time of the checks, event-loop delay and memory figures.
 */
process.once('message', async ({ urls, options }) => {
  const checker = createLinkChecker(options);
  // Event-loop delay and CPU time tell a run starved of CPU (a busy machine) from a slow checker.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
  // Sampled, so the report can say what the peak was made of (V8 heap or buffers outside it).
  let atPeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    if (usage.rss > atPeak.rss) atPeak = usage;
  }, 50);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const results = await Promise.all(urls.map((url) => checker.check(url)));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  loopDelay.disable();
  clearInterval(sampler);
  const stats = checker.stats();
  await checker.close();
  // Read before the reply is serialised: the peak is the checker's, not the bench's transport.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const heapUsedMb = process.memoryUsage().heapUsed / 1024 / 1024;
  process.send(
    {
      results: results.map(({ verdict, status, finalUrl, permanent, reason, attempts }) => ({
        verdict,
        status,
        finalUrl,
        permanent,
        reason,
        attempts,
      })),
      stats,
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: loopDelay.max / 1e6,
      rssBeforeMb,
      maxRssMb,
      heapUsedMb,
      atPeakMb: Object.fromEntries(Object.entries(atPeak).map(([key, bytes]) => [key, bytes / 1024 / 1024])),
    },
    () => process.exit(0),
  );
});
process.send({ type: 'ready' });
