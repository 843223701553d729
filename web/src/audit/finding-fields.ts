/**
 * Which form fields a finding concerns, so the editor shows it beside them: a finding's evidence names
 * its figures (Chinese labels) and, for an imported document, its source positions, which the importer's
 * provenance maps back to JSON pointers of the facts. Rules that speak of a whole part of the budget
 * (the tables, the performance targets …) fall back to that part's section.
 */
import type { Finding } from '../../../src/core/audit/rule.ts';
import type { SourcePointer } from '../api/types.ts';

/** The editor's sections, by the first segment of the pointers they edit. */
export const SECTIONS = [
  { key: 'profile', title: '部门概况', roots: ['department', 'fiscalYear', 'title'] },
  { key: 'totals', title: '收支总额', roots: ['stated', 'revenue', 'expenditureLines'] },
  { key: 'threePublic', title: '“三公”经费', roots: ['threePublic'] },
  { key: 'operating', title: '机关运行经费', roots: ['operatingExpenses'] },
  { key: 'changes', title: '增减说明', roots: ['changes'] },
  { key: 'performance', title: '绩效目标', roots: ['performance'] },
  { key: 'procurementAssets', title: '政府采购与国有资产', roots: ['procurement', 'assets'] },
  {
    key: 'other',
    title: '日期、表格及其他',
    roots: ['dates', 'tables', 'sections', 'glossary', 'otherNotes'],
  },
] as const;
export type SectionKey = (typeof SECTIONS)[number]['key'];

/** Labels that rules use for figures (helpers.ts figure labels, FIGURE_NAMES), longest first. */
const LABELS: [RegExp, string][] = [
  [/公务用车购置费/, '/threePublic/vehiclePurchase/amount'],
  [/公务用车运行(维护)?费/, '/threePublic/vehicleOperation/amount'],
  [/公务用车购置及运(行|维)/, '/threePublic/vehicleTotal/amount'],
  [/因公出国/, '/threePublic/overseasTravel/amount'],
  [/公务接待费/, '/threePublic/reception/amount'],
  [/“三公”经费|三公经费/, '/threePublic/total/amount'],
  [/机关运行经费/, '/operatingExpenses/total'],
  [/一般公共预算拨款/, '/stated/generalPublicBudget'],
  [/收入总额|收入合计|收入总计/, '/stated/revenueTotal'],
  [/支出总额|支出合计|支出总计/, '/stated/expenditureTotal'],
  [/基本支出/, '/stated/basicExpenditure'],
  [/人员经费|人员支出/, '/stated/personnel'],
  [/公用经费/, '/stated/publicExpenses'],
  [/项目支出/, '/stated/projectExpenditure'],
  [/政府采购/, '/procurement/total'],
  [/固定资产/, '/assets/fixed'],
  [/国有资产总额|资产总额/, '/assets/total'],
  [/截止日期/, '/assets/asOf'],
  [/比较年度/, '/changes'],
  [/批复日期/, '/dates/approved'],
  [/公开日期/, '/dates/published'],
  [/预算年度/, '/fiscalYear'],
];

/** Rules whose subject is a part of the budget rather than a figure. */
const RULE_ROOTS: [RegExp, string][] = [
  [/^completeness\.standard-tables|^completeness\.empty-table|^arithmetic\.table/, '/tables'],
  [/three-public/, '/threePublic'],
  [/performance|grade-order/, '/performance'],
  [/procurement/, '/procurement'],
  [/asset/, '/assets'],
  [/change|compared-year/, '/changes'],
  [/publication-deadline/, '/dates'],
  [/fiscal-year|year-mentions/, '/fiscalYear'],
  [/operating/, '/operatingExpenses'],
  [/revenue/, '/stated'],
  [/^completeness\.totals|basic-equals/, '/stated'],
];

/** The JSON pointers a finding concerns, most specific first, without duplicates. */
export function findingPointers(
  finding: Pick<Finding, 'rule' | 'evidence'>,
  provenance: Record<string, SourcePointer> = {},
): string[] {
  const out: string[] = [];
  const add = (p: string) => {
    if (!out.includes(p)) out.push(p);
  };
  const byPosition = new Map<string, string>();
  for (const [pointer, s] of Object.entries(provenance)) byPosition.set(`${s.line}:${s.column}`, pointer);
  for (const s of finding.evidence.sources ?? []) {
    const p = byPosition.get(`${s.line}:${s.column}`);
    if (p) add(p);
  }
  for (const label of Object.keys(finding.evidence.figures ?? {}))
    for (const [re, p] of LABELS)
      if (re.test(label)) {
        add(p);
        break;
      }
  for (const [re, p] of RULE_ROOTS)
    if (re.test(finding.rule)) {
      add(p);
      break;
    }
  return out;
}

export function sectionOf(pointer: string): SectionKey {
  const root = pointer.split('/')[1] ?? '';
  return SECTIONS.find((s) => (s.roots as readonly string[]).includes(root))?.key ?? 'other';
}

/**
 * Findings placed beside fields: for each field pointer the editor shows, the findings whose pointers
 * equal it or lie below it (/stated/revenueTotal catches /stated/revenueTotal/fen). A finding that no
 * shown field takes goes to its section.
 */
export function placeFindings<F extends Pick<Finding, 'rule' | 'evidence'>>(
  findings: readonly F[],
  fields: readonly string[],
  provenance: Record<string, SourcePointer> = {},
): { byField: Map<string, F[]>; bySection: Map<SectionKey, F[]> } {
  const byField = new Map<string, F[]>();
  const bySection = new Map<SectionKey, F[]>();
  for (const f of findings) {
    const pointers = findingPointers(f, provenance);
    const taken = fields.filter((field) => pointers.some((p) => p === field || p.startsWith(`${field}/`)));
    for (const field of taken) byField.set(field, [...(byField.get(field) ?? []), f]);
    if (taken.length) continue;
    const section = sectionOf(pointers[0] ?? '/other');
    bySection.set(section, [...(bySection.get(section) ?? []), f]);
  }
  return { byField, bySection };
}
