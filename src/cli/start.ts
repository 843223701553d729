/**
 * `npm start` until the server exists: renders the demo department's 2018
 * budget (samples/shanhaiguan-2018.budget.json) as the standard disclosure in
 * every format into out/, audits what it wrote, and audits the original seed
 * disclosure (samples/shanhaiguan-2018-budget.txt) to show what the auditor finds.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditBudget } from '../core/audit/audit.ts';
import { formatFen } from '../core/kernel/money.ts';
import { parseBudgetFile } from '../import/budget-file.ts';
import { readDocument } from '../import/read-document.ts';
import { findChromium } from '../render/browser.ts';
import { main } from './main.ts';
import { formatTable } from './summary-table.ts';

const here = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const demo = here('samples/shanhaiguan-2018.budget.json');
const seed = here('samples/shanhaiguan-2018-budget.txt');
const out = here('out');
const formats = findChromium() ? 'html,md,docx,xlsx,pdf' : 'html,md,docx,xlsx';

process.stdout.write(
  '政务服务中心 · 部门预算公开\n示例：秦皇岛市山海关区人民政府政务服务中心 2018 年部门预算\n\n',
);
if (!findChromium())
  process.stdout.write('（未找到 Chromium，跳过 PDF；安装：apt-get install chromium fonts-wqy-microhei）\n');
const code = await main(['render', demo, '--format', formats, '-o', out]);
if (code !== 0) process.exit(code);

const { budget } = parseBudgetFile(readFileSync(demo, 'utf8'), demo);
const rows: string[][] = [];
for (const f of formats.split(',')) {
  const path = `${out}/shanhaiguan-2018.${f}`;
  const r = await readDocument(path, new Uint8Array(readFileSync(path)));
  const report = auditBudget(r);
  rows.push([
    path.replace(`${here('')}`, ''),
    formatFen(r.summary.revenueTotal ?? 0),
    formatFen(r.summary.expenditureTotal ?? 0),
    `${report.counts.error} / ${report.counts.warning}`,
  ]);
}
process.stdout.write(
  `\n生成的公开文件（读回并审核）：\n${formatTable(['文件', '收入', '支出', '错误 / 警告'], rows)}\n`,
);
process.stdout.write(
  `\n结构化数据：收入 ${formatFen(budget.stated.revenueTotal?.fen ?? 0)}，支出 ${formatFen(budget.stated.expenditureTotal?.fen ?? 0)}；用浏览器打开 out/shanhaiguan-2018.html 查看。\n`,
);
process.stdout.write('\n原始公开文件（种子）的审核结果：\n\n');
const seedCode = await main(['audit', seed]);
// Findings in the original seed are expected; only an unreadable file is a failure of `npm start`.
process.exitCode = seedCode === 2 ? 2 : 0;
