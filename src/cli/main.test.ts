/**
 * The command-line contract, through the real bin/zhengwu in a child process:
 * output shapes, exit codes, directories, bad files and Chinese messages.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_KEYS } from '../core/budget/summary.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/zhengwu');
const seed = join(root, 'samples/shanhaiguan-2018-budget.txt');
const clean = join(root, 'test/fixtures/clean-county-2024.txt');

async function zhengwu(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhengwu-cli-'));
  copyFileSync(seed, join(dir, 'a-seed.txt'));
  copyFileSync(clean, join(dir, 'b-clean.md'));
  writeFileSync(join(dir, 'c-empty.txt'), '');
  writeFileSync(join(dir, 'd-binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x01]));
  writeFileSync(join(dir, 'ignored.bin'), 'not a document');
  // The clean document in GB18030: "某县" etc. encoded by hand is long; a short GBK text will do.
  writeFileSync(join(dir, 'e-gbk.txt'), Buffer.from([0xb2, 0xbf, 0xc3, 0xc5, 0xd4, 0xa4, 0xcb, 0xe3]));
});

describe('zhengwu import', () => {
  it('prints the JSON contract with exactly the summary keys, in 分', async () => {
    const { code, stdout } = await zhengwu('import', seed);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const doc = json.documents[0];
    expect(Object.keys(doc)).toEqual(['file', 'summary', 'budget', 'provenance', 'missing']);
    expect(Object.keys(doc.summary).sort()).toEqual([...SUMMARY_KEYS].sort());
    expect(doc.summary).toMatchObject({
      revenueTotal: 82_900_000,
      personnel: 64_010_000,
      reception: null,
      fiscalYear: 2018,
    });
    expect(doc.provenance['/stated/revenueTotal']).toMatchObject({ line: 70, text: '预算收入为 82.9 万元' });
  });

  it('prints one CSV row per document with those columns', async () => {
    const { code, stdout } = await zhengwu('import', seed, clean, '--format', 'csv');
    expect(code).toBe(0);
    const rows = stdout.trim().split('\r\n');
    expect(rows[0]).toBe(['file', ...SUMMARY_KEYS].join(','));
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain('某县市场监督管理局');
  });

  it('reads a directory, never stops at a bad file, and exits 2 when one was unreadable', async () => {
    const { code, stdout, stderr } = await zhengwu('import', dir);
    expect(code).toBe(2);
    const docs = JSON.parse(stdout).documents;
    expect(docs.map((d: { file: string }) => d.file.split('/').pop())).toEqual([
      'a-seed.txt',
      'b-clean.md',
      'c-empty.txt',
      'd-binary.txt',
      'e-gbk.txt',
    ]);
    expect(docs[2].error).toContain('文件为空');
    expect(docs[3].error).toContain('PDF');
    expect(docs[1].summary.revenueTotal).toBe(500_000_000);
    expect(stderr).toContain('未找到');
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('zhengwu audit', () => {
  it('exits 1 when errors are found and prints the JSON contract', async () => {
    const { code, stdout } = await zhengwu('audit', seed, '--format', 'json');
    expect(code).toBe(1);
    const doc = JSON.parse(stdout).documents[0];
    expect(doc.counts.error).toBeGreaterThan(0);
    for (const f of doc.findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'message', 'evidence']);
    expect(doc.rules.run).toBe(doc.rules.passed + doc.rules.failed + doc.rules.notChecked);
  });

  it('exits 0 on a clean disclosure', async () => {
    const { code, stdout } = await zhengwu('audit', clean);
    expect(code).toBe(0);
    expect(stdout).toContain('错误 0 项');
  });

  it('writes Markdown and escaped HTML', async () => {
    const md = await zhengwu('audit', seed, '--format', 'md');
    expect(md.stdout).toContain('# 部门预算公开审核报告');
    const html = await zhengwu('audit', seed, '--format', 'html');
    expect(html.stdout).toContain('<html lang="zh-CN">');
    expect(html.stdout).toContain('36 + 21.6 = 57.6 &gt; 15.5万元');
  });

  it('takes a configuration file and explains a bad one in Chinese', async () => {
    const cfg = join(dir, 'audit.json');
    writeFileSync(cfg, JSON.stringify({ rules: { 'completeness.standard-tables': { enabled: false } } }));
    const ok = await zhengwu('audit', seed, '--format', 'json', '--config', cfg);
    expect(
      JSON.parse(ok.stdout).documents[0].findings.some(
        (f: { rule: string }) => f.rule === 'completeness.standard-tables',
      ),
    ).toBe(false);
    writeFileSync(cfg, '{"rules": {"x": {"severity": "fatal"}}}');
    const bad = await zhengwu('audit', seed, '--config', cfg);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^错误：审核配置文件 .* 有误/);
  });

  it('says in Chinese, without a stack trace, when the input is missing or unreadable', async () => {
    const missing = await zhengwu('audit', join(dir, 'nope.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('文件不存在');
    const none = await zhengwu('audit');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('请给出要审核的文件或目录');
    const unknown = await zhengwu('frobnicate', seed);
    expect(unknown.stderr).toContain('未知命令');
    for (const r of [missing, none, unknown]) expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at /);
  });

  it('prints a summary table after a directory', async () => {
    const { stdout } = await zhengwu('audit', dir);
    expect(stdout).toMatch(/文件\s+错误\s+警告\s+提示/);
    expect(stdout).toContain('无法读取');
  });
});

describe('zhengwu render', () => {
  const demo = join(root, 'samples/shanhaiguan-2018.budget.json');

  it('writes several formats into a directory, with echarts beside the HTML', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zhengwu-render-cli-'));
    const { code, stdout } = await zhengwu(
      'render',
      demo,
      '--format',
      'md,html',
      '--format',
      'xlsx',
      '-o',
      out,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('已生成');
    for (const f of [
      'shanhaiguan-2018.md',
      'shanhaiguan-2018.html',
      'shanhaiguan-2018.xlsx',
      'echarts.min.js',
    ])
      expect(existsSync(join(out, f)), f).toBe(true);
    const md = readFileSync(join(out, 'shanhaiguan-2018.md'), 'utf8');
    expect(md).toContain('较2017年预算减少1.58万元');
  });

  it('writes one format to the file named by -o', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zhengwu-render-one-')), '公开说明.md');
    const { code } = await zhengwu('render', demo, '--format', 'md', '-o', out);
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# 秦皇岛市山海关区人民政府政务服务中心/);
  });

  it('renders a directory of budgets, never stops at a bad one, and prints a summary table', async () => {
    const input = mkdtempSync(join(tmpdir(), 'zhengwu-render-dir-'));
    copyFileSync(demo, join(input, 'a.budget.json'));
    writeFileSync(join(input, 'b.json'), '{"fiscalYear": "二〇一八"}');
    const out = join(input, 'out');
    const { code, stdout, stderr } = await zhengwu('render', input, '--format', 'md', '-o', out);
    expect(code).toBe(2);
    expect(existsSync(join(out, 'a.md'))).toBe(true);
    expect(stderr).toContain('b.json 不是有效的预算数据');
    expect(stdout).toMatch(/文件\s+结果\s+输出/);
  });

  it('explains an unknown format in Chinese', async () => {
    const { code, stderr } = await zhengwu('render', demo, '--format', 'odt');
    expect(code).toBe(2);
    expect(stderr).toContain('不支持的输出格式：odt');
  });
});
