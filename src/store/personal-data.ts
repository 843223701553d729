/**
 * Applicants' identity numbers and phones at rest (issue #6): AES-256-GCM with a random 96-bit IV per
 * value, stored as `v1.<iv>.<ciphertext+tag>` (base64url), and a keyed hash (HMAC-SHA-256) of the phone's
 * last four digits for the public case query, which must find nothing by the plain digits alone.
 *
 * One 32-byte master key: ZHENGWU_DATA_KEY (64 hex characters or base64 of 32 bytes), else the key file
 * `<ZHENGWU_DATA_DIR or ./data>/data-key`, created once (mode 0600) when absent. The key is never kept in
 * the database, so a copy of the database (or of a PostgreSQL backup) alone reveals nothing. Separate
 * subkeys for encryption and hashing are derived from it with HKDF-SHA-256. Losing the key loses the
 * protected values (the rest of every case stays readable): back it up apart from the database.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StoreError } from './errors.ts';

export const DATA_KEY_FILE = 'data-key';

const subkey = (master: Buffer, info: string) =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `zhengwu ${info}`, 32));

export class PersonalDataCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(master: Buffer) {
    if (master.length !== 32) throw new StoreError('STORE_CONFIG', '个人信息加密密钥应为 32 字节。');
    this.encKey = subkey(master, 'personal data encryption v1');
    this.macKey = subkey(master, 'phone tail hmac v1');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1.${iv.toString('base64url')}.${body.toString('base64url')}`;
  }

  decrypt(stored: string): string {
    const [version, iv, body] = stored.split('.');
    if (version !== 'v1' || !iv || !body)
      throw new StoreError('CORRUPT_DATA', '数据库中的个人信息密文格式不正确。');
    const bytes = Buffer.from(body, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      return Buffer.concat([
        decipher.update(bytes.subarray(0, bytes.length - 16)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new StoreError('CORRUPT_DATA', '个人信息无法解密：密钥不符或密文已损坏。');
    }
  }

  /** The keyed hash of the last four digits of a phone number. */
  phoneTailHash(phoneOrTail: string): string {
    const digits = phoneOrTail.replace(/\D/g, '');
    return createHmac('sha256', this.macKey).update(digits.slice(-4)).digest('base64url');
  }

  /** Whether `tail` (four digits) matches the stored hash, in constant time. */
  phoneTailMatches(tail: string, stored: string): boolean {
    const a = Buffer.from(this.phoneTailHash(tail));
    const b = Buffer.from(stored);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

/** Parses ZHENGWU_DATA_KEY: 64 hex characters or base64 of 32 bytes. */
export function parseDataKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32)
    throw new StoreError(
      'STORE_CONFIG',
      'ZHENGWU_DATA_KEY 应为 32 字节的密钥：64 位十六进制字符，或 base64 编码（如 openssl rand -base64 32）。',
    );
  return key;
}

/** The master key from the environment, or the key file in the data directory (created once). */
export function loadDataKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.ZHENGWU_DATA_KEY) return parseDataKey(env.ZHENGWU_DATA_KEY);
  const dir = path.resolve(env.ZHENGWU_DATA_DIR || './data');
  const file = path.join(dir, DATA_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  return parseDataKey(readFileSync(file, 'utf8'));
}
