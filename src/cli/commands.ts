/** The import and audit commands: read every input, one bad file never stops the batch. */
import { readFile } from 'node:fs/promises';
import { ZodError } from 'zod';
import { type AuditReport, auditBudget } from '../core/audit/audit.ts';
import { type AuditConfig, DEFAULT_AUDIT_CONFIG, parseAuditConfig } from '../core/audit/config.ts';
import type { DocumentAudit } from '../core/audit/report/document-report.ts';
import { formatHtml } from '../core/audit/report/format-html.ts';
import { formatMarkdown } from '../core/audit/report/format-markdown.ts';
import { formatText } from '../core/audit/report/format-text.ts';
import { SUMMARY_KEYS } from '../core/budget/summary.ts';
import { InvalidInput } from '../core/errors.ts';
import { formatFen } from '../core/kernel/money.ts';
import { collectFiles } from './collect-files.ts';
import { csvRow } from './csv.ts';
import { progressBar } from './progress.ts';
import { type Outcome, readInput } from './read-input.ts';
import { formatTable } from './summary-table.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

async function readAll(
  args: readonly string[],
): Promise<{ file: string; outcome: Outcome }[] & { batch?: boolean }> {
  const { files, batch } = await collectFiles(args);
  if (!files.length) throw new InvalidInput(`没有找到可读取的文件：${args.join(' ')}（支持 .txt、.md）`);
  const bar = progressBar(files.length);
  const results: { file: string; outcome: Outcome }[] & { batch?: boolean } = [];
  for (const f of files) {
    results.push({ file: f.path, outcome: await readInput(f.path) });
    bar.tick(f.path);
  }
  bar.done();
  results.batch = batch;
  return results;
}

const wan = (fen: number | null) => (fen === null ? '—' : formatFen(fen, '万元', 2).replace('万元', ''));

export async function importCommand(args: readonly string[], format: string, io: Io): Promise<number> {
  if (format !== 'json' && format !== 'csv')
    throw new InvalidInput(`--format 只能是 json 或 csv，不能是“${format}”`);
  const docs = await readAll(args);
  if (format === 'json') {
    const documents = docs.map(({ file, outcome }) =>
      outcome.ok
        ? {
            file,
            summary: outcome.result.summary,
            budget: outcome.result.budget,
            provenance: outcome.result.provenance,
            missing: outcome.result.missing,
          }
        : { file, error: outcome.error, summary: null, budget: null, provenance: {}, missing: [] },
    );
    io.out(`${JSON.stringify({ documents }, null, 2)}\n`);
  } else {
    const rows = [csvRow(['file', ...SUMMARY_KEYS])];
    for (const { file, outcome } of docs)
      rows.push(csvRow([file, ...SUMMARY_KEYS.map((k) => (outcome.ok ? outcome.result.summary[k] : null))]));
    io.out(`${rows.join('\r\n')}\r\n`);
  }
  for (const d of docs) if (!d.outcome.ok) io.err(`无法读取：${d.outcome.error}\n`);
  if (docs.batch)
    io.err(
      `\n${formatTable(
        ['文件', '年度', '部门', '收入(万元)', '支出(万元)', '未找到'],
        docs.map(({ file, outcome }) =>
          outcome.ok
            ? [
                file,
                String(outcome.result.summary.fiscalYear ?? '—'),
                outcome.result.summary.department ?? '—',
                wan(outcome.result.summary.revenueTotal),
                wan(outcome.result.summary.expenditureTotal),
                String(outcome.result.missing.length),
              ]
            : [file, '无法读取', '', '', '', ''],
        ),
      )}\n`,
    );
  return docs.some((d) => !d.outcome.ok) ? 2 : 0;
}

export async function loadAuditConfig(path: string | undefined): Promise<AuditConfig> {
  if (!path) return DEFAULT_AUDIT_CONFIG;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new InvalidInput(`无法读取审核配置文件 ${path}：${(e as Error).message}`);
  }
  try {
    return parseAuditConfig(json);
  } catch (e) {
    if (e instanceof ZodError)
      throw new InvalidInput(
        `审核配置文件 ${path} 有误：${e.issues.map((i) => `${i.path.join('.') || '(根)'} ${i.message}`).join('；')}`,
      );
    throw e;
  }
}

export async function auditCommand(
  args: readonly string[],
  format: string,
  configPath: string | undefined,
  io: Io,
): Promise<number> {
  if (!['text', 'json', 'md', 'html'].includes(format))
    throw new InvalidInput(`--format 只能是 text、json、md 或 html，不能是“${format}”`);
  const config = await loadAuditConfig(configPath);
  const docs = await readAll(args);
  const audits: DocumentAudit[] = docs.map(({ file, outcome }) => {
    if (!outcome.ok) return { file, error: outcome.error };
    const r = outcome.result;
    const report: AuditReport = auditBudget(
      { budget: r.budget, provenance: r.provenance, lines: r.lines },
      config,
    );
    return { file, report };
  });
  if (format === 'json') {
    const documents = audits.map((a) =>
      a.report
        ? {
            file: a.file,
            findings: a.report.findings,
            counts: a.report.counts,
            rules: a.report.rules,
            results: a.report.results,
          }
        : { file: a.file, error: a.error, findings: [], counts: { error: 0, warning: 0, info: 0 } },
    );
    io.out(`${JSON.stringify({ documents }, null, 2)}\n`);
  } else if (format === 'md') io.out(formatMarkdown(audits));
  else if (format === 'html') io.out(formatHtml(audits));
  else io.out(formatText(audits));
  if (format !== 'text') for (const a of audits) if (a.error) io.err(`无法读取：${a.error}\n`);
  if (docs.batch) {
    const table = formatTable(
      ['文件', '错误', '警告', '提示', '规则(通过/未通过/无法检查)'],
      audits.map((a) =>
        a.report
          ? [
              a.file,
              String(a.report.counts.error),
              String(a.report.counts.warning),
              String(a.report.counts.info),
              `${a.report.rules.passed}/${a.report.rules.failed}/${a.report.rules.notChecked}`,
            ]
          : [a.file, '无法读取', '', '', ''],
      ),
    );
    (format === 'text' ? io.out : io.err)(`\n${table}\n`);
  }
  if (audits.some((a) => a.error)) return 2;
  return audits.some((a) => (a.report?.counts.error ?? 0) > 0) ? 1 : 0;
}
