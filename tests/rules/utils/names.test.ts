import { describe, expect, it } from 'vitest';
import { NameIndex, allowedEdits, editDistance, nameFromUrl, wordsOf } from '../../../src/rules/utils/names.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('mlflow', 'mlflow', 2)).toBe(0);
    expect(editDistance('mlfow', 'mlflow', 2)).toBe(1);
    expect(editDistance('pyhton', 'python', 2)).toBe(1);
    expect(editDistance('kubernets', 'kubernetes', 2)).toBe(1);
    expect(editDistance('tensrflw', 'tensorflow', 2)).toBe(2);
  });

  it('gives up above the limit', () => {
    expect(editDistance('alpha', 'omega', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('allowedEdits', () => {
  it('scales with the name length', () => {
    expect(allowedEdits(3)).toBe(0);
    expect(allowedEdits(4)).toBe(1);
    expect(allowedEdits(6)).toBe(1);
    expect(allowedEdits(7)).toBe(2);
  });
});

describe('nameFromUrl', () => {
  it('takes the repository of a forge URL', () => {
    expect(nameFromUrl('https://github.com/mlflow/mlflow')).toBe('mlflow');
    expect(nameFromUrl('https://github.com/owner/repo.git')).toBe('repo');
    expect(nameFromUrl('https://gitlab.com/group/project/')).toBe('project');
  });

  it('takes the main domain label of a home page', () => {
    expect(nameFromUrl('https://mlflow.org')).toBe('mlflow');
    expect(nameFromUrl('https://www.tensorflow.org/')).toBe('tensorflow');
    expect(nameFromUrl('https://example.co.uk')).toBe('example');
    expect(nameFromUrl('https://pypi.org/project/requests/')).toBe('requests');
  });

  it('gives nothing for deep links, profiles and non-web URLs', () => {
    expect(nameFromUrl('https://vimeo.com/12345')).toBeUndefined();
    expect(nameFromUrl('https://github.com/mlflow')).toBeUndefined();
    expect(nameFromUrl('https://github.com/a/b/blob/main/README.md')).toBeUndefined();
    expect(nameFromUrl('mailto:someone@example.com')).toBeUndefined();
    expect(nameFromUrl('not a url')).toBeUndefined();
  });
});

describe('wordsOf', () => {
  it('finds words with their offsets, stripping brackets, quotes and possessives', () => {
    expect(wordsOf('"GitHub\'s" (Node.js) tools.', 10)).toEqual([
      { text: 'GitHub', offset: 11 },
      { text: 'Node.js', offset: 22 },
      { text: 'tools', offset: 31 },
    ]);
  });

  it('skips code spans, URLs and identifiers', () => {
    expect(wordsOf('`github` https://github.com owner/github node_modules Python', 0).map((w) => w.text)).toEqual(['Python']);
  });

  it('finishes on a hostile 1 MB line', () => {
    wordsOf('a'.repeat(500_000) + ' ' + '_'.repeat(500_000), 0);
  });
});

describe('NameIndex', () => {
  const index = new NameIndex();
  for (const name of ['MLflow', 'TensorFlow', 'Kubernetes', 'Python']) index.add(name);

  it('suggests the name a word most likely misspells', () => {
    expect(index.nearMiss('Mlfow')).toBe('MLflow');
    expect(index.nearMiss('Tensorflw')).toBe('TensorFlow');
    expect(index.nearMiss('Kuberentes')).toBe('Kubernetes');
  });

  it('leaves names, variants, short words and far words alone', () => {
    expect(index.nearMiss('mlflow')).toBeUndefined();
    expect(index.nearMiss('Pythons')).toBeUndefined();
    expect(index.nearMiss('Py')).toBeUndefined();
    expect(index.nearMiss('Python3')).toBeUndefined();
    expect(index.nearMiss('Haskell')).toBeUndefined();
  });
});
