import { describe, expect, it } from 'vitest';
import { detectEol, normalizeEol } from '../../src/lint/eol.js';

describe('line endings', () => {
  it('detects the dominant ending', () => {
    expect(detectEol('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(detectEol('a\nb\r\n')).toBe('\n');
    expect(detectEol('no newline')).toBe('\n');
  });

  it('rewrites every ending as the one asked for', () => {
    expect(normalizeEol('a\nb\r\nc', '\r\n')).toBe('a\r\nb\r\nc');
    expect(normalizeEol('a\r\nb\n', '\n')).toBe('a\nb\n');
    expect(normalizeEol('plain', '\r\n')).toBe('plain');
  });
});
