// The engine's link stage: files handed to the link run one by one, their link references released as they go.
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../../src/config/resolve.js';
import { runLinkChecks } from '../../../src/engine/check-links.js';
import type { LinkProgressEvent } from '../../../src/links/index.js';
import { reply, startServer } from '../../helpers/servers.js';
import { linksConfig, refsIn } from './helpers.js';

const LOOPBACK = ['127.0.0.0/8', '::1'];

describe('runLinkChecks', () => {
  it("checks every file's links and leaves each input file without its link references", async () => {
    const server = await startServer({ host: '127.0.0.71', routes: { '/a': reply.status(200), '/b': reply.status(404) } });
    try {
      const files = [
        { file: 'one.md', links: refsIn(`- [A](${server.url('/a')})`) },
        { file: 'two.md', links: refsIn(`- [B](${server.url('/b')})\n- [A again](${server.url('/a')})`) },
      ];
      const totals: number[] = [];
      // Only what the link stage reads from a resolved config.
      const config = { links: linksConfig({ allowPrivate: LOOPBACK, perHostIntervalMs: 0 }) } as unknown as ResolvedConfig;
      const output = await runLinkChecks({
        files,
        config,
        argv: { fix: false, quiet: true, cache: false },
        io: { stderr: () => undefined, stderrIsTTY: false, env: {}, cwd: process.cwd() },
        onProgress: (event: LinkProgressEvent) => totals.push(event.total),
      });
      expect(output.results.map((r) => [r.url, r.verdict, r.occurrences.map((o) => o.file)])).toEqual([
        [server.url('/a'), 'ok', ['one.md', 'two.md']],
        [server.url('/b'), 'dead', ['two.md']],
      ]);
      expect(output.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([['two.md', 'link-dead']]);
      // Released once their URLs were out: nothing holds a file's link references for the rest of the run.
      expect(files.map((f) => f.links)).toEqual([[], []]);
      expect(totals.at(-1)).toBe(2);
      expect(server.requests.filter((r) => r.path === '/a')).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
