import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataKey, PersonalDataCipher, parseDataKey } from './personal-data.ts';

const key = Buffer.alloc(32, 7);

describe('personal data at rest', () => {
  const c = new PersonalDataCipher(key);
  it('encrypts with a fresh IV each time and decrypts back', () => {
    const a = c.encrypt('110101199003071234');
    const b = c.encrypt('110101199003071234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1234');
    expect(c.decrypt(a)).toBe('110101199003071234');
  });
  it('refuses a tampered value or another key', () => {
    const a = c.encrypt('13812345678');
    const flipped = `${a.slice(0, -2)}${a.endsWith('A') ? 'B' : 'A'}${a.slice(-1)}`;
    expect(() => c.decrypt(flipped)).toThrow(/无法解密/);
    expect(() => new PersonalDataCipher(Buffer.alloc(32, 8)).decrypt(a)).toThrow(/无法解密/);
  });
  it('hashes the phone tail with the key, not as plain digits', () => {
    const h = c.phoneTailHash('138-1234-5678');
    expect(h).toBe(c.phoneTailHash('5678'));
    expect(c.phoneTailMatches('5678', h)).toBe(true);
    expect(c.phoneTailMatches('5679', h)).toBe(false);
    expect(new PersonalDataCipher(Buffer.alloc(32, 8)).phoneTailHash('5678')).not.toBe(h);
  });
  it('reads the key from the environment or creates a key file once', async () => {
    expect(parseDataKey('07'.repeat(32))).toEqual(key);
    expect(parseDataKey(key.toString('base64'))).toEqual(key);
    expect(() => parseDataKey('short')).toThrow(/32 字节/);
    const dir = await mkdtemp(path.join(tmpdir(), 'zhengwu-key-'));
    try {
      const first = loadDataKey({ ZHENGWU_DATA_DIR: dir });
      expect(loadDataKey({ ZHENGWU_DATA_DIR: dir })).toEqual(first);
      expect((await stat(path.join(dir, 'data-key'))).mode & 0o777).toBe(0o600);
      expect((await readFile(path.join(dir, 'data-key'), 'utf8')).trim()).toHaveLength(64);
      expect(loadDataKey({ ZHENGWU_DATA_DIR: dir, ZHENGWU_DATA_KEY: '07'.repeat(32) })).toEqual(key);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
