import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../../src/cli/io.js';
import { applyEdits } from '../../../src/lint/apply-edits.js';
import { checkLinks } from '../../../src/links/index.js';
import { linksConfig, refsIn } from './helpers.js';

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/ok' || req.url === '/new') res.writeHead(200, { 'content-type': 'text/plain' }).end('fine');
    else if (req.url === '/old') res.writeHead(301, { location: '/new' }).end();
    else res.writeHead(404).end('no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('checkLinks through the real HTTP checker on loopback', () => {
  it('finds dead links and fixable permanent redirects', async () => {
    const markdown = [`- [OK](${base}/ok) - Fine.`, `- [Gone](${base}/gone) - Gone.`, `- [Old](${base}/old#top) - Moved.`].join('\n');
    const io = captureIo({ cwd: process.cwd() });
    const outcome = await checkLinks({
      files: [{ file: 'list.md', links: refsIn(markdown) }],
      config: linksConfig({ perHostIntervalMs: 0, retries: 0 }),
      cache: false,
      allowPrivate: ['127.0.0.1'],
      quiet: true,
      io,
    });
    expect(outcome.networkDown).toBe(false);
    expect(Object.fromEntries(outcome.results.map((r) => [r.url.slice(base.length), r.verdict]))).toEqual({ '/ok': 'ok', '/gone': 'dead', '/old': 'redirect' });
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.start.line])).toEqual([
      ['link-dead', 2],
      ['link-redirect', 3],
    ]);
    const fixed = applyEdits(markdown, outcome.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []))).text;
    expect(fixed.split('\n')[2]).toBe(`- [Old](${base}/new#top) - Moved.`);
  });

  it('a refused connection proves the network is up: each closed port is a finding, not "network down"', async () => {
    // Ports nothing listens on, on three distinct loopback hosts: every connect is refused.
    const closed = await new Promise<number>((resolve) => {
      const probe = http.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const hosts = ['127.0.0.2', '127.0.0.3', '127.0.0.4'];
    const markdown = hosts.map((host) => `- [X](http://${host}:${closed}/) - Down.`).join('\n');
    const io = captureIo({ cwd: process.cwd() });
    const outcome = await checkLinks({
      files: [{ file: 'list.md', links: refsIn(markdown) }],
      config: linksConfig({ retries: 0, perHostIntervalMs: 0 }),
      cache: false,
      allowPrivate: hosts,
      quiet: true,
      io,
    });
    expect(outcome.networkDown).toBe(false);
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.severity, d.start.line])).toEqual([
      ['link-error', 'error', 1],
      ['link-error', 'error', 2],
      ['link-error', 'error', 3],
    ]);
    expect(outcome.diagnostics[0]?.message).toContain('ECONNREFUSED');
    expect(io.err.join('')).not.toContain('Network unreachable');
  });
});
