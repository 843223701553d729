/**
 * Project pre-approval (项目预审) in a real browser: a window clerk registers a construction project (a
 * wrong project code is explained first), 业务科 (a hall manager) returns it with a reason, the clerk reads
 * the reason and resubmits, the manager passes the preliminary review, approves it and reports it up. The
 * history names every step, who took it and why; the list shows the project reported. Desktop screenshots.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, shot, statusIs, useE2eWorld } from './e2e-server.ts';

const PROJECT = {
  name: '山海关古城南门停车场建设项目',
  code: '2024-130303-48-01-000321',
  unit: '秦皇岛市山海关区城市建设投资有限公司',
  location: '山海关区古城南门外',
  investment: '3,560.5',
  content: '新建地面停车位420个、充电桩40个及配套设施，占地约2.1公顷。',
};
const RETURN_REASON = '请补充自然资源部门的用地预审意见';

/** Clicks an action button of the pre-approval page and confirms its dialog (after `reason`). */
async function act(page: Page, name: string, reason?: string) {
  await page.getByRole('button', { name: new RegExp(`^${name}（项目`) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (reason !== undefined) await dialog.getByRole('textbox').fill(reason);
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('project pre-approval (browser)', () => {
  const world = useE2eWorld();

  it('registers a project, returns it with a reason, resubmits, reviews, approves and reports it up', async () => {
    const { baseUrl, deps } = world.current;
    await deps.repos.hall.createCenter({ name: '山海关区政务服务中心', level: 'district' }, null);
    const clerkUser = await world.current.user('pa-clerk', ['windowStaff'], null);
    const managerUser = await world.current.user('pa-manager', ['hallManager'], null);

    const clerkContext = await world.current.context();
    const clerk = await clerkContext.newPage();
    await login(clerk, baseUrl, 'pa-clerk');
    const nav = clerk.getByRole('navigation', { name: '工作台导航' });
    await nav.getByRole('link', { name: '项目预审' }).click();
    await clerk.getByRole('heading', { name: '项目预审', level: 1 }).waitFor();
    await clerk.getByText('没有项目预审').waitFor();

    await clerk.getByRole('button', { name: '登记项目' }).click();
    const form = clerk.getByRole('dialog');
    await form.waitFor();
    await form.getByLabel('项目名称').fill(PROJECT.name);
    await form.getByLabel('投资项目代码').fill('2024-990303-48-01-000321');
    await form.getByLabel('建设单位').fill(PROJECT.unit);
    await form.getByLabel('建设地点').fill(PROJECT.location);
    await form.getByLabel('总投资（万元）').fill('三千万');
    await form.getByLabel('建设内容及规模').fill(PROJECT.content);
    await form.getByRole('button', { name: '申报' }).click();
    // Checked in the browser with the core's rules, explained in Chinese.
    await form.getByText(/投资项目代码的行政区划代码“990303”不正确/).waitFor();
    await form.getByText('总投资应为数字（万元），如 356 或 1234.5').waitFor();
    expect(await form.getByLabel('上报机关').inputValue()).toBe('秦皇岛市行政审批局');
    await form.getByLabel('投资项目代码').fill(PROJECT.code);
    await form.getByLabel('总投资（万元）').fill(PROJECT.investment);
    await form
      .getByText(/不正确|应为数字/)
      .first()
      .waitFor({ state: 'detached' });
    await shot(clerk, 'pre-approval-register-desktop');
    await form.getByRole('button', { name: '申报' }).click();
    await clerk.waitForURL(/\/workspace\/hall\/pre-approvals\/[0-9a-f-]+$/);
    const url = clerk.url();
    await clerk.getByRole('heading', { name: PROJECT.name, level: 1 }).waitFor();
    await statusIs(clerk, '已申报');
    await clerk.getByText('3,560.50万元').waitFor();
    await clerk.getByText(`投资项目代码 ${PROJECT.code}`).waitFor();
    // The window registers; the decisions are 业务科's.
    await clerk.getByText(/您没有可办理的操作/).waitFor();
    expect(await clerk.getByRole('button', { name: /^初审通过（项目/ }).count()).toBe(0);

    const managerContext = await world.current.context();
    const manager = await managerContext.newPage();
    await login(manager, baseUrl, 'pa-manager');
    await manager.goto(url);
    await statusIs(manager, '已申报');
    // A return needs a reason: the dialog says so before anything is sent.
    await manager.getByRole('button', { name: /^退回补充（项目/ }).click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('退回补充应写明理由').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await act(manager, '退回补充', RETURN_REASON);
    await statusIs(manager, '已退回补充');

    await clerk.reload();
    await statusIs(clerk, '已退回补充');
    await clerk.getByText(new RegExp(`退回补充：${RETURN_REASON}。补充后由窗口重新申报`)).waitFor();
    await shot(clerk, 'pre-approval-returned-desktop');
    await act(clerk, '重新申报', '已补充用地预审意见（秦自然资预〔2024〕12号）');
    await statusIs(clerk, '已申报');

    await manager.reload();
    await statusIs(manager, '已申报');
    await act(manager, '初审通过');
    await statusIs(manager, '初审通过');
    await act(manager, '批准', '符合国土空间规划和产业政策');
    await statusIs(manager, '已批准');
    // The report names the authority it goes to.
    await act(manager, '上报秦皇岛市行政审批局');
    await statusIs(manager, '已上报');
    await manager.getByText(/上报秦皇岛市行政审批局。$/).waitFor();
    await manager.getByText(/该项目预审为“已上报”，没有可办理的操作/).waitFor();

    // The history: every step, who took it (by name) and why.
    const history = manager.getByRole('table').last();
    const rows = history.locator('tbody tr.ant-table-row');
    await rows.nth(5).waitFor();
    const cells = await Promise.all(
      (await rows.all()).map(async (r) => (await r.locator('td').allTextContents()).map((t) => t.trim())),
    );
    expect(cells.map(([, action, status, who, why]) => [action, status, who, why])).toEqual([
      ['申报', '已申报', 'pa-clerk', '—'],
      ['退回补充', '已退回补充', '本人', RETURN_REASON],
      ['重新申报', '已申报', 'pa-clerk', '已补充用地预审意见（秦自然资预〔2024〕12号）'],
      ['初审通过', '初审通过', '本人', '—'],
      ['批准', '已批准', '本人', '符合国土空间规划和产业政策'],
      ['上报', '已上报', '本人', '—'],
    ]);
    await manager.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await shot(manager, 'pre-approval-reported-desktop');

    // The record as kept: the same steps by the same people, the amount in 分.
    const id = url.split('/').pop() ?? '';
    const kept = await deps.repos.preApprovals.get(id);
    expect(kept).toMatchObject({ status: 'reported', version: 6, totalInvestmentFen: 3_560_500_000 });
    expect((await deps.repos.preApprovals.history(id)).map((e) => e.actorId)).toEqual([
      clerkUser.id,
      managerUser.id,
      clerkUser.id,
      managerUser.id,
      managerUser.id,
      managerUser.id,
    ]);

    // The list: the project, reported; filtered by status.
    await clerk.goto(`${baseUrl}/workspace/hall/pre-approvals`);
    await clerk.getByRole('link', { name: PROJECT.name }).waitFor();
    await statusIs(clerk, '已上报');
    await clerk.getByText('3,560.50万元').waitFor();
    await clerk.getByLabel('状态').click();
    await clerk.getByTitle('已退回补充').click();
    await clerk.getByText('没有项目预审').waitFor();
    await clerk.getByLabel('状态').click();
    await clerk.getByTitle('已上报').click();
    await clerk.getByRole('link', { name: PROJECT.name }).waitFor();
    await clerk
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .waitFor({ state: 'detached' });
    await shot(clerk, 'pre-approval-list-desktop');

    await clerkContext.close();
    await managerContext.close();
  }, 180_000);
});
