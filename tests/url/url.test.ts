import { describe, expect, it } from 'vitest';
import {
  hasScheme,
  hasSectionFragment,
  isLocalHost,
  nearDuplicateKey,
  normalizeUrlForDuplicates,
  splitUrl,
  stripTrackingParams,
} from '../../src/url/url.js';
import { isTrackingParam } from '../../src/url/tracking-params.js';

describe('isTrackingParam', () => {
  it('knows campaign families and click ids on any host', () => {
    expect(isTrackingParam('utm_source', 'example.com')).toBe(true);
    expect(isTrackingParam('UTM_Campaign', 'example.com')).toBe(true);
    expect(isTrackingParam('fbclid', '')).toBe(true);
    expect(isTrackingParam('utm_', 'example.com')).toBe(false);
    expect(isTrackingParam('id', 'example.com')).toBe(false);
  });

  it('treats host-specific names as tracking only on their hosts', () => {
    expect(isTrackingParam('si', 'youtu.be')).toBe(true);
    expect(isTrackingParam('si', 'open.spotify.com')).toBe(true);
    expect(isTrackingParam('si', 'example.com')).toBe(false);
    expect(isTrackingParam('ref', 'twitter.com')).toBe(true);
    expect(isTrackingParam('ref', 'x.com')).toBe(true);
    expect(isTrackingParam('ref', 'github.com')).toBe(false);
    expect(isTrackingParam('t', 'youtube.com')).toBe(false);
  });
});

describe('splitUrl', () => {
  it('cuts at the first ? before the fragment', () => {
    expect(splitUrl('https://a.b/p?x=1#f?g')).toEqual({ base: 'https://a.b/p', query: 'x=1', fragment: '#f?g' });
    expect(splitUrl('https://a.b/p#f')).toEqual({ base: 'https://a.b/p', fragment: '#f' });
  });
});

describe('stripTrackingParams', () => {
  it('keeps other parameters in order and the fragment', () => {
    expect(stripTrackingParams('https://a.b/p?utm_source=x&b=2&gclid=3&a=1#top')).toEqual({
      url: 'https://a.b/p?b=2&a=1#top',
      removed: ['utm_source', 'gclid'],
    });
  });

  it('drops a dangling ? when nothing is left', () => {
    expect(stripTrackingParams('https://a.b/p?utm_medium=mail').url).toBe('https://a.b/p');
    expect(stripTrackingParams('https://youtu.be/abc?si=xyz#t=1').url).toBe('https://youtu.be/abc#t=1');
  });

  it('leaves URLs without tracking untouched', () => {
    expect(stripTrackingParams('https://example.com/?si=1')).toEqual({ url: 'https://example.com/?si=1', removed: [] });
    expect(stripTrackingParams('not a url?utm_source=1').removed).toEqual(['utm_source']);
  });
});

describe('normalizeUrlForDuplicates', () => {
  it('treats scheme, www, default port, trailing slash, index files and tracking as noise', () => {
    const key = normalizeUrlForDuplicates('https://example.com/docs');
    expect(key).toBe('example.com/docs');
    for (const variant of [
      'http://www.example.com/docs/',
      'HTTPS://Example.COM:443/docs',
      'https://example.com/docs/index.html',
      'https://example.com/docs?utm_source=list',
      'https://example.com/docs#intro',
    ]) {
      expect(normalizeUrlForDuplicates(variant)).toBe(key);
    }
  });

  it('sorts query parameters and keeps meaningful ones apart', () => {
    expect(normalizeUrlForDuplicates('https://a.b/s?z=1&a=2')).toBe(normalizeUrlForDuplicates('https://a.b/s?a=2&z=1'));
    expect(normalizeUrlForDuplicates('https://a.b/s?q=1')).not.toBe(normalizeUrlForDuplicates('https://a.b/s?q=2'));
    expect(normalizeUrlForDuplicates('https://a.b/')).toBe('a.b');
  });

  it('lowercases owner and repository on code forges only', () => {
    expect(normalizeUrlForDuplicates('https://github.com/Acme/Lib/blob/main/File.md')).toBe('github.com/acme/lib/blob/main/File.md');
    expect(normalizeUrlForDuplicates('https://example.com/Acme')).toBe('example.com/Acme');
  });

  it('returns undefined for what is not an absolute http(s) URL', () => {
    expect(normalizeUrlForDuplicates('mailto:a@b.c')).toBeUndefined();
    expect(normalizeUrlForDuplicates('docs/x.md')).toBeUndefined();
    expect(normalizeUrlForDuplicates('#anchor')).toBeUndefined();
  });
});

describe('nearDuplicateKey', () => {
  it('collapses the forms of a GitHub repository home', () => {
    const key = nearDuplicateKey('https://github.com/acme/lib');
    expect(key).toBe('github.com/acme/lib');
    for (const variant of [
      'https://github.com/acme/lib.git',
      'https://github.com/Acme/Lib/tree/main',
      'https://github.com/acme/lib/blob/master/README.md',
      'https://github.com/acme/lib#readme',
      'https://github.com/acme/lib?tab=readme-ov-file',
    ]) {
      expect(nearDuplicateKey(variant)).toBe(key);
    }
  });

  it('keeps files and sub-folders of a repository apart', () => {
    expect(nearDuplicateKey('https://github.com/acme/lib/tree/main/docs')).not.toBe('github.com/acme/lib');
    expect(nearDuplicateKey('https://github.com/acme/lib/blob/main/docs/guide.md')).not.toBe('github.com/acme/lib');
  });
});

describe('small predicates', () => {
  it('recognises section fragments, schemes and local hosts', () => {
    expect(hasSectionFragment('https://example.com/p#install')).toBe(true);
    expect(hasSectionFragment('https://github.com/acme/lib#readme')).toBe(false);
    expect(hasSectionFragment('https://example.com/p#')).toBe(false);
    expect(hasScheme('mailto:x@y.z')).toBe(true);
    expect(hasScheme('//cdn.example.com/x.js')).toBe(true);
    expect(hasScheme('docs/a:b.md')).toBe(false);
    expect(isLocalHost('localhost')).toBe(true);
    expect(isLocalHost('127.0.0.1')).toBe(true);
    expect(isLocalHost('[::1]')).toBe(true);
    expect(isLocalHost('abc.onion')).toBe(true);
    expect(isLocalHost('192.168.1.10')).toBe(true);
    expect(isLocalHost('172.32.0.1')).toBe(false);
    expect(isLocalHost('example.com')).toBe(false);
  });

  it('strips 130,000 tracking parameters from a 1 MB hostile URL', () => {
    const hostile = `https://example.com/?${'utm_a=1&'.repeat(130_000)}#${'#'.repeat(100_000)}`;
    expect(stripTrackingParams(hostile).removed.length).toBe(130_000);
    normalizeUrlForDuplicates(hostile);
  });
});
