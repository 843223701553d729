/**
 * Figures stated in the narrative: a label ("项目支出"), a few linking words
 * ("预算数为"), then an amount ("15.5 万元"). Each key has labels in order of
 * preference and the sections where it is looked for first.
 */
import type { SectionKind } from '../../core/budget/budget.ts';
import type { Amount } from '../../core/kernel/money.ts';
import { AMOUNT_SOURCE, amountFromMatch } from './amounts.ts';
import { refFromFlow, type SourceRef } from './provenance.ts';
import { type DocumentScopes, flowsOf } from './scopes.ts';
import type { Flow, SourceLine } from './source-lines.ts';

/** Words that may stand between a label and its amount. */
const FILLER = String.raw`(?:\s|[:：]|\([^()。；]{1,24}\)|预算|决算|安排|总额|总计|合计|数|为|是|共计|共|计|达|支出|收入|财政拨款|拨款|资金|金额|本年|年度|全年|当年|的)*?`;

export interface LabelAlternative {
  /** Regular expression source of the label. */
  label: string;
  /** Look only in these sections (and, failing that, in sentences matching `context`). */
  scopes?: readonly SectionKind[];
  /** Outside its scopes, only a sentence matching this counts. */
  context?: RegExp;
  /** Outside its scopes, never. */
  scopedOnly?: boolean;
}

export interface NarrativeKey {
  key: string;
  description: string;
  alternatives: readonly LabelAlternative[];
}

export interface Found {
  amount: Amount;
  ref: SourceRef;
  /** Flow and match end, for reading what follows (items, reasons). */
  flow: Flow;
  end: number;
}

const NOT_TOTAL_REVENUE = `(?<!拨款|公共预算|基金|基金预算|资本经营|资本经营预算|事业|经营|其他|补助|财政|上缴)`;
const NOT_TOTAL_EXPENDITURE = `(?<!拨款|公共预算|基金|基金预算|资本经营|资本经营预算|基本|项目|人员|公用|收入|事业|经营|收入和)`;
const THREE_PUBLIC = `(?:[“"'‘「]三公[”"'’」]|三公)`;
const IN_THREE_PUBLIC = /三公/;

export const NARRATIVE_KEYS: readonly NarrativeKey[] = [
  {
    key: 'revenueTotal',
    description: '收入总额',
    alternatives: [
      { label: '本年收入合计', scopes: ['overview'] },
      { label: `${NOT_TOTAL_REVENUE}收入预算(?:总额|总计|合计)?`, scopes: ['overview'] },
      { label: `${NOT_TOTAL_REVENUE}预算收入`, scopes: ['overview'] },
      { label: `${NOT_TOTAL_REVENUE}收入(?:总计|合计|总额)|总收入`, scopes: ['overview'] },
      { label: `${NOT_TOTAL_REVENUE}收入决算(?:数)?`, scopes: ['overview'] },
    ],
  },
  {
    key: 'expenditureTotal',
    description: '支出总额',
    alternatives: [
      { label: '本年支出合计', scopes: ['overview'] },
      { label: `${NOT_TOTAL_EXPENDITURE}支出预算(?:总额|总计|合计)?`, scopes: ['overview'] },
      { label: `${NOT_TOTAL_EXPENDITURE}预算支出`, scopes: ['overview'] },
      { label: `${NOT_TOTAL_EXPENDITURE}支出(?:总计|合计|总额)|总支出`, scopes: ['overview'] },
      { label: `${NOT_TOTAL_EXPENDITURE}支出决算(?:数)?`, scopes: ['overview'] },
    ],
  },
  {
    key: 'generalPublicBudget',
    description: '一般公共预算拨款',
    alternatives: [{ label: '一般公共预算(?:财政)?(?:拨款|资金)?(?:收入)?', scopes: ['overview'] }],
  },
  {
    key: 'basicExpenditure',
    description: '基本支出',
    alternatives: [{ label: '基本支出', scopes: ['overview'] }],
  },
  {
    key: 'personnel',
    description: '人员经费',
    alternatives: [{ label: '人员经费|人员支出', scopes: ['overview'] }],
  },
  {
    key: 'publicExpenses',
    description: '公用经费',
    alternatives: [{ label: '(?:日常)?公用经费|公用支出', scopes: ['overview', 'operatingExpenses'] }],
  },
  {
    key: 'projectExpenditure',
    description: '项目支出',
    alternatives: [{ label: '项目支出', scopes: ['overview'] }],
  },
  {
    key: 'threePublicTotal',
    description: '“三公”经费合计',
    alternatives: [{ label: `${THREE_PUBLIC}经费`, scopes: ['threePublic'] }],
  },
  {
    key: 'overseasTravel',
    description: '因公出国（境）费',
    alternatives: [
      {
        label: String.raw`因公出国\(境\)费用?|因公出国费用?|出国\(境\)费用?`,
        scopes: ['threePublic'],
        context: IN_THREE_PUBLIC,
      },
    ],
  },
  {
    key: 'vehicleTotal',
    description: '公务用车购置及运行费',
    alternatives: [
      {
        label: '公务(?:用)?车购置(?:及|和|与)运(?:行维护|行|维)费?|公务用车费用?',
        scopes: ['threePublic'],
        context: IN_THREE_PUBLIC,
      },
    ],
  },
  {
    key: 'vehiclePurchase',
    description: '公务用车购置费',
    alternatives: [
      { label: '公务(?:用)?车购置费|车辆购置费', scopes: ['threePublic'], context: IN_THREE_PUBLIC },
    ],
  },
  {
    key: 'vehicleOperation',
    description: '公务用车运行费',
    alternatives: [
      {
        label: '(?<!购置[及和与])(?:公务(?:用)?车(?:用车)?|车辆|车)运(?:行维护|行|维)费',
        scopes: ['threePublic'],
        context: IN_THREE_PUBLIC,
      },
    ],
  },
  {
    key: 'reception',
    description: '公务接待费',
    alternatives: [{ label: '公务接待费', scopes: ['threePublic'], context: IN_THREE_PUBLIC }],
  },
  {
    key: 'operatingExpenses',
    description: '机关运行经费',
    alternatives: [
      { label: '机关运行经费|机关运行费', scopes: ['operatingExpenses', 'threePublic', 'other'] },
      { label: '(?:日常)?公用经费|(?<!机关)运行经费', scopes: ['operatingExpenses'], scopedOnly: true },
    ],
  },
  {
    key: 'procurementTotal',
    description: '政府采购预算',
    alternatives: [{ label: '政府采购(?:预算)?(?:总额|金额|资金)?', scopes: ['procurement', 'other'] }],
  },
  {
    key: 'assetsTotal',
    description: '国有资产总额',
    alternatives: [{ label: '(?:国有)?资产总额|资产总计|资产合计', scopes: ['assets', 'other'] }],
  },
  {
    key: 'fixedAssets',
    description: '固定资产',
    alternatives: [{ label: '固定资产(?:原值|总额|总值|净值)?', scopes: ['assets'], scopedOnly: true }],
  },
  {
    key: 'governmentFund',
    description: '政府性基金预算拨款',
    alternatives: [{ label: '政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:收入)?', scopes: ['overview'] }],
  },
  {
    key: 'stateCapitalBudget',
    description: '国有资本经营预算拨款',
    alternatives: [{ label: '国有资本经营预算(?:财政)?(?:拨款)?(?:收入)?', scopes: ['overview'] }],
  },
  {
    key: 'businessIncome',
    description: '事业收入',
    alternatives: [{ label: '(?<!单位经营)事业收入', scopes: ['overview'] }],
  },
  {
    key: 'otherIncome',
    description: '其他收入',
    alternatives: [{ label: '其他收入', scopes: ['overview'] }],
  },
];

const cache = new Map<string, RegExp>();
function regexFor(label: string, finalAccounts: boolean): RegExp {
  const k = `${finalAccounts ? 'F' : 'B'}${label}`;
  let re = cache.get(k);
  if (!re) {
    // In final accounts, "年初预算为X，支出决算为Y": the figure is the 决算 one.
    const src = finalAccounts
      ? `(?:${label})(?:[^。；\\n\\d]{0,16}?年初预算(?:数)?为?\\s*[\\d,.]+\\s*(?:万\\s*元|元|亿\\s*元)[，,]?\\s*(?:支出)?决算(?:数)?为?|${FILLER})\\s*${AMOUNT_SOURCE}`
      : `(?:${label})${FILLER}\\s*${AMOUNT_SOURCE}`;
    re = new RegExp(src, 'g');
    cache.set(k, re);
  }
  re.lastIndex = 0;
  return re;
}

function firstIn(
  lines: readonly SourceLine[],
  flow: Flow,
  label: string,
  finalAccounts: boolean,
  context?: RegExp,
): Found | null {
  const re = regexFor(label, finalAccounts);
  for (let m = re.exec(flow.text); m; m = re.exec(flow.text)) {
    const numIndex = m.length - 2;
    const amount = amountFromMatch(m[numIndex] as string, m[numIndex + 1] as string);
    if (!amount) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    if (context) {
      const sentence = sentenceOf(flow, start);
      if (!context.test(sentence)) continue;
    }
    return { amount, ref: refFromFlow(lines, flow, start, end), flow, end };
  }
  return null;
}

export function sentenceOf(flow: Flow, at: number): string {
  let a = at;
  while (a > 0 && !/[。\n]/.test(flow.text[a - 1] as string)) a--;
  let b = at;
  while (b < flow.text.length && !/[。\n]/.test(flow.text[b] as string)) b++;
  return flow.text.slice(a, b);
}

/** The first statement of a key: in its sections first, then anywhere it may appear. */
export function findNarrative(
  scopes: DocumentScopes,
  key: NarrativeKey,
  finalAccounts: boolean,
): Found | null {
  for (const alt of key.alternatives) {
    for (const flow of flowsOf(scopes, alt.scopes ?? [])) {
      const f = firstIn(scopes.lines, flow, alt.label, finalAccounts);
      if (f) return f;
    }
  }
  for (const alt of key.alternatives) {
    if (alt.scopedOnly) continue;
    const f = firstIn(scopes.lines, scopes.document, alt.label, finalAccounts, alt.context);
    if (f) return f;
  }
  return null;
}
