/**
 * The bulk download of many published budgets (one region and year, say): a ZIP holding one Fiscal Data
 * Package (datapackage.json and data/line-items.csv with every line item of every budget), each budget's
 * open JSON in budgets/<department code or id>-<year>.json, and a README.txt in Chinese.
 *
 * Reproducible: entries in a fixed order, every entry dated with the same time taken from the input (the
 * latest publication, in Beijing time, which ZIP's zone-less DOS time then shows), DEFLATE at a fixed level
 * and no folder entry added with the clock's date. The same input gives the same bytes.
 */
import JSZip from 'jszip';
import { InvalidInput } from '../core/errors.ts';
import { fiscalDataPackageOf, LINE_ITEMS_PATH, type PackageOptions } from './fiscal-data-package.ts';
import { publishedBudgetJsonOf } from './json.ts';
import { checkPublished, type PublishedBudget, sortPublished } from './published-budget.ts';
import { bulkReadme } from './readme.ts';

export interface BulkOptions extends PackageOptions {
  /** The date every entry carries (ISO 8601). Default: the latest publication time. */
  fileDate?: string;
}

export interface BulkFile {
  path: string;
  text: string;
}

const SAFE_NAME = /^[0-9A-Za-z._-]+$/;
/** ZIP (DOS) dates start in 1980. */
const DOS_EPOCH = Date.UTC(1980, 0, 1);
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

function safe(s: string): string {
  return s.replace(/[^0-9A-Za-z._-]/g, '_');
}

/**
 * The JSON file name of each budget: its department code when the code is a plain file name and no other
 * department has it, the department id otherwise; 决算 get `-final-accounts`.
 */
export function budgetFileNames(items: readonly PublishedBudget[]): string[] {
  const departmentsByCode = new Map<string, Set<string>>();
  for (const { meta } of items)
    if (meta.departmentCode !== null)
      departmentsByCode.set(
        meta.departmentCode,
        (departmentsByCode.get(meta.departmentCode) ?? new Set()).add(meta.departmentId),
      );
  const names = items.map(({ meta }) => {
    const code = meta.departmentCode;
    const byCode = code !== null && SAFE_NAME.test(code) && departmentsByCode.get(code)?.size === 1;
    const base = byCode ? code : safe(meta.departmentId);
    return `budgets/${base}-${meta.fiscalYear}${meta.kind === 'finalAccounts' ? '-final-accounts' : ''}.json`;
  });
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new InvalidInput(`两份预算的文件名相同（${n}）：部门标识经替换后重名`);
    seen.add(n);
  }
  return names;
}

function bulkFilesOf(sorted: readonly PublishedBudget[], options: BulkOptions): BulkFile[] {
  const pkg = fiscalDataPackageOf(sorted, options);
  const names = budgetFileNames(sorted);
  const budgets = sorted.map((item, i) => ({ item, path: names[i] as string }));
  return [
    {
      path: 'README.txt',
      text: bulkReadme({ descriptor: pkg.descriptor, budgets, rowCount: pkg.rows.length }),
    },
    { path: 'datapackage.json', text: `${JSON.stringify(pkg.descriptor, null, 2)}\n` },
    { path: LINE_ITEMS_PATH, text: pkg.csv },
    ...budgets.map(({ item, path }) => ({ path, text: publishedBudgetJsonOf(item) })),
  ];
}

/** The files of the bulk download, in the order the ZIP holds them. Throws InvalidInput on bad input. */
export function bulkFiles(items: readonly PublishedBudget[], options: BulkOptions = {}): BulkFile[] {
  return bulkFilesOf(sortPublished(checkPublished(items)), options);
}

/** The date the entries carry: the given or latest publication time as Beijing wall-clock time. */
function entryDate(items: readonly PublishedBudget[], fileDate: string | undefined): Date {
  let ms = DOS_EPOCH;
  if (fileDate !== undefined) {
    ms = Date.parse(fileDate);
    if (Number.isNaN(ms)) throw new InvalidInput(`文件日期“${fileDate}”不是有效的时间`);
  } else for (const { meta } of items) ms = Math.max(ms, Date.parse(meta.publishedAt));
  return new Date(Math.max(DOS_EPOCH, ms + BEIJING_OFFSET_MS));
}

/** The bulk download as ZIP bytes. Throws InvalidInput on bad input. */
export async function bulkZip(
  items: readonly PublishedBudget[],
  options: BulkOptions = {},
): Promise<Uint8Array> {
  const sorted = sortPublished(checkPublished(items));
  const files = bulkFilesOf(sorted, options);
  const date = entryDate(sorted, options.fileDate);
  const zip = new JSZip();
  const folders = new Set<string>();
  for (const f of files) {
    const slash = f.path.lastIndexOf('/');
    const folder = slash < 0 ? null : f.path.slice(0, slash + 1);
    if (folder !== null && !folders.has(folder)) {
      folders.add(folder);
      zip.file(folder, null, { dir: true, date, createFolders: false });
    }
    zip.file(f.path, f.text, { date, createFolders: false, binary: false });
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'DOS',
  });
}
