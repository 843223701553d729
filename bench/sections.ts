/**
 * Writing a benchmark's section into docs/benchmarks.md. Its own module so that bench/run.ts (the entry,
 * which awaits the sections at top level) and the section modules can all use it without an import cycle:
 * a section module importing run.ts would wait for run.ts to finish, which waits for the section.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces the section of `file` that `section`'s own "## title" line names (or adds it, or creates the
 * file); the other sections are kept as they are.
 */
export function writeSection(file: string, section: string): void {
  const body = section.endsWith('\n') ? section : `${section}\n`;
  // The section's own "## title" line names the section it replaces.
  const title = /^## (.+)$/m.exec(body)?.[1]?.trim();
  if (!title) throw new Error('基准测试的结果段落缺少“## 标题”行');
  if (!existsSync(file)) {
    writeFileSync(file, `# Benchmarks\n\n${body}`);
    return;
  }
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${title}`);
  if (start < 0) {
    writeFileSync(file, `${text.replace(/\n*$/, '\n\n')}${body}`);
    return;
  }
  let end = lines.findIndex((l, i) => i > start && /^#{1,2} /.test(l));
  if (end < 0) end = lines.length;
  const after = lines.slice(end).join('\n');
  const before = lines.slice(0, start).join('\n');
  writeFileSync(file, `${before}${before ? '\n' : ''}${body}${after ? `\n${after}` : ''}`);
}
