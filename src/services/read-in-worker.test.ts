import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZhengwuError } from '../core/errors.ts';
import { readInWorker } from './read-in-worker.ts';

const seed = new Uint8Array(
  readFileSync(new URL('../../samples/shanhaiguan-2018-budget.txt', import.meta.url)),
);

describe('reading a document in a worker thread', () => {
  it('reads and audits the seed as the main thread would', async () => {
    const { read, audit } = await readInWorker('seed.txt', seed);
    expect(read.format).toBe('text');
    expect(read.budget.department.name).toBe('秦皇岛市山海关区人民政府政务服务中心');
    expect(audit.findings.length).toBeGreaterThan(0);
  });

  it("passes the reader's named errors through", async () => {
    const broken = new TextEncoder().encode('%PDF-1.7\nnot really a pdf');
    const e = await readInWorker('broken.pdf', broken).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ZhengwuError);
    expect((e as ZhengwuError).code).toBe('UNREADABLE_INPUT');
  });

  it('stops a read that takes too long', async () => {
    const e = await readInWorker('seed.txt', seed, 1).catch((x: unknown) => x);
    expect((e as ZhengwuError).message).toMatch(/读取文件超时/);
  });

  it('runs several at once without mixing up results', async () => {
    const names = ['a.txt', 'b.txt', 'c.txt'];
    const results = await Promise.all(names.map((n) => readInWorker(n, seed)));
    expect(results.map((r) => r.read.budget.fiscalYear)).toEqual([2018, 2018, 2018]);
  });
});
