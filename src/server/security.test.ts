import { describe, expect, it } from 'vitest';
import { parseTrustedProxies } from './security.ts';

describe('ZHENGWU_TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(parseTrustedProxies(undefined)).toBe(false);
    expect(parseTrustedProxies(' , ')).toBe(false);
  });

  it('takes addresses and CIDR ranges, IPv4 and IPv6', () => {
    expect(parseTrustedProxies('127.0.0.1, 10.0.0.0/8,::1,fd00::/8')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
  });

  it('refuses anything else, in Chinese, naming the entry', () => {
    for (const bad of ['true', 'nginx', '10.0.0.0/33', '10.0.0.0/8/1', '300.1.1.1', '::1/129'])
      expect(() => parseTrustedProxies(bad)).toThrow(`“${bad}”不是`);
  });
});
