/**
 * The service hall in a real browser (issue #6's acceptance): a window clerk takes in a committed case
 * (承诺件) with a material missing, sends the one correction notice, records the resubmission with the
 * material, accepts it and completes it. The public query kiosk shows it completed with nothing personal,
 * and the daily report (read by 业务科, a hall manager) counts it. Screenshots
 * of every page, desktop and phone; the LED screen at 1920×1080 without scrolling.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { committedItem } from '../../src/core/hall/sample-catalogue.ts';
import { shanghaiDate } from '../../src/core/workflow/deadlines.ts';
import { login, PHONE, shot, statusIs, useE2eWorld } from './e2e-server.ts';

const APPLICANT = { name: '欧阳小明', idNumber: '11010519491231002X', phone: '13812345678' };

/** Clicks an action button of the case page and confirms its dialog (after `fill`). */
async function act(
  page: Page,
  name: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('button', { name: new RegExp(`^${name}（办件`) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('the service hall (browser)', () => {
  const world = useE2eWorld();
  let caseId = '';
  let caseNumber = '';

  it('takes a committed case through correction, resubmission, acceptance and completion', async () => {
    const { baseUrl, deps } = world.current;
    const { repos } = deps;
    const center = await repos.hall.createCenter({ name: '山海关区政务服务中心', level: 'district' }, null);
    await repos.hall.stationDepartment({ centerId: center.id, name: committedItem.department }, null);
    const window = await repos.hall.createWindow(
      {
        centerId: center.id,
        number: '3',
        name: '市场监管窗口',
        department: committedItem.department,
        kind: 'department',
      },
      null,
    );
    if (window === 'duplicate') throw new Error('duplicate window');
    await repos.serviceItems.upsert([committedItem], null);
    const clerkUser = await world.current.user('clerk1', ['windowStaff'], null);
    await world.current.user('hall-manager1', ['hallManager'], null);
    await repos.hall.assignStaff(
      { windowId: window.id, userId: clerkUser.id, fromDate: shanghaiDate(new Date()) },
      null,
    );

    const clerkContext = await world.current.context();
    const clerk = await clerkContext.newPage();
    await login(clerk, baseUrl, 'clerk1');
    await clerk.waitForURL(/\/workspace\/hall\/cases$/);
    await clerk.getByRole('heading', { name: '我的办件' }).waitFor();
    // Window staff see the hall's section, not the budget workspace's.
    const nav = clerk.getByRole('navigation', { name: '工作台导航' });
    await nav.getByRole('link', { name: '窗口受理' }).waitFor();
    expect(await nav.getByRole('link', { name: '导入公开文件' }).count()).toBe(0);

    await nav.getByRole('link', { name: '窗口受理' }).click();
    await clerk.getByRole('heading', { name: '窗口受理' }).waitFor();
    // The one window the clerk works today is chosen already.
    await clerk.getByText('3号窗口 市场监管窗口').waitFor();
    await clerk.getByLabel('办理事项').click();
    await clerk.getByLabel('办理事项').fill('食品经营');
    await clerk.keyboard.press('Enter');
    await clerk.getByText(/承诺件：承诺10个工作日办结/).waitFor();
    // Client-side checks with the core's validators: a wrong check digit is caught before sending.
    await clerk.getByLabel('申请人姓名').fill(APPLICANT.name);
    await clerk.getByLabel('公民身份号码').fill('110105194912310021');
    await clerk.getByLabel('联系电话').fill(APPLICANT.phone);
    await clerk.getByRole('button', { name: '收件' }).click();
    await clerk.getByText('公民身份号码校验码不符，请核对号码').waitFor();
    await clerk.getByLabel('公民身份号码').fill(APPLICANT.idNumber);
    await clerk.getByLabel('营业执照').uncheck();
    await shot(clerk, 'hall-intake-desktop');
    await clerk.getByRole('button', { name: '收件' }).click();
    await clerk.waitForURL(/\/workspace\/hall\/cases\/[0-9a-f-]+$/);
    caseId = clerk.url().split('/').pop() ?? '';
    await statusIs(clerk, '已收件');
    caseNumber =
      /办件 (\d+)/.exec((await clerk.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[1] ?? '';
    expect(caseNumber).toMatch(/^\d{16}$/);
    // Personal data masked on screen.
    await clerk.getByText('110105********002X').waitFor();
    await clerk.getByText('138****5678').waitFor();
    expect(await clerk.locator('body').textContent()).not.toContain(APPLICANT.idNumber);
    await clerk.getByText(/收件时未收到：营业执照/).waitFor();

    // One correction notice listing the missing material (preselected from the intake).
    await act(clerk, '一次性告知补正', async (d) => {
      expect(await d.getByLabel('营业执照').isChecked()).toBe(true);
      await d.getByLabel('告知说明（可不填）').fill('请补交营业执照复印件。');
    });
    await statusIs(clerk, '待补正');
    await act(clerk, '重新提交', async (d) => {
      expect(await d.getByLabel('营业执照').isChecked()).toBe(true);
    });
    // Back at the window, which accepts the now complete application; no second notice is offered.
    await statusIs(clerk, '已收件');
    await clerk.getByText(/补齐补正材料（营业执照）。请受理/).waitFor();
    expect(await clerk.getByRole('button', { name: /^一次性告知补正/ }).count()).toBe(0);
    await act(clerk, '受理');
    await statusIs(clerk, '已受理');
    await clerk
      .getByText(/还剩\d+个工作日/)
      .first()
      .waitFor();
    await act(clerk, '办结', async (d) => {
      await d.getByLabel('办理结果').fill('准予许可，核发食品经营许可证。');
    });
    await statusIs(clerk, '已办结');
    const history = clerk.getByRole('table').last();
    for (const step of ['收件', '一次性告知补正', '重新提交', '受理', '办结'])
      await history.getByRole('cell', { name: step, exact: true }).first().waitFor();
    await history.getByText('需补正：营业执照；请补交营业执照复印件。').waitFor();
    await history.getByText('办理结果：准予许可，核发食品经营许可证。').waitFor();
    await shot(clerk, 'hall-case-desktop');

    await clerk.goto(`${baseUrl}/workspace/hall/cases`);
    await clerk.getByRole('link', { name: caseNumber }).waitFor();
    await statusIs(clerk, '已办结');
    await shot(clerk, 'hall-my-cases-desktop');

    // The public query kiosk: completed, and nothing personal.
    const kioskContext = await world.current.context();
    const kiosk = await kioskContext.newPage();
    await kiosk.goto(`${baseUrl}/hall/query`);
    await kiosk.getByLabel('办件编号').fill(caseNumber);
    await kiosk.getByLabel('手机号后四位').fill('5679');
    await kiosk.getByRole('button', { name: '查询' }).click();
    await kiosk.getByText(/未查到该办件/).waitFor();
    await kiosk.getByLabel('手机号后四位').fill('5678');
    await kiosk.getByRole('button', { name: '查询' }).click();
    await kiosk.getByRole('heading', { name: '查询结果' }).waitFor();
    await statusIs(kiosk, '已办结');
    await kiosk.getByText(committedItem.name).waitFor();
    const kioskText = (await kiosk.locator('body').textContent()) ?? '';
    for (const secret of ['欧阳', '小明', '002X', '1381234', '138****'])
      expect(kioskText).not.toContain(secret);
    await shot(kiosk, 'hall-query-desktop');

    // The daily report counts it: received and completed on time today at window 3 and the center.
    const managerContext = await world.current.context();
    const manager = await managerContext.newPage();
    await login(manager, baseUrl, 'hall-manager1');
    // 业务科 sees who acted by name, not by id.
    await manager.goto(`${baseUrl}/workspace/hall/cases/${caseId}`);
    await manager.getByRole('cell', { name: 'clerk1', exact: true }).first().waitFor();
    await manager.goto(`${baseUrl}/workspace/hall/reports`);
    const centerRow = manager.getByRole('row', { name: /全中心/ });
    await centerRow.waitFor();
    const cells = await centerRow.getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['全中心', '1', '1']);
    const windowRow = await manager
      .getByRole('row', { name: /3号窗口 市场监管窗口/ })
      .getByRole('cell')
      .allTextContents();
    expect(windowRow.slice(1, 3)).toEqual(['1', '1']);
    expect(windowRow.at(-1)).toBe('100.0%');
    await shot(manager, 'hall-reports-desktop');
    const download = manager.waitForEvent('download');
    await manager.getByRole('link', { name: '下载日报表（XLSX）' }).click();
    expect((await download).suggestedFilename()).toMatch(/^日报表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await manager.getByRole('tab', { name: '月报表' }).click();
    await manager.getByRole('heading', { name: /逐日趋势/ }).waitFor();
    await shot(manager, 'hall-reports-monthly-desktop');

    for (const [path, heading, name] of [
      ['/workspace/hall/supervision', '电子监察', 'hall-supervision-desktop'],
      ['/workspace/hall/joint', '联办件', 'hall-joint-desktop'],
      ['/workspace/hall/catalogue', '事项目录', 'hall-catalogue-desktop'],
    ] as const) {
      await manager.goto(`${baseUrl}${path}`);
      await manager.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await shot(manager, name);
    }
    await clerkContext.close();
    await managerContext.close();
    await kioskContext.close();
  }, 240_000);

  it('shows the LED screen on one 1920×1080 screen, refreshed by itself', async () => {
    const { baseUrl } = world.current;
    const context = await world.current.context({ width: 1920, height: 1080 });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/hall/screen`);
    await page.getByText('市场监管窗口').waitFor();
    const fits = await page.evaluate(
      'document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth',
    );
    expect(fits).toBe(true);
    await shot(page, 'hall-screen-1920');
    await context.close();
  }, 60_000);

  it('works on a phone-sized screen', async () => {
    const { baseUrl } = world.current;
    const context = await world.current.context(PHONE);
    const page = await context.newPage();
    await login(page, baseUrl, 'clerk1');
    await page.getByRole('heading', { name: '我的办件' }).waitFor();
    await shot(page, 'hall-my-cases-phone');
    await page.goto(`${baseUrl}/workspace/hall/cases/${caseId}`);
    await statusIs(page, '已办结');
    await shot(page, 'hall-case-phone');
    await page.goto(`${baseUrl}/workspace/hall/intake`);
    await page.getByRole('heading', { name: '窗口受理' }).waitFor();
    await shot(page, 'hall-intake-phone');
    const manager = await (await world.current.context(PHONE)).newPage();
    await login(manager, baseUrl, 'hall-manager1');
    for (const [path, heading, name] of [
      ['/workspace/hall/reports', '报表', 'hall-reports-phone'],
      ['/workspace/hall/supervision', '电子监察', 'hall-supervision-phone'],
      ['/workspace/hall/catalogue', '事项目录', 'hall-catalogue-phone'],
    ] as const) {
      await manager.goto(`${baseUrl}${path}`);
      await manager.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await shot(manager, name);
    }
    const kiosk = await (await world.current.context(PHONE)).newPage();
    await kiosk.goto(`${baseUrl}/hall/query`);
    await kiosk.getByLabel('办件编号').fill(caseNumber);
    await kiosk.getByLabel('手机号后四位').fill('5678');
    await kiosk.getByRole('button', { name: '查询' }).click();
    await statusIs(kiosk, '已办结');
    await shot(kiosk, 'hall-query-phone');
    await kiosk.goto(`${baseUrl}/hall/screen`);
    await kiosk.getByText('市场监管窗口').waitFor();
    await shot(kiosk, 'hall-screen-phone');
    await context.close();
  }, 120_000);
});
