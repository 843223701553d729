/**
 * Password hashing with argon2id (@node-rs/argon2: prebuilt per platform, nothing to compile; the
 * `argon2` package's prebuilt Linux binary crashed on load on these machines). The parameters are kept in
 * each hash, so changing them later is safe.
 */
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHashing } from './service-context.ts';

/** argon2id is @node-rs/argon2's default algorithm (its `Algorithm` is a const enum, unusable here). */
export function hashPassword(password: string, hashing: PasswordHashing): Promise<string> {
  return hash(password, { memoryCost: hashing.memoryCost, timeCost: hashing.timeCost, parallelism: 1 });
}

/** False for a wrong password and for a hash argon2 cannot read (never throws for bad input). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * Spends as long as a real check, for unknown or disabled accounts: the response time does not tell
 * which usernames exist.
 */
export async function verifyNothing(password: string, hashing: PasswordHashing): Promise<false> {
  dummy ??= hashPassword('不存在的账户的占位密码', hashing);
  await verifyPassword(await dummy, password);
  return false;
}
