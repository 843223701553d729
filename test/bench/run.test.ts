/**
 * Smoke test of the benchmark (bench/run.ts) on 50 documents, written to a
 * temporary file: the section is written, replaced in place, and the rest of the
 * file is kept. The corpus generator is checked for determinism and for
 * GB18030 documents that decode back to their text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeGb18030, gb18030Available, generateCorpus } from '../../bench/generate-corpus.ts';
import { runBench, SECTION_TITLE, writeSection } from '../../bench/run.ts';
import { decodeText } from '../../src/import/text/decode.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhengwu-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench/generate-corpus.ts', () => {
  it('gives the same documents for the same seed, and different ones for another', () => {
    const a = generateCorpus({ docs: 20, seed: 7 });
    const b = generateCorpus({ docs: 20, seed: 7 });
    const c = generateCorpus({ docs: 20, seed: 8 });
    expect(a.map((d) => d.text)).toEqual(b.map((d) => d.text));
    expect(a.map((d) => d.text)).not.toEqual(c.map((d) => d.text));
    expect(new Set(a.map((d) => d.options.tableLayout)).size).toBeGreaterThan(1);
  });

  it.skipIf(!gb18030Available())('writes GB18030 that decodes back to the same text', () => {
    const docs = generateCorpus({ docs: 20, seed: 7, gb18030Share: 0.5 }).filter(
      (d) => d.encoding === 'gb18030',
    );
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) expect(decodeText(d.bytes)).toEqual({ text: d.text, encoding: 'gb18030' });
    const sample = '“三公”经费（境）８２．９％—…·、𠀀';
    expect(decodeText(encodeGb18030(sample)).text).toBe(sample);
  });
});

describe('bench/run.ts', () => {
  it('writes its section to a new file, with documents/s, MB/s and ratio to baseline', async () => {
    const out = join(dir, 'new.md');
    const r = await runBench({ docs: 50, seed: 1, out, log: false });
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('# Benchmarks\n\n')).toBe(true);
    expect(text).toContain(`## ${SECTION_TITLE}`);
    expect(text).toContain('| What | Documents/s | MB/s | Ratio to baseline |');
    expect(text).toContain('Node v');
    expect(r.measurements[0]?.ratio).toBe(1);
    expect(r.measurements.map((m) => m.what)).toEqual([
      expect.stringContaining('Baseline'),
      'Import (decodeText + importText)',
      'Import + audit (importText + auditBudget)',
    ]);
    for (const m of r.measurements) expect(m.docsPerSecond).toBeGreaterThan(0);
  });

  it('replaces only its own section of an existing file', () => {
    const out = join(dir, 'existing.md');
    writeFileSync(
      out,
      `# Benchmarks\n\n## Other bench\n\nkeep me\n\n## ${SECTION_TITLE}\n\nold figures\n\n## Later bench\n\nkeep me too\n`,
    );
    writeSection(out, `## ${SECTION_TITLE}\n\nnew figures\n`);
    expect(readFileSync(out, 'utf8')).toBe(
      `# Benchmarks\n\n## Other bench\n\nkeep me\n\n## ${SECTION_TITLE}\n\nnew figures\n\n## Later bench\n\nkeep me too\n`,
    );
    const plain = join(dir, 'plain.md');
    writeFileSync(plain, '# Benchmarks\n\n## Other bench\n\nkeep me\n');
    writeSection(plain, `## ${SECTION_TITLE}\n\nfigures\n`);
    expect(readFileSync(plain, 'utf8')).toBe(
      `# Benchmarks\n\n## Other bench\n\nkeep me\n\n## ${SECTION_TITLE}\n\nfigures\n`,
    );
  });
});
