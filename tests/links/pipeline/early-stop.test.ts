// Offline, a run stops as soon as the evidence is conclusive instead of waiting for every lookup to fail.
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../../src/cli/io.js';
import { checkLinks, createOfflineWatch, NETWORK_DOWN_MESSAGE, OFFLINE_EARLY_STOP_HOSTS } from '../../../src/links/index.js';
import type { CheckResult, LinkChecker } from '../../../src/links/check.js';
import { linksConfig, refsIn } from './helpers.js';

const offline = (url: string): CheckResult => ({ url, verdict: 'error', reason: 'EAI_AGAIN', failureClass: 'resolver', attempts: 1, durationMs: 5 });

describe('createOfflineWatch', () => {
  it('says stop once enough distinct hosts failed at DNS or connect and none answered', () => {
    const watch = createOfflineWatch();
    const verdicts = Array.from({ length: OFFLINE_EARLY_STOP_HOSTS }, (_, i) => watch.record(`h${i}.example`, offline(`https://h${i}.example/`)));
    expect(verdicts.slice(0, -1).every((stop) => !stop)).toBe(true);
    expect(verdicts.at(-1)).toBe(true);
  });

  it('never says stop once any host answered, and does not count one host twice', () => {
    const watch = createOfflineWatch();
    for (let i = 0; i < 20; i++) expect(watch.record('same.example', offline('https://same.example/'))).toBe(false);
    watch.record('up.example', { url: 'https://up.example/', verdict: 'dead', status: 404, attempts: 1, durationMs: 5 });
    for (let i = 0; i < 20; i++) expect(watch.record(`h${i}.example`, offline(`https://h${i}.example/`))).toBe(false);
  });
});

describe('checkLinks offline', () => {
  it('stops fetching early, reports the network down once and withholds every failure', async () => {
    const markdown = Array.from({ length: 30 }, (_, i) => `- [Site ${i}](https://site${i}.example/) - Site.`).join('\n');
    let attempted = 0;
    const factory = (): LinkChecker => {
      let order = 0;
      let isStopped = false;
      return {
        async check(url) {
          // Lookups fail one after another, as they would offline; a stopped checker starts nothing more.
          await delay(order++ * 2);
          if (isStopped) return { url, verdict: 'error', reason: 'not checked', attempts: 0, durationMs: 0 };
          attempted++;
          return offline(url);
        },
        stop() {
          isStopped = true;
        },
        async close() {},
        stats: () => ({ maxInFlightPerHost: {}, maxInFlight: 0, requests: attempted }),
      };
    };
    const io = captureIo({ cwd: process.cwd() });
    const outcome = await checkLinks({ files: [{ file: 'list.md', links: refsIn(markdown) }], config: linksConfig(), cache: false, io, checkerFactory: factory, quiet: true });

    expect(outcome.networkDown).toBe(true);
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.results).toEqual([]);
    expect(io.err).toEqual([`${NETWORK_DOWN_MESSAGE}\n`]);
    expect(attempted).toBe(OFFLINE_EARLY_STOP_HOSTS);
  });
});
