// The link benchmark's checker process: runs the link pipeline over the files it is sent and reports its own
// peak memory. Plain JavaScript importing the built dist/ (the bench builds first), so neither a TypeScript
// loader nor the bench's own data is counted in the checker's peak RSS.
import diagnostics from 'node:diagnostics_channel';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const { startLinkRun } = await import(new URL('../../dist/links/index.js', import.meta.url).href);
const { linksSchema } = await import(new URL('../../dist/config/links-schema.js', import.meta.url).href);

// Sockets as the checker holds them (the farm's own count lags when its event loop is saturated): created and not yet
// closed, and of those the ones not already destroyed (a destroyed socket's close event comes a loop turn later).
const sockets = new Set();
let maxOpenSockets = 0;
let maxLiveSockets = 0;
diagnostics.subscribe('net.client.socket', ({ socket }) => {
  sockets.add(socket);
  socket.once('close', () => sockets.delete(socket));
  maxOpenSockets = Math.max(maxOpenSockets, sockets.size);
  if (sockets.size > maxLiveSockets) {
    let live = 0;
    for (const s of sockets) if (!s.destroyed) live += 1;
    maxLiveSockets = Math.max(maxLiveSockets, live);
  }
});

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
 * the checker's stats, wall and CPU time, event-loop delay and memory figures. Each file's LinkRefs are built just
 * before it is added and dropped after, as the linter drops a file's tree once its links are out.
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
  const run = await startLinkRun({
    config: linksSchema.parse(links),
    cache,
    quiet: true,
    io: { stderr: (text) => process.stderr.write(text), stderrIsTTY: false, env: {}, cwd },
  });
  for (let f = 0; f < files.length; f += 1) {
    const { file, urls } = files[f];
    // The checker keeps its own compact records: the sent list is dropped as the linter drops a file's tree.
    files[f] = undefined;
    run.addFile({ file, links: urls.map((url, i) => linkRef(url, i + 1)) });
    // Yield between files, as a linter parsing the next file would.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const outcome = await run.finish();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  loopDelay.disable();
  clearInterval(sampler);
  // Read before the reply is serialised: the peak is the checker's, not the bench's transport.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
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
