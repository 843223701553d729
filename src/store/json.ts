/** JSON columns: serialised and parsed at the repository edge, with the zod schema where one exists. */
import type { z } from 'zod';
import { InvalidInput } from '../core/errors.ts';
import { StoreError } from './errors.ts';

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function toJsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return error.message;
  return `${issue.path.length ? `/${issue.path.join('/')}：` : ''}${issue.message}`;
}

/** Validates a value before it is written; an invalid one is the caller's input error. */
export function validated<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new InvalidInput(`${what}不符合数据模型（${firstIssue(r.error)}）。`);
  return r.data;
}

/** Parses a JSON column; text that does not parse or does not fit the schema is corrupt data. */
export function parseJson<S extends z.ZodType>(schema: S, text: string, what: string): z.infer<S> {
  const r = schema.safeParse(parseUnknownJson(text, what));
  if (!r.success) throw new StoreError('CORRUPT_DATA', `数据库中的${what}已损坏（${firstIssue(r.error)}）。`);
  return r.data;
}

/** Parses a JSON column that has no schema (yet); the type is the writer's. */
export function parseUnknownJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new StoreError('CORRUPT_DATA', `数据库中的${what}不是有效的 JSON（${(e as Error).message}）。`);
  }
}
