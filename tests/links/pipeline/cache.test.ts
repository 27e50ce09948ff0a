import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLinkCache } from '../../../src/links/cache.js';
import type { CheckResult } from '../../../src/links/check-options.js';

let dir: string;
let file: string;
let clock: number;
const warnings: string[] = [];
const open = () => openLinkCache({ file, ttlHours: 24, warn: (m) => warnings.push(m), now: () => clock });
const result = (url: string, verdict: CheckResult['verdict'], extra: Partial<CheckResult> = {}): CheckResult => ({ url, verdict, attempts: 1, durationMs: 5, ...extra });
const HOUR = 3600 * 1000;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lint-lists-cache-'));
  file = path.join(dir, 'sub', '.lint-lists-cache.json');
  clock = Date.UTC(2026, 0, 1);
  warnings.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('link cache', () => {
  it('reuses successes within the TTL and not after', async () => {
    const first = await open();
    first.record(result('https://a.example/', 'redirect', { finalUrl: 'https://b.example/', permanent: true, redirects: [{ url: 'https://a.example/', status: 301 }] }));
    await first.save();
    clock += 23 * HOUR;
    const hit = (await open()).lookup('https://a.example/');
    expect(hit).toMatchObject({ verdict: 'redirect', finalUrl: 'https://b.example/', permanent: true, attempts: 0 });
    clock += 2 * HOUR;
    expect((await open()).lookup('https://a.example/')).toBeUndefined();
  });

  it('never serves failures, but counts them across separate runs until a success resets them', async () => {
    let cache = await open();
    expect(cache.record(result('https://d.example/', 'dead', { status: 404 }))).toBe(1);
    await cache.save();
    cache = await open();
    expect(cache.lookup('https://d.example/')).toBeUndefined();
    expect(cache.record(result('https://d.example/', 'error'))).toBe(2);
    await cache.save();
    cache = await open();
    expect(cache.record(result('https://d.example/', 'unverifiable'))).toBe(2);
    expect(cache.record(result('https://d.example/', 'ok', { status: 200 }))).toBe(0);
    await cache.save();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.version).toBe(1);
    expect(saved.entries['https://d.example/']).toMatchObject({ verdict: 'ok', failures: 0 });
  });

  it('keeps when the failure streak started', async () => {
    let cache = await open();
    cache.record(result('https://d.example/', 'timeout'));
    await cache.save();
    const started = new Date(clock).toISOString();
    clock += HOUR;
    cache = await open();
    cache.record(result('https://d.example/', 'dead'));
    await cache.save();
    expect(JSON.parse(readFileSync(file, 'utf8')).entries['https://d.example/']).toMatchObject({ failures: 2, firstFailedAt: started });
  });

  it('ignores a corrupt cache with a warning and never crashes', async () => {
    await (await open()).save();
    writeFileSync(file, '{"version": 1, "entries": {', 'utf8');
    const cache = await open();
    expect(cache.lookup('https://a.example/')).toBeUndefined();
    expect(warnings.join('')).toContain('corrupt link cache');
    writeFileSync(file, JSON.stringify({ version: 7, entries: {} }), 'utf8');
    await open();
    expect(warnings.join('')).toContain('not a version 1 cache file');
  });

  it('drops malformed entries one by one', async () => {
    await (await open()).save();
    const checkedAt = new Date(clock).toISOString();
    writeFileSync(file, JSON.stringify({ version: 1, entries: { 'https://good.example/': { verdict: 'ok', checkedAt, failures: 0 }, 'https://bad.example/': { verdict: 'ok', checkedAt: 'yesterday', failures: 0 } } }));
    const cache = await open();
    expect(cache.lookup('https://good.example/')).toMatchObject({ verdict: 'ok' });
    expect(cache.lookup('https://bad.example/')).toBeUndefined();
  });

  it('writes atomically: no temp files left, and the file is always whole JSON', async () => {
    const cache = await open();
    for (let i = 0; i < 50; i++) cache.record(result(`https://h${i}.example/`, 'ok'));
    await Promise.all([cache.save(), cache.save(), cache.save()]);
    expect(readdirSync(path.dirname(file))).toEqual(['.lint-lists-cache.json']);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries)).toHaveLength(50);
  });
});
