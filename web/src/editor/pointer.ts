/** Reading and writing a budget's facts by JSON pointer (/stated/revenueTotal), immutably. */

const parts = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));

export function getAt(value: unknown, pointer: string): unknown {
  let v = value;
  for (const p of parts(pointer)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

/** A copy of `value` with `next` at `pointer`; the objects on the way are copied, the rest shared. */
export function setAt<T>(value: T, pointer: string, next: unknown): T {
  const [head, ...rest] = parts(pointer);
  if (head === undefined) return next as T;
  const tail = rest.length ? `/${rest.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '';
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = setAt(copy[Number(head)], tail, next);
    return copy as T;
  }
  const obj = (value ?? {}) as Record<string, unknown>;
  return { ...obj, [head]: setAt(obj[head], tail, next) } as T;
}
