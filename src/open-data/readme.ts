/** The README.txt of a bulk download, in Chinese: what the files are, where they come from, the licence. */
import { CSV_BOM } from './csv.ts';
import type { FiscalDataPackageDescriptor } from './fiscal-data-package.ts';
import { kindName, type PublishedBudget } from './published-budget.ts';

export interface ReadmeInput {
  descriptor: FiscalDataPackageDescriptor;
  /** The budgets with the path of each one's JSON file, in the order listed. */
  budgets: readonly { item: PublishedBudget; path: string }[];
  /** How many rows the CSV holds. */
  rowCount: number;
}

/** The README text: UTF-8 with a BOM and CRLF line ends, so Windows Notepad shows it right. */
export function bulkReadme({ descriptor, budgets, rowCount }: ReadmeInput): string {
  const csvPath = descriptor.resources[0]?.path ?? '';
  const license = descriptor.licenses[0];
  const source = descriptor.sources?.[0]?.title;
  const lines = [
    descriptor.title,
    '',
    `本压缩包由政务（Zhengwu）部门预算公开系统根据已公开的结构化预算数据生成，共 ${budgets.length} 份。`,
    '',
    '一、文件',
    '  README.txt            本说明',
    '  datapackage.json      数据包描述（Fiscal Data Package / Frictionless Data 格式）：每个字段的中文名称与含义、',
    '                        分类维度、金额单位与币种',
    `  ${csvPath.padEnd(22)}全部预算的金额明细，一行一个金额，共 ${rowCount} 行；UTF-8（带 BOM）编码，`,
    '                        第一行为英文字段名，可直接用 Excel 或 WPS 打开',
    '  budgets/*.json        每份预算的完整结构化数据（zhengwu.budget/1 格式），含公开信息（meta）与全部文字内容',
    '',
    '二、所含预算',
    ...(budgets.length === 0
      ? ['  （无）']
      : budgets.map(({ item: { meta }, path }) => {
          const about = [meta.regionName, meta.departmentCode === null ? '' : `编码 ${meta.departmentCode}`];
          const note = about.filter((s) => s !== '').join('，');
          return (
            `  ${meta.departmentName}${note ? `（${note}）` : ''}：${meta.fiscalYear} 年${kindName(meta.kind)}，` +
            `第 ${meta.version} 版，公开于 ${meta.publishedAt}；${path}`
          );
        })),
    '',
    '三、使用说明',
    '  1. 金额：amount_fen 为分（整数，精确）；amount_yuan 为元，保留两位小数，由分精确换算；',
    '     precision_fen 为原文所写金额的精度（以分计，100000 即原文精确到 0.1 万元）。',
    '  2. 各部分（section）相互重叠：“三公”经费、机关运行经费等都是支出的一部分，合计、小计行（row_type 为',
    '     total、subtotal）重复明细之和。汇总时只在同一部分、同一期间（period）内把 row_type 为 item 的行相加。',
    '  3. 比上年增减（section 为 changes）中减少额为负数；国有资产（assets）是存量，没有收支方向。',
    "  4. 以 = + - @、制表符或回车开头的文字单元格前加了英文单引号（'），以免电子表格把它当作公式执行；",
    '     用程序读取时可去掉这个单引号。',
    '  5. 功能分类、经济分类的类级、款级名称取自本系统的科目名称表（非财政部官方科目表）。',
    '',
    '四、来源',
    `  ${source ? `数据发布：${source}。` : ''}各份预算的数据与公开时间见上；以发布机关公布的公开文件为准。`,
    ...(descriptor.created ? [`  数据包生成依据的最新公开时间：${descriptor.created}。`] : []),
    '',
    '五、许可',
    `  ${license ? `${license.title}（${license.name}${license.path ? `，${license.path}` : ''}）` : '未说明'}`,
    '',
  ];
  return `${CSV_BOM}${lines.join('\r\n')}`;
}
