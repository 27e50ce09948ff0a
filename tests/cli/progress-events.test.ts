// The CLI draws the engine's link-progress events; the engine and the link checker print nothing themselves.
import { describe, expect, it } from 'vitest';
import { stderrEvents } from '../../src/cli/commands/lint.js';
import { captureIo } from '../../src/cli/io.js';

describe('stderrEvents', () => {
  it('draws progress on a terminal and clears it at the end; prints warnings as lines', () => {
    const io = captureIo({ cwd: '/', isTTY: true });
    const events = stderrEvents(io, false);
    events.onLinkProgress!({ checked: 1, total: 2, failing: 1, isDone: false });
    events.onLinkProgress!({ checked: 2, total: 2, failing: 1, isDone: false });
    events.onLinkProgress!({ checked: 2, total: 2, failing: 1, isDone: true });
    events.onWarning!('could not write link cache');
    const err = io.err.join('');
    expect(err).toContain('Checking links 1/2 · 1 failing');
    expect(err).toContain('Checking links 2/2 · 1 failing');
    expect(err.endsWith('\r\u001b[2Kcould not write link cache\n')).toBe(true);
  });

  it('draws nothing when quiet', () => {
    const io = captureIo({ cwd: '/', isTTY: true });
    stderrEvents(io, true).onLinkProgress!({ checked: 1, total: 1, failing: 0, isDone: false });
    expect(io.err).toEqual([]);
  });
});
