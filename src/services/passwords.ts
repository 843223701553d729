/** Password hashing with argon2id. The parameters are kept in each hash, so changing them later is safe. */
import argon2 from 'argon2';
import type { PasswordHashing } from './service-context.ts';

export function hashPassword(password: string, hashing: PasswordHashing): Promise<string> {
  return argon2.hash(password, {
    type: argon2.argon2id,
    memoryCost: hashing.memoryCost,
    timeCost: hashing.timeCost,
  });
}

/** False for a wrong password and for a hash argon2 cannot read (never throws for bad input). */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
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
