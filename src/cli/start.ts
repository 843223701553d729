/**
 * `npm start` until the server exists: audits the demo disclosure (the seed,
 * samples/shanhaiguan-2018-budget.txt) and prints the report.
 */
import { fileURLToPath } from 'node:url';
import { main } from './main.ts';

const sample = fileURLToPath(new URL('../../samples/shanhaiguan-2018-budget.txt', import.meta.url));
process.stdout.write(
  '政务服务中心 · 部门预算公开审核（示例：山海关区人民政府政务服务中心 2018 年部门预算）\n\n',
);
const code = await main(['audit', sample]);
// Findings in the demo are expected; only an unreadable demo is a failure of `npm start`.
process.exitCode = code === 2 ? 2 : 0;
