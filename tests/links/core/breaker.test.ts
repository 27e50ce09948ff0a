// The host breaker on its own: streaks, trips, and the streak signal the scheduler narrows a failing host with.
import { describe, expect, it } from 'vitest';
import { createHostBreaker } from '../../../src/links/breaker.js';

describe('createHostBreaker', () => {
  it('opens after the configured run of consecutive failures and tells which kind tripped it', () => {
    const breaker = createHostBreaker(3);
    breaker.record('a', 'timeout');
    breaker.record('a', 'connect');
    expect(breaker.refusal('a')).toBeUndefined();
    breaker.record('a', 'timeout');
    expect(breaker.refusal('a')).toMatchObject({ verdict: 'timeout', reason: expect.stringMatching(/^not requested: a timed out 3 times in a row/) });
    expect(breaker.trippedHosts()).toEqual(['a']);
  });

  it('signals the start and the end of a streak once each, and an answer resets the count', () => {
    const heard: Array<[string, boolean]> = [];
    const breaker = createHostBreaker(3, (host, isFailing) => heard.push([host, isFailing]));
    breaker.record('a', undefined);
    breaker.record('a', 'timeout');
    breaker.record('a', 'timeout');
    breaker.record('a', undefined);
    breaker.record('a', undefined);
    breaker.record('a', 'connect');
    breaker.record('a', 'connect');
    expect(breaker.refusal('a')).toBeUndefined();
    expect(heard).toEqual([
      ['a', true],
      ['a', false],
      ['a', true],
    ]);
  });

  it('is off at 0: never opens and never narrows a host', () => {
    const heard: string[] = [];
    const breaker = createHostBreaker(0, (host) => heard.push(host));
    for (let i = 0; i < 10; i += 1) breaker.record('a', 'timeout');
    expect(breaker.refusal('a')).toBeUndefined();
    expect(heard).toEqual([]);
  });
});
