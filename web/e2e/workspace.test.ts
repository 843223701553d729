/**
 * The workspace in a real browser: an editor imports the seed document, sees the flagged problems beside
 * the figures, corrects one, submits with written justifications; a reviewer returns it with a comment; the
 * editor fixes and resubmits; the reviewer approves; the editor publishes and then corrects; the portal
 * shows the new version and the previous one stays reachable. And the public cannot reach the workspace.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { login, PHONE, shot, statusIs, useE2eWorld } from './e2e-server.ts';

const SEED = fileURLToPath(new URL('../../samples/shanhaiguan-2018-budget.txt', import.meta.url));

describe('workspace (browser)', () => {
  const world = useE2eWorld();

  it('runs an imported budget through return, resubmission, approval, publication and correction', async () => {
    const { baseUrl, deps, demo } = world.current;
    const dept = await deps.repos.departments.create(
      { regionId: demo.regionId, name: '山海关区测试局', code: null, kind: 'department' },
      null,
    );
    await world.current.user('editor1', ['editor'], dept.id);
    await world.current.user('reviewer1', ['reviewer'], null);
    const editorContext = await world.current.context();
    const reviewerContext = await world.current.context();
    const editor = await editorContext.newPage();
    const reviewer = await reviewerContext.newPage();

    await login(editor, baseUrl, 'editor1');
    await shot(editor, 'workspace-list-desktop');
    await editor.goto(`${baseUrl}/workspace/import`);
    await editor.locator('input[type=file]').setInputFiles(SEED);
    await editor
      .getByRole('heading', { name: /核对“shanhaiguan-2018-budget.txt”中读出的数字/ })
      .waitFor({ timeout: 10_000 })
      .catch(async (e) => {
        await shot(editor, 'debug-import');
        throw e;
      });
    // The flagged problems beside the figures: the asset snapshot date is one of them.
    await editor.getByRole('tab', { name: /政府采购与国有资产/ }).click();
    const asOf = editor.locator('[data-field="/assets/asOf"]');
    await expect.poll(async () => (await asOf.textContent()) ?? '').toMatch(/尚未到来/);
    await expect.poll(async () => (await asOf.locator('mark').textContent()) ?? '').toMatch(/2018/);
    await shot(editor, 'workspace-import-desktop');
    const errorsBefore = Number(
      /错误 (\d+) 项/.exec((await editor.getByRole('alert').first().textContent()) ?? '')?.[1],
    );
    await editor.getByLabel('资产数据截止日期').fill('2017-12-31');
    await expect.poll(async () => (await asOf.textContent()) ?? '').not.toMatch(/尚未到来/);
    const errorsAfter = Number(
      /错误 (\d+) 项/.exec((await editor.getByRole('alert').first().textContent()) ?? '')?.[1],
    );
    expect(errorsAfter).toBeLessThan(errorsBefore);
    await editor.getByRole('button', { name: '保存为草稿' }).click();
    await editor.waitForURL(/\/workspace\/budgets\/[0-9a-f-]+$/);
    const budgetId = editor.url().split('/').pop() ?? '';
    await statusIs(editor, '草稿');

    const submit = async () => {
      await editor.getByRole('button', { name: '提交审核' }).click();
      const dialog = editor.getByRole('dialog', { name: '提交审核' });
      await dialog.waitFor();
      for (const box of await dialog.getByPlaceholder('说明理由').all())
        await box.fill('该项按财政批复口径填列，已与财政局核对无误。');
      await shot(editor, 'workspace-submit-desktop');
      await dialog.getByRole('button', { name: '提交' }).click();
      await statusIs(editor, '已提交');
    };
    await submit();

    await login(reviewer, baseUrl, 'reviewer1');
    await reviewer.goto(`${baseUrl}/workspace/budgets/${budgetId}`);
    await statusIs(reviewer, '已提交');
    await shot(reviewer, 'workspace-review-desktop');
    await reviewer.getByRole('button', { name: '退回' }).click();
    await reviewer.getByLabel('退回意见').fill('公务接待费未列明金额，请补充后重新提交。');
    await reviewer.getByRole('button', { name: '确定' }).click();
    await statusIs(reviewer, '已退回');

    await editor.reload();
    await statusIs(editor, '已退回');
    await editor.getByText('公务接待费未列明金额').first().waitFor();
    await editor.getByRole('tab', { name: /“三公”经费/ }).click();
    await editor.getByLabel('公务接待费（本年）').fill('0');
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.getByText('已保存').first().waitFor();
    await editor.getByRole('tab', { name: '版本差异' }).click();
    await editor
      .getByRole('cell', { name: /公务接待费/ })
      .first()
      .waitFor();
    await shot(editor, 'workspace-diff-desktop');
    await editor.getByRole('tab', { name: /^编辑/ }).click();
    await submit();

    await reviewer.reload();
    await statusIs(reviewer, '已提交');
    await reviewer.getByRole('button', { name: '批复' }).click();
    await statusIs(reviewer, '已批复');

    await editor.reload();
    await editor.getByRole('button', { name: '公开' }).click();
    await statusIs(editor, '已公开');

    // A correction: the previous version stays reachable.
    await editor.getByRole('tab', { name: /部门概况/ }).click();
    await editor.getByLabel('单位规格').fill('正科级（更正）');
    await editor.getByRole('button', { name: '以修改后的数据更正' }).click();
    await editor.getByLabel('更正理由').fill('单位规格填写有误，按编办批复更正。');
    await editor.getByRole('button', { name: '确定' }).click();
    await editor.getByText('已公开更正版本').first().waitFor();

    const visitor = await (await world.current.context()).newPage();
    await visitor.goto(`${baseUrl}/budgets/${budgetId}`);
    await visitor.getByText('第2版（最新）').waitFor();
    await visitor.getByText(/更正理由：单位规格填写有误/).waitFor();
    await shot(visitor, 'portal-corrected-desktop');
    await visitor.goto(`${baseUrl}/budgets/${budgetId}?version=1`);
    await visitor.getByText('您正在查看旧版本。').waitFor();
    const v1 = await visitor.request.get(`${baseUrl}/api/open-data/budgets/${budgetId}/files/pdf?version=1`);
    expect(v1.status()).toBe(200);
    await shot(visitor, 'portal-previous-version-desktop');
    await editorContext.close();
    await reviewerContext.close();
  }, 240_000);

  it('shows the editor on a phone-sized screen', async () => {
    const { baseUrl } = world.current;
    const context = await world.current.context(PHONE);
    const page = await context.newPage();
    await login(page, baseUrl, 'editor1');
    await page.goto(`${baseUrl}/workspace/import`);
    await page.locator('input[type=file]').setInputFiles(SEED);
    await page.getByRole('button', { name: '保存为草稿' }).waitFor();
    await shot(page, 'workspace-import-phone');
    await context.close();
  }, 120_000);

  it('keeps the public out of every workspace page and API', async () => {
    const { baseUrl } = world.current;
    const context = await world.current.context();
    const page = await context.newPage();
    for (const path of [
      '/workspace',
      '/workspace/import',
      '/workspace/users',
      '/workspace/overdue',
      `/workspace/budgets/${crypto.randomUUID()}`,
    ]) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForURL(/\/workspace\/login\?next=/);
      await page.getByRole('heading', { name: '登录工作台' }).waitFor();
    }
    await shot(page, 'workspace-login-desktop');
    const drafts = (await world.current.deps.repos.budgets.list({})).filter((b) => b.status !== 'published');
    const { repos } = world.current.deps;
    const published = (await repos.budgets.list({ status: 'published' }))[0];
    const facts = published && (await repos.publications.latest(published.id))?.facts;
    const newBudget = {
      departmentId: world.current.demo.departmentId,
      fiscalYear: 2030,
      facts: { ...facts, fiscalYear: 2030 },
    };
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/users'],
      ['GET', '/api/overdue'],
      ['GET', '/api/documents'],
      ['GET', '/api/audit-log'],
      ['POST', '/api/budgets', newBudget],
      ...drafts.flatMap((b): [string, string, unknown?][] => [
        ['PUT', `/api/budgets/${b.id}`, { version: b.version, facts }],
        ['POST', `/api/budgets/${b.id}/submit`, { version: b.version }],
        ['GET', `/api/budgets/${b.id}`],
        ['GET', `/api/budgets/${b.id}/revisions`],
        ['GET', `/api/budgets/${b.id}/review-record`],
      ]),
    ];
    for (const [method, path, data] of calls) {
      const r = await page.request.fetch(`${baseUrl}${path}`, { method, data });
      expect([401, 403, 404], `${method} ${path}`).toContain(r.status());
    }
    await context.close();
  }, 60_000);
});
