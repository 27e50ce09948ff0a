import { describe, expect, it } from 'vitest';
import { findImbalance } from '../../../src/rules/utils/structure-balance.js';

describe('findImbalance', () => {
  it.each([
    'Does foo (and bar).',
    'Uses `f(x` in code.',
    'Happy :) and sad :( and winking ;-) and =)',
    'Steps: 1) install 2) run a) fast b) small iv) done.',
    'See https://en.wikipedia.org/wiki/Foo_(bar) for more.',
    '[Foo](https://en.wikipedia.org/wiki/Foo_(bar)) is a band.',
    'A 27" monitor.',
    'Called „Zitat“ in German.',
    'A “curly” quote and it’s fine, it\'s fine.',
    '<img alt="(" src="x.png"> is HTML.',
    'Escaped \\( paren.',
    '- [x] done [^1]',
    '``code with ` inside`` and (parens).',
    'Assignment f=(x) outside code.',
  ])('accepts %s', (text) => {
    expect(findImbalance(text)).toBeUndefined();
  });

  it.each([
    ['Does foo (and bar.', 'unclosed', '(', 9],
    ['Does foo bar) baz.', 'unopened', ')', 12],
    ['A paragraph] here.', 'unopened', ']', 11],
    ['The "best tool.', 'unclosed', '"', 4],
    ['A “curly quote.', 'unclosed', '“', 2],
    ['Unmatched `code (paren.', 'unclosed', '(', 16],
  ] as const)('flags %s', (text, kind, char, index) => {
    expect(findImbalance(text)).toMatchObject({ kind, char, index });
  });

  it('finishes on 1 MB of hostile openers', () => {
    const hostile = ['`'.repeat(1), '``', '<a', '(', 'http://x(', ':('].map((piece) => piece.repeat(200_000)).join(' ');
    findImbalance(hostile);
  });
});
