// The private-address guard on every written form of an address, and on DNS answers.
import { describe, expect, it } from 'vitest';
import { createAddressGuard, embeddedIpv4 } from '../../../src/links/address-guard.js';
import type { LookupFunction } from '../../../src/links/check-options.js';

const guard = createAddressGuard([]);
const hostOf = (url: string): string => new URL(url).hostname;

describe('createAddressGuard().checkHostname', () => {
  it.each([
    ['http://127.0.0.1/', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'], // decimal
    ['http://0x7f.1/', '127.0.0.1'], // hex, short
    ['http://0177.0.0.1/', '127.0.0.1'], // octal
    ['http://127.1/', '127.0.0.1'], // short
    ['http://example.com@127.0.0.1/', '127.0.0.1'], // userinfo
    ['http://10.0.0.1/', '10.0.0.1'],
    ['http://172.16.5.4/', '172.16.5.4'],
    ['http://192.168.1.1/', '192.168.1.1'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://100.64.0.1/', '100.64.0.1'],
    ['http://0.0.0.0/', '0.0.0.0'],
    ['http://224.0.0.1/', '224.0.0.1'],
    ['http://255.255.255.255/', '255.255.255.255'],
    ['http://[::1]/', '::1'],
    ['http://[fe80::1]/', 'fe80::1'],
    ['http://[fc00::1]/', 'fc00::1'],
    ['http://[fd00:ec2::254]/', 'fd00:ec2::254'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'], // IPv4-mapped
    ['http://[::ffff:a9fe:a9fe]/', '::ffff:a9fe:a9fe'], // mapped metadata
    ['http://[64:ff9b::10.0.0.1]/', '64:ff9b::a00:1'], // NAT64 of a private address
  ])('refuses %s', (url, shown) => {
    expect(guard.checkHostname(hostOf(url))).toBe(`refused: private address ${shown}, not checked (allow with --allow-private ${shown} or links.allowPrivate)`);
  });

  it.each(['http://93.184.216.34/', 'http://[2606:4700::1111]/', 'http://[64:ff9b::808:808]/', 'http://[::ffff:8.8.8.8]/', 'http://example.com/'])(
    'lets %s through',
    (url) => {
      expect(guard.checkHostname(hostOf(url))).toBeUndefined();
    },
  );

  it('allowPrivate takes CIDRs, single addresses (v4 and v6) and hostnames', () => {
    const allowing = createAddressGuard(['127.0.0.0/8', '::1', '10.1.2.3', 'fd00::/8', 'intranet.local']);
    expect(allowing.checkHostname('127.0.0.9')).toBeUndefined();
    expect(allowing.checkHostname('[::1]')).toBeUndefined();
    expect(allowing.checkHostname('[::ffff:7f00:1]')).toBeUndefined();
    expect(allowing.checkHostname('10.1.2.3')).toBeUndefined();
    expect(allowing.checkHostname('10.1.2.4')).toMatch(/^refused: private address/);
    expect(allowing.checkHostname('[fd12::1]')).toBeUndefined();
    expect(allowing.checkHostname('[fe80::1]')).toMatch(/^refused: private address/);
    expect(allowing.checkHostname('intranet.local')).toBeUndefined();
  });
});

describe('embeddedIpv4', () => {
  it('finds the IPv4 address inside mapped and NAT64 forms only', () => {
    expect(embeddedIpv4('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(embeddedIpv4('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(embeddedIpv4('64:ff9b::c0a8:1')).toBe('192.168.0.1');
    expect(embeddedIpv4('2001:db8::1')).toBeUndefined();
    expect(embeddedIpv4('::1')).toBeUndefined();
    expect(embeddedIpv4('not an address')).toBeUndefined();
  });
});

describe('wrapLookup', () => {
  const answering =
    (...addresses: string[]): LookupFunction =>
    (_host, _options, callback) =>
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );

  const run = (lookup: ReturnType<typeof guard.wrapLookup>, all: boolean): Promise<unknown[]> =>
    new Promise((resolve) => lookup('example.test', { all }, (...args) => resolve(args)));

  it('passes public answers through in both call shapes', async () => {
    const lookup = guard.wrapLookup(answering('93.184.216.34', '2606:4700::1111'));
    expect(await run(lookup, true)).toEqual([
      null,
      [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:4700::1111', family: 6 },
      ],
    ]);
    expect(await run(lookup, false)).toEqual([null, '93.184.216.34', 4]);
  });

  it('refuses when any answer is private (rebinding)', async () => {
    const [error] = await run(guard.wrapLookup(answering('93.184.216.34', '169.254.169.254')), true);
    expect(error).toMatchObject({ code: 'ELINTLISTS_PRIVATE_ADDRESS', address: '169.254.169.254' });
  });

  it('refuses a mapped private answer', async () => {
    const [error] = await run(guard.wrapLookup(answering('::ffff:10.0.0.1')), false);
    expect(error).toMatchObject({ code: 'ELINTLISTS_PRIVATE_ADDRESS' });
  });

  it('passes DNS errors on unchanged', async () => {
    const failing: LookupFunction = (_h, _o, callback) => callback(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }), []);
    const [error] = await run(guard.wrapLookup(failing), true);
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });
});
