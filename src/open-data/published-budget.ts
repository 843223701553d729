/**
 * A published budget as the open-data exports take it: the facts and the publication's metadata, which
 * the caller supplies (the exports read no clock and no store). Checked once at each public entry point.
 */
import { z } from 'zod';
import { type Budget, BudgetSchema } from '../core/budget/budget.ts';
import { InvalidInput } from '../core/errors.ts';

export const PublicationMetaSchema = z.strictObject({
  departmentId: z.string().min(1),
  departmentName: z.string().min(1),
  /** The department's code (部门编码), when it has one. */
  departmentCode: z.string().min(1).nullable(),
  /** 地区, e.g. 秦皇岛市山海关区. */
  regionName: z.string(),
  fiscalYear: z.number().int().min(1949).max(2200),
  /** 预算 or 决算. */
  kind: z.enum(['budget', 'finalAccounts']),
  /** The publication's version: 1, then 2 … for each correction. */
  version: z.number().int().positive(),
  /** When it was published, ISO 8601 with a time zone (2018-01-10T02:03:00.000Z). */
  publishedAt: z.iso.datetime({ offset: true }),
});
export type PublicationMeta = z.infer<typeof PublicationMetaSchema>;

export interface PublishedBudget {
  meta: PublicationMeta;
  budget: Budget;
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(根)'}：${i.message}`)
    .join('；');
}

/**
 * Checks the published budgets and returns them with their keys in schema order (so JSON written from
 * them does not depend on the order the caller built its objects in). Throws InvalidInput when one does
 * not fit the model, when its metadata contradicts its facts (year, 预算/决算), or when the same
 * department's budget of one year and kind appears twice.
 */
export function checkPublished(items: readonly PublishedBudget[]): PublishedBudget[] {
  const seen = new Set<string>();
  return items.map((item, i) => {
    const label = `第 ${i + 1} 份公开预算`;
    const meta = PublicationMetaSchema.safeParse(item?.meta);
    if (!meta.success) throw new InvalidInput(`${label}的公开信息不完整：${describe(meta.error)}`);
    const budget = BudgetSchema.safeParse(item?.budget);
    if (!budget.success) throw new InvalidInput(`${label}不符合预算数据模型：${describe(budget.error)}`);
    const m = meta.data;
    const b = budget.data;
    if (b.fiscalYear !== null && b.fiscalYear !== m.fiscalYear)
      throw new InvalidInput(`${label}的年度（${m.fiscalYear}）与预算数据的年度（${b.fiscalYear}）不一致`);
    if (b.kind !== m.kind)
      throw new InvalidInput(`${label}的类型（${m.kind}）与预算数据的类型（${b.kind}）不一致`);
    const key = `${m.departmentId}\u0000${m.fiscalYear}\u0000${m.kind}`;
    if (seen.has(key))
      throw new InvalidInput(
        `${label}重复：${m.departmentName} ${m.fiscalYear} 年的${kindName(m.kind)}出现了两次`,
      );
    seen.add(key);
    return { meta: m, budget: b };
  });
}

export function kindName(kind: PublicationMeta['kind']): string {
  return kind === 'budget' ? '部门预算' : '部门决算';
}

/** Code-unit order (never locale order, which differs between machines). */
function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order every export lists budgets in, whatever order they came in: fiscal year, department code
 * (departments without one last), department id, 预算 before 决算.
 */
export function sortPublished(items: readonly PublishedBudget[]): PublishedBudget[] {
  return [...items].sort((x, y) => {
    const a = x.meta;
    const b = y.meta;
    return (
      compare(a.fiscalYear, b.fiscalYear) ||
      compare(a.departmentCode === null ? 1 : 0, b.departmentCode === null ? 1 : 0) ||
      compare(a.departmentCode ?? '', b.departmentCode ?? '') ||
      compare(a.departmentId, b.departmentId) ||
      compare(a.kind === 'budget' ? 0 : 1, b.kind === 'budget' ? 0 : 1)
    );
  });
}
