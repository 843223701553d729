/**
 * The hall's organisation in a real browser: 业务科 (a hall manager) sets up a district center and a
 * township center under it, stations a department, opens a window and assigns a clerk to it from today;
 * the clerk then finds that window chosen on the intake page. Ending the assignment is offered and shown.
 * Screenshots at desktop and phone size.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, PHONE, shot, useE2eWorld } from './e2e-server.ts';

/** Fills a dialog's fields by label and saves it. */
async function save(page: Page, fields: Record<string, string>, selects: Record<string, string> = {}) {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
  for (const [label, option] of Object.entries(selects)) {
    await dialog.getByLabel(label).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  }
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('the hall organisation (browser)', () => {
  const world = useE2eWorld();

  it('sets up centers, a department, a window and who works it', async () => {
    const { baseUrl } = world.current;
    await world.current.user('hall-manager2', ['hallManager'], null);
    await world.current.user('clerk2', ['windowStaff'], null);

    const manager = await (await world.current.context()).newPage();
    await login(manager, baseUrl, 'hall-manager2');
    await manager
      .getByRole('navigation', { name: '工作台导航' })
      .getByRole('link', { name: '中心与窗口' })
      .click();
    await manager.getByRole('heading', { name: '中心与窗口', level: 1 }).waitFor();
    await manager.getByText('还没有服务中心').waitFor();

    await manager.getByRole('button', { name: '新增区政务服务中心' }).click();
    await save(manager, { 中心名称: '山海关区政务服务中心' });
    await manager.getByRole('heading', { name: /山海关区政务服务中心/, level: 2 }).waitFor();
    await manager.getByRole('button', { name: '新增下级中心' }).click();
    await manager.getByText('级别：乡镇（街道）便民服务中心').waitFor();
    await save(manager, { 中心名称: '南关街道便民服务中心' });
    await manager.getByRole('heading', { name: /南关街道便民服务中心/, level: 2 }).waitFor();
    // Back to the district center, chosen in the tree.
    await manager.getByRole('tree').getByText('山海关区政务服务中心', { exact: true }).click();
    await manager.getByRole('heading', { name: /山海关区政务服务中心/, level: 2 }).waitFor();

    await manager.getByRole('button', { name: '登记进驻部门' }).click();
    await save(manager, { 部门名称: '山海关区民政局' });
    await manager.getByText('山海关区民政局', { exact: true }).waitFor();

    await manager.getByRole('button', { name: '新增窗口' }).click();
    await save(
      manager,
      { 窗口号: '7', 窗口名称: '民政窗口' },
      { 所属部门: '山海关区民政局', 窗口类型: '部门窗口' },
    );
    await manager.getByRole('cell', { name: '民政窗口', exact: true }).waitFor();

    // A window number taken in the same center is refused in the dialog, in Chinese.
    await manager.getByRole('button', { name: '新增窗口' }).click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByLabel('窗口号').fill('7');
    await dialog.getByLabel('窗口名称').fill('另一个窗口');
    await dialog.getByLabel('所属部门').click();
    await manager
      .locator('.ant-select-dropdown:visible')
      .getByTitle('山海关区民政局', { exact: true })
      .click();
    await dialog.getByLabel('窗口类型').click();
    await manager.locator('.ant-select-dropdown:visible').getByTitle('部门窗口', { exact: true }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('该中心已有7号窗口。').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await manager.getByRole('button', { name: '安排人员' }).click();
    await save(manager, {}, { 窗口: '7号窗口 民政窗口', 人员: 'clerk2' });
    const row = manager.getByRole('row', { name: /clerk2/ });
    await row.getByText('在岗').waitFor();
    expect(await row.getByRole('button', { name: /^结束安排（clerk2，7号窗口）/ }).count()).toBe(1);
    await shot(manager, 'hall-organisation-desktop');

    // The clerk works that window today: the intake page has it chosen.
    const clerk = await (await world.current.context()).newPage();
    await login(clerk, baseUrl, 'clerk2');
    await clerk.goto(`${baseUrl}/workspace/hall/intake`);
    await clerk.getByRole('heading', { name: '窗口受理' }).waitFor();
    await clerk.getByText('7号窗口 民政窗口').waitFor();
    // Window staff do not manage the organisation.
    expect(
      await clerk
        .getByRole('navigation', { name: '工作台导航' })
        .getByRole('link', { name: '中心与窗口' })
        .count(),
    ).toBe(0);

    const phone = await (await world.current.context(PHONE)).newPage();
    await login(phone, baseUrl, 'hall-manager2');
    await phone.goto(`${baseUrl}/workspace/hall/organisation`);
    await phone.getByRole('cell', { name: '民政窗口', exact: true }).waitFor();
    await shot(phone, 'hall-organisation-phone');
  });
});
