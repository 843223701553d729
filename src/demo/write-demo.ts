/** Writes the demo budget file (samples/shanhaiguan-2018.budget.json) from src/demo/shanhaiguan-2018.ts. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoData } from './shanhaiguan-2018.ts';

export const DEMO_FILE = fileURLToPath(
  new URL('../../samples/shanhaiguan-2018.budget.json', import.meta.url),
);

export function demoJson(): string {
  return `${JSON.stringify(demoData(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(DEMO_FILE, demoJson());
  process.stdout.write(`已写入 ${DEMO_FILE}\n`);
}
