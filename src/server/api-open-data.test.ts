/**
 * Open data through HTTP, on both databases: the catalogue lists only published budgets; each has its
 * JSON (as published, with its metadata), a CSV of its line items with their codes, and a Fiscal Data
 * Package; the bulk download of a region and year holds every published budget of it.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Budget } from '../core/budget/budget.ts';
import { cleanBudgetFacts } from '../store/test-fixtures.ts';
import { TEST_STORES } from '../store/test-stores.ts';
import { useTestServer } from './test-server.ts';

describe.each(TEST_STORES)('open-data API on $name', (entry) => {
  const server = useTestServer(entry);

  /** A region with two departments: one budget published, one still a draft. */
  async function publishedAndDraft(year: number) {
    const { repos } = server.deps;
    const { workflow } = server.services;
    const region = await repos.regions.create({ name: `测试区${year}`, level: 'district', code: null }, null);
    const [a, b] = await Promise.all(
      ['行政审批局', '财政局'].map((name, i) =>
        repos.departments.create(
          { regionId: region.id, name, code: `D${year}${i}`, kind: 'department' },
          null,
        ),
      ),
    );
    if (!a || !b) throw new Error('fixture');
    const reviewer = {
      id: (await server.user(`rev-${year}-${entry.dialect}`, ['reviewer'])).id,
      roles: ['reviewer' as const],
      departmentIds: [],
    };
    const editorA = { id: 'x', roles: ['editor' as const], departmentIds: [a.id] };
    const pub = await server.services.budgets.create(editorA, {
      departmentId: a.id,
      fiscalYear: year,
      kind: 'budget',
      facts: cleanBudgetFacts(year),
    });
    const s = await workflow.submit({ ...editorA, id: reviewer.id }, pub.id, pub.version, {});
    const ap = await workflow.approve(reviewer, pub.id, s.version);
    await workflow.publish(reviewer, pub.id, ap.version);
    const draft = await server.services.budgets.create(
      { ...editorA, departmentIds: [b.id] },
      { departmentId: b.id, fiscalYear: year, kind: 'budget', facts: cleanBudgetFacts(year) },
    );
    return { region, published: pub, draft, departmentName: a.name };
  }

  it('serves each published budget as JSON, CSV and a Fiscal Data Package, and nothing unpublished', async () => {
    const { region, published, draft, departmentName } = await publishedAndDraft(2021);
    const anon = server.client();

    const catalogue = await anon.get<{ budgetId: string }[]>(`/api/open-data/budgets?regionId=${region.id}`);
    expect(catalogue.body.map((e) => e.budgetId)).toEqual([published.id]);

    const json = await anon.get<{
      format: string;
      meta: { departmentName: string; version: number };
      budget: Budget;
    }>(`/api/open-data/budgets/${published.id}/files/json`);
    expect(json.body.format).toBe('zhengwu.budget/1');
    expect(json.body.meta).toMatchObject({ departmentName, version: 1 });
    expect(json.body.budget).toEqual(cleanBudgetFacts(2021));

    const etag = json.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const cached = await anon.request('GET', `/api/open-data/budgets/${published.id}/files/json`, undefined, {
      headers: { 'if-none-match': `"other", W/${etag}` },
    });
    expect(cached.status).toBe(304);
    const missingFormat = await anon.get<{ error: { message: string } }>(
      `/api/open-data/budgets/${published.id}/files/pdf`,
    );
    expect(missingFormat.status).toBe(404);
    expect(missingFormat.body.error.message).toMatch(/可下载的格式：html、json|可下载的格式：json、html/);

    const csv = await anon.get<string>(`/api/open-data/budgets/${published.id}/line-items.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
    const [header = '', ...rows] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header.split(',')).toEqual(
      expect.arrayContaining(['function_code', 'economic_code', 'amount_fen']),
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.includes(departmentName))).toBe(true);

    const fdp = await anon.get(`/api/open-data/budgets/${published.id}/datapackage.zip`);
    const zip = await JSZip.loadAsync(fdp.bytes);
    const descriptor = JSON.parse((await zip.file('datapackage.json')?.async('string')) ?? '{}') as {
      profile?: string;
    };
    expect(descriptor.profile).toBe('fiscal-data-package');

    for (const path of ['files/json', 'line-items.csv', 'datapackage.zip', 'versions'])
      expect((await anon.get(`/api/open-data/budgets/${draft.id}/${path}`)).status, path).toBe(404);
  });

  it('bundles a region and year into one download', async () => {
    const { region, published } = await publishedAndDraft(2020);
    const anon = server.client();
    const bulk = await anon.get(`/api/open-data/bulk.zip?fiscalYear=2020&regionId=${region.id}`);
    expect(bulk.status).toBe(200);
    const zip = await JSZip.loadAsync(bulk.bytes);
    const budgets = Object.keys(zip.files).filter((f) => f.startsWith('budgets/') && f.endsWith('.json'));
    expect(budgets).toHaveLength(1);
    const one = JSON.parse((await zip.file(budgets[0] ?? '')?.async('string')) ?? '{}') as {
      meta: { departmentId: string };
    };
    expect(one.meta.departmentId).toBe(published.departmentId);
    const none = await anon.get<{ error: { message: string } }>(`/api/open-data/bulk.zip?fiscalYear=1999`);
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/还没有公开的预算/);
  });
});
