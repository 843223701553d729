/**
 * A Fiscal Data Package of published budgets: the `datapackage.json` descriptor and the one CSV resource
 * it describes. The descriptor follows the Frictionless `fiscal-data-package` profile (a Tabular Data
 * Package with a `model`, Fiscal Data Package 0.3): package metadata (country, fiscal period, licence),
 * one resource whose `schema.fields` give each column's Table Schema type and Chinese title and
 * description, and the logical model of fiscal-model.ts.
 */
import { InvalidInput } from '../core/errors.ts';
import { lineItemsCsv } from './csv.ts';
import { type FieldSpec, LINE_ITEM_FIELDS, LINE_ITEM_KEYS } from './fields.ts';
import { type FiscalModel, fiscalModel } from './fiscal-model.ts';
import { type LineItem, lineItemsOf } from './line-items.ts';
import { checkPublished, kindName, type PublishedBudget, sortPublished } from './published-budget.ts';

export const LINE_ITEMS_RESOURCE = 'line-items';
export const LINE_ITEMS_PATH = 'data/line-items.csv';

export interface License {
  /** An Open Definition licence id or another short name, e.g. CC-BY-4.0. */
  name: string;
  title: string;
  path?: string;
}

/**
 * The default licence statement. Government information published under the 政府信息公开条例 carries no
 * standard open licence; the publisher should pass its own where it has one.
 */
export const DEFAULT_LICENSE: License = {
  name: 'other-at',
  title: '依法主动公开的政府信息；使用时请注明来源（发布机关另有规定的，从其规定）',
};

export interface PackageOptions {
  /** Data Package name: lower-case letters, digits and - . _ /. Default: from the kinds and years. */
  name?: string;
  /** Default: the regions, years and kinds, e.g. 秦皇岛市山海关区2018年部门预算公开数据. */
  title?: string;
  description?: string;
  /** Who publishes the data, e.g. 秦皇岛市山海关区财政局 (the package's `sources`). */
  publisher?: string;
  homepage?: string;
  license?: License;
  /** When the package was made (ISO 8601). Default: the latest publication time, so it needs no clock. */
  created?: string;
}

export interface TableSchemaField {
  name: string;
  type: FieldSpec['type'];
  title: string;
  description: string;
  format?: string;
  constraints?: { required?: true; enum?: string[] };
}

export interface FiscalDataPackageDescriptor {
  profile: 'fiscal-data-package';
  name: string;
  title: string;
  description: string;
  homepage?: string;
  created?: string;
  countryCode: 'CN';
  granularity: 'aggregated';
  fiscalPeriod?: { start: string; end: string };
  keywords: string[];
  licenses: License[];
  sources?: { title: string }[];
  resources: {
    name: string;
    path: string;
    profile: 'tabular-data-resource';
    title: string;
    format: 'csv';
    mediatype: 'text/csv';
    encoding: 'utf-8';
    bytes: number;
    dialect: { delimiter: ','; lineTerminator: '\r\n'; quoteChar: '"'; doubleQuote: true; header: true };
    schema: { fields: TableSchemaField[]; primaryKey: string[]; missingValues: [''] };
  }[];
  model: FiscalModel;
}

export interface FiscalDataPackage {
  descriptor: FiscalDataPackageDescriptor;
  /** The CSV resource's text (UTF-8 with BOM), to be written at descriptor.resources[0].path. */
  csv: string;
  /** The rows the CSV holds. */
  rows: LineItem[];
}

const col = (key: keyof LineItem): string => LINE_ITEM_FIELDS[key].name;

function field(spec: FieldSpec): TableSchemaField {
  const out: TableSchemaField = {
    name: spec.name,
    type: spec.type,
    title: spec.title,
    description: spec.description,
  };
  if (spec.format) out.format = spec.format;
  const constraints: TableSchemaField['constraints'] = {};
  if (spec.required) constraints.required = true;
  if (spec.values) constraints.enum = [...spec.values];
  if (Object.keys(constraints).length > 0) out.constraints = constraints;
  return out;
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function defaultName(items: readonly PublishedBudget[]): string {
  const kinds = unique(items.map((i) => (i.meta.kind === 'budget' ? 'budget' : 'final-accounts')));
  const years = unique(items.map((i) => i.meta.fiscalYear)).sort((a, b) => a - b);
  const span = years.length === 0 ? '' : years.length === 1 ? `-${years[0]}` : `-${years[0]}-${years.at(-1)}`;
  return `zhengwu-${kinds.length === 1 ? kinds[0] : 'budget-and-final-accounts'}${span}`;
}

function defaultTitle(items: readonly PublishedBudget[]): string {
  const regions = unique(items.map((i) => i.meta.regionName).filter((r) => r !== ''));
  const years = unique(items.map((i) => i.meta.fiscalYear)).sort((a, b) => a - b);
  const kinds = unique(items.map((i) => kindName(i.meta.kind)));
  const yearText =
    years.length === 0 ? '' : years.length === 1 ? `${years[0]}年` : `${years[0]}—${years.at(-1)}年`;
  return `${regions.join('、')}${yearText}${kinds.length === 0 ? '部门预算' : kinds.join('、')}公开数据`;
}

function latest(items: readonly PublishedBudget[]): string | null {
  let best: string | null = null;
  let bestMs = Number.NEGATIVE_INFINITY;
  for (const i of items) {
    const ms = Date.parse(i.meta.publishedAt);
    if (ms > bestMs) {
      bestMs = ms;
      best = i.meta.publishedAt;
    }
  }
  return best;
}

/** The package of checked, sorted budgets (no validation: for the modules of this folder). */
export function fiscalDataPackageOf(
  items: readonly PublishedBudget[],
  options: PackageOptions = {},
): FiscalDataPackage {
  const rows = items.flatMap(lineItemsOf);
  const csv = lineItemsCsv(rows);
  const years = items.map((i) => i.meta.fiscalYear);
  const phases = unique(rows.map((r) => r.phase));
  const title = options.title ?? defaultTitle(items);
  const name = options.name ?? defaultName(items);
  if (!/^[-a-z0-9._/]+$/.test(name))
    throw new InvalidInput(`数据包名称“${name}”只能含小写字母、数字和 - . _ /`);
  const created = options.created ?? latest(items);
  const descriptor: FiscalDataPackageDescriptor = {
    profile: 'fiscal-data-package',
    name,
    title,
    description:
      options.description ??
      `${title}：${items.length} 份公开的部门预算（决算）的全部金额，一行一个金额，附功能分类、经济分类科目与出处。` +
        '金额以分（整数）为准，元为精确换算；各部分相互重叠，只在同一部分、同一期间内相加。' +
        '以 = + - @、制表符或回车开头的文字单元格前加了英文单引号，以免电子表格把它当作公式。',
    ...(options.homepage ? { homepage: options.homepage } : {}),
    ...(created === null ? {} : { created }),
    countryCode: 'CN',
    granularity: 'aggregated',
    ...(years.length > 0
      ? { fiscalPeriod: { start: `${Math.min(...years)}-01-01`, end: `${Math.max(...years)}-12-31` } }
      : {}),
    keywords: ['部门预算', '预算公开', '财政', 'fiscal data package'],
    licenses: [options.license ?? DEFAULT_LICENSE],
    ...(options.publisher ? { sources: [{ title: options.publisher }] } : {}),
    resources: [
      {
        name: LINE_ITEMS_RESOURCE,
        path: LINE_ITEMS_PATH,
        profile: 'tabular-data-resource',
        title: '预算金额明细',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: new TextEncoder().encode(csv).byteLength,
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: LINE_ITEM_KEYS.map((k) => field(LINE_ITEM_FIELDS[k])),
          primaryKey: [
            col('departmentId'),
            col('fiscalYear'),
            col('budgetKind'),
            col('version'),
            col('line'),
          ],
          missingValues: [''],
        },
      },
    ],
    model: fiscalModel(LINE_ITEMS_RESOURCE, phases),
  };
  return { descriptor, csv, rows };
}

/**
 * The Fiscal Data Package of the published budgets (one or many), budgets in a fixed order whatever
 * order they come in. Throws InvalidInput when one does not fit the model.
 */
export function fiscalDataPackage(
  items: readonly PublishedBudget[],
  options: PackageOptions = {},
): FiscalDataPackage {
  return fiscalDataPackageOf(sortPublished(checkPublished(items)), options);
}
