/**
 * The logical model of the line items (Fiscal Data Package `model`): one measure, the amount in CNY from
 * the integer 分 column with factor 0.01 (exact), and dimensions mapping the CSV's columns to the
 * spec's concepts: administrative (department), functional and economic classification with their 类/款
 * levels (`parent`) and names (`labelfor`), fiscal year, period, direction, phase, funding source
 * (account), region (location) and the row's own facts.
 */
import { LINE_ITEM_FIELDS } from './fields.ts';
import type { LineItem, Phase } from './line-items.ts';

export interface Measure {
  source: string;
  resource: string;
  currency: string;
  factor: number;
  title: string;
  description: string;
  phase?: Phase;
}

export interface DimensionAttribute {
  source: string;
  resource: string;
  labelfor?: string;
  parent?: string;
}

export interface Dimension {
  dimensionType: 'datetime' | 'entity' | 'classification' | 'activity' | 'fact' | 'location' | 'other';
  classificationType?: 'functional' | 'administrative' | 'economic';
  title: string;
  attributes: Record<string, DimensionAttribute>;
  primaryKey: string | string[];
}

export interface FiscalModel {
  measures: Record<string, Measure>;
  dimensions: Record<string, Dimension>;
}

const col = (key: keyof LineItem): string => LINE_ITEM_FIELDS[key].name;

function dimension(
  resource: string,
  dimensionType: Dimension['dimensionType'],
  title: string,
  attributes: Record<string, [keyof LineItem, { labelfor?: string; parent?: string }?]>,
  primaryKey: string | string[],
  classificationType?: Dimension['classificationType'],
): Dimension {
  const attrs: Record<string, DimensionAttribute> = {};
  for (const [name, [key, extra]] of Object.entries(attributes))
    attrs[name] = { source: col(key), resource, ...extra };
  return {
    dimensionType,
    ...(classificationType ? { classificationType } : {}),
    title,
    attributes: attrs,
    primaryKey,
  };
}

/**
 * The model of the line-item resource `resource`. The measure's phase is given only when every row has
 * the same one (all 预算, or all 决算); `phase` is a dimension too.
 */
export function fiscalModel(resource: string, phases: readonly Phase[]): FiscalModel {
  const amount: Measure = {
    source: col('amountFen'),
    resource,
    currency: 'CNY',
    factor: 0.01,
    title: '金额',
    description:
      '金额（人民币）：amount_fen 为分，乘以 0.01 即为元。各部分（section）、行类型（row_type）与期间（period）不同的金额不可相加。',
  };
  const [only] = phases;
  if (phases.length === 1 && only) amount.phase = only;
  return {
    measures: { amount },
    dimensions: {
      administrative_classification: dimension(
        resource,
        'classification',
        '部门',
        {
          id: ['departmentId'],
          code: ['departmentCode'],
          name: ['departmentName', { labelfor: 'id' }],
        },
        'id',
        'administrative',
      ),
      location: dimension(resource, 'location', '地区', { title: ['regionName'] }, 'title'),
      date: dimension(resource, 'datetime', '预算年度', { fiscal_year: ['fiscalYear'] }, 'fiscal_year'),
      period: dimension(
        resource,
        'datetime',
        '期间',
        {
          period: ['period'],
          year: ['periodYear'],
          compared_year: ['comparedYear'],
          date: ['date'],
        },
        ['period', 'year'],
      ),
      direction: dimension(resource, 'other', '收支方向', { direction: ['direction'] }, 'direction'),
      phase: dimension(
        resource,
        'other',
        '预算阶段',
        { phase: ['phase'], budget_kind: ['budgetKind'] },
        'phase',
      ),
      publication: dimension(
        resource,
        'fact',
        '公开版本',
        { version: ['version'], published_at: ['publishedAt'] },
        'version',
      ),
      functional_classification: dimension(
        resource,
        'classification',
        '支出功能分类',
        {
          level1_code: ['functionLevel1Code'],
          level1_name: ['functionLevel1Name', { labelfor: 'level1_code' }],
          level2_code: ['functionLevel2Code', { parent: 'level1_code' }],
          level2_name: ['functionLevel2Name', { labelfor: 'level2_code' }],
          code: ['functionCode', { parent: 'level2_code' }],
          name: ['functionName', { labelfor: 'code' }],
        },
        'code',
        'functional',
      ),
      economic_classification: dimension(
        resource,
        'classification',
        '支出经济分类',
        {
          level1_code: ['economicLevel1Code'],
          level1_name: ['economicLevel1Name', { labelfor: 'level1_code' }],
          code: ['economicCode', { parent: 'level1_code' }],
          name: ['economicName', { labelfor: 'code' }],
        },
        'code',
        'economic',
      ),
      expenditure_kind: dimension(
        resource,
        'classification',
        '支出类型',
        { code: ['expenditureKind'] },
        'code',
      ),
      account: dimension(
        resource,
        'entity',
        '资金来源',
        { id: ['fundingSource'], title: ['fundingSourceName', { labelfor: 'id' }] },
        'id',
      ),
      section: dimension(
        resource,
        'other',
        '部分',
        { code: ['section'], name: ['sectionName', { labelfor: 'code' }], row_type: ['rowType'] },
        ['code', 'row_type'],
      ),
      line_item: dimension(
        resource,
        'fact',
        '明细',
        {
          line: ['line'],
          code: ['itemCode'],
          name: ['itemName'],
          project: ['projectName'],
          quantity: ['quantity'],
          quantity_unit: ['quantityUnit'],
          note: ['note'],
          precision_fen: ['precisionFen'],
          amount_yuan: ['amountYuan'],
        },
        'line',
      ),
    },
  };
}
