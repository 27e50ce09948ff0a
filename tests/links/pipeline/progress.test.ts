import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/links/progress.js';

function sink(isTTY: boolean) {
  const written: string[] = [];
  return { written, io: { stderr: (text: string) => void written.push(text), stderrIsTTY: isTTY } };
}

describe('progress', () => {
  it('redraws one line on a terminal at most ~10 times a second, then clears it', () => {
    const { written, io } = sink(true);
    let clock = 0;
    const progress = createProgress({ io, total: 10_000, quiet: false, now: () => clock });
    for (let i = 1; i <= 100; i++) {
      clock += 10;
      progress.tick(i % 10 === 0);
    }
    progress.done();
    // 1 s of ticks every 10 ms: the first frame, then one per 100 ms, then the clearing.
    expect(written.length).toBeGreaterThanOrEqual(10);
    expect(written.length).toBeLessThanOrEqual(12);
    expect(written.every((text) => text.startsWith('\r') && !text.includes('\n'))).toBe(true);
    expect(written.at(-2)).toMatch(/^\r\u001b\[2KChecking links (9\d|100)\/10000 · \d+ failing · \d+\/s$/);
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });

  it('draws the final count on a terminal', () => {
    const { written, io } = sink(true);
    let clock = 0;
    const progress = createProgress({ io, total: 3, quiet: false, now: () => clock });
    for (let i = 0; i < 3; i++) {
      clock += 500;
      progress.tick(i === 1);
    }
    expect(written.at(-1)).toBe('\r\u001b[2KChecking links 3/3 · 1 failing · 2/s');
  });

  it('counts links found while earlier ones are checked', () => {
    const { written, io } = sink(true);
    let clock = 0;
    const progress = createProgress({ io, total: 0, quiet: false, now: () => clock });
    progress.expect(2);
    progress.tick(false);
    progress.expect(1);
    clock += 500;
    progress.tick(false);
    clock += 500;
    progress.tick(true);
    expect(written.at(-1)).toBe('\r\u001b[2KChecking links 3/3 · 1 failing · 3/s');
  });

  it('writes a line a minute when stderr is not a terminal', () => {
    const { written, io } = sink(false);
    let clock = 0;
    const progress = createProgress({ io, total: 500, quiet: false, now: () => clock });
    for (let i = 1; i <= 150; i++) {
      clock += 1000;
      progress.tick(i <= 3);
    }
    progress.done();
    expect(written).toEqual(['checked 60/500 links, 3 failing\n', 'checked 120/500 links, 3 failing\n']);
  });

  it('writes nothing when quiet', () => {
    const { written, io } = sink(true);
    const progress = createProgress({ io, total: 5, quiet: true, now: () => 0 });
    progress.tick(true);
    progress.done();
    expect(written).toEqual([]);
  });
});
