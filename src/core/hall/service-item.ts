/**
 * The service item catalogue (政务服务事项目录): what the public can apply for, who handles it, its time
 * limits in working days, the materials, fees, special procedures and legal basis. Validated with zod;
 * the messages are Chinese.
 */
import { z } from 'zod';

export const ITEM_KINDS = ['immediate', 'committed', 'joint', 'escalated'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_KIND_NAMES: Record<ItemKind, string> = {
  immediate: '即办件',
  committed: '承诺件',
  joint: '联办件',
  escalated: '上报件',
};

export const SPECIAL_PROCEDURE_KINDS = [
  'hearing',
  'testing',
  'inspection',
  'quarantine',
  'appraisal',
  'expertReview',
  'publicNotice',
  'other',
] as const;
export type SpecialProcedureKind = (typeof SPECIAL_PROCEDURE_KINDS)[number];

export const SPECIAL_PROCEDURE_NAMES: Record<SpecialProcedureKind, string> = {
  hearing: '听证',
  testing: '检验检测',
  inspection: '现场勘验',
  quarantine: '检疫',
  appraisal: '鉴定',
  expertReview: '专家评审',
  publicNotice: '公示',
  other: '其他特别程序',
};

/** Working days an escalated item (上报件) may take before it is reported to the higher level. */
export const ESCALATION_REPORT_DAYS = 3;

const text = (what: string) => z.string().trim().min(1, `${what}不能为空`);
const workdays = (what: string) =>
  z
    .number({ error: `${what}应为工作日数` })
    .int(`${what}应为整数个工作日`)
    .min(0, `${what}不能为负数`)
    .max(365, `${what}不应超过365个工作日`);

export const MaterialSchema = z.strictObject({
  name: text('材料名称'),
  /** 原件 or 复印件 … as the catalogue states it. */
  form: z.enum(['original', 'copy', 'originalAndCopy', 'electronic']),
  copies: z.number().int().min(1, '份数至少为1').default(1),
  required: z.boolean().default(true),
  note: z.string().default(''),
});
export type Material = z.infer<typeof MaterialSchema>;

export const FeeSchema = z.strictObject({
  name: text('收费项目名称'),
  /** Integer 分. */
  amountFen: z.number().int('收费金额应为整数“分”').min(0, '收费金额不能为负数'),
  basis: text('收费依据'),
});
export type Fee = z.infer<typeof FeeSchema>;

export const SpecialProcedureSchema = z.strictObject({
  kind: z.enum(SPECIAL_PROCEDURE_KINDS),
  name: text('特别程序名称'),
  /** The most working days it may take, if the law says; its time never counts toward the limits. */
  maxDays: workdays('特别程序时限').nullable().default(null),
});
export type SpecialProcedure = z.infer<typeof SpecialProcedureSchema>;

export const ServiceItemSchema = z
  .strictObject({
    code: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{3,63}$/, '事项编码应为4至64位字母、数字或连字符'),
    name: text('事项名称'),
    department: text('实施部门'),
    kind: z.enum(ITEM_KINDS, { error: '办件类型应为即办件、承诺件、联办件或上报件' }),
    legalDays: workdays('法定时限'),
    promisedDays: workdays('承诺时限'),
    materials: z.array(MaterialSchema).default([]),
    fees: z.array(FeeSchema).default([]),
    specialProcedures: z.array(SpecialProcedureSchema).default([]),
    legalBasis: z.array(text('设定依据')).min(1, '应至少列出一项设定依据'),
    /** 联办件: the other departments that take part (the implementing department leads). */
    jointDepartments: z.array(text('联办部门')).default([]),
    /** 上报件: the higher authority that decides. */
    reportTo: z.string().trim().nullable().default(null),
  })
  .superRefine((item, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (item.promisedDays > item.legalDays) {
      issue(
        ['promisedDays'],
        `承诺时限（${item.promisedDays}个工作日）不能超过法定时限（${item.legalDays}个工作日）`,
      );
    }
    if (item.kind === 'immediate') {
      if (item.legalDays !== 0 || item.promisedDays !== 0) {
        issue(['promisedDays'], '即办件当场办结，法定时限和承诺时限都应为0个工作日');
      }
      if (item.specialProcedures.length) issue(['specialProcedures'], '即办件不能有特别程序');
    } else if (item.promisedDays < 1) {
      issue(['promisedDays'], `${ITEM_KIND_NAMES[item.kind]}的承诺时限至少为1个工作日；当场办结的应为即办件`);
    }
    if (item.kind === 'joint') {
      if (!item.jointDepartments.length) issue(['jointDepartments'], '联办件应列出参与联办的其他部门');
      if (item.jointDepartments.includes(item.department)) {
        issue(['jointDepartments'], '牵头部门不应再列为联办部门');
      }
    } else if (item.jointDepartments.length) {
      issue(['jointDepartments'], '只有联办件有联办部门');
    }
    if (item.kind === 'escalated' && !item.reportTo) issue(['reportTo'], '上报件应写明上报的审批机关');
    if (item.kind !== 'escalated' && item.reportTo) issue(['reportTo'], '只有上报件有上报机关');
    duplicates(item.materials.map((m) => m.name)).forEach((name) => {
      issue(['materials'], `申请材料“${name}”重复列出`);
    });
    duplicates(item.jointDepartments).forEach((name) => {
      issue(['jointDepartments'], `联办部门“${name}”重复列出`);
    });
    duplicates(item.specialProcedures.map((p) => p.name)).forEach((name) => {
      issue(['specialProcedures'], `特别程序“${name}”重复列出`);
    });
  });
export type ServiceItem = z.infer<typeof ServiceItemSchema>;
export type ServiceItemInput = z.input<typeof ServiceItemSchema>;

function duplicates(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const n of names) (seen.has(n) ? dup : seen).add(n);
  return [...dup];
}

export interface ItemIssue {
  /** Dotted path of the field ('' for the item as a whole), prefixed with the item's index in a catalogue. */
  path: string;
  message: string;
}

export type ItemValidation = { ok: true; item: ServiceItem } | { ok: false; issues: ItemIssue[] };

export function validateServiceItem(input: unknown): ItemValidation {
  const r = ServiceItemSchema.safeParse(input);
  if (r.success) return { ok: true, item: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  };
}

/** A whole catalogue: every item valid and no code used twice. */
export function validateCatalogue(
  input: readonly unknown[],
): { ok: true; items: ServiceItem[] } | { ok: false; issues: ItemIssue[] } {
  const items: ServiceItem[] = [];
  const issues: ItemIssue[] = [];
  input.forEach((raw, index) => {
    const r = validateServiceItem(raw);
    if (r.ok) items.push(r.item);
    else
      issues.push(
        ...r.issues.map((i) => ({
          path: [index, i.path].filter((p) => p !== '').join('.'),
          message: i.message,
        })),
      );
  });
  for (const code of duplicates(items.map((i) => i.code))) {
    issues.push({ path: '', message: `事项编码“${code}”重复` });
  }
  return issues.length ? { ok: false, issues } : { ok: true, items };
}
