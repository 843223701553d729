/**
 * The public portal in a real browser: a visitor finds the demo department, reads its 2018 budget with
 * charts and the audit badge, switches a chart to its table, compares 2018 with 2017, and downloads the PDF.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/import/read-document.ts';
import { ARTIFACTS, PHONE, shot, useE2eWorld } from './e2e-server.ts';

const DEPARTMENT = '秦皇岛市山海关区人民政府政务服务中心';

describe('public portal (browser)', () => {
  const world = useE2eWorld();

  it('finds a department, reads its 2018 budget, views a chart as a table, compares with 2017 and downloads the PDF', async () => {
    const { baseUrl } = world.current;
    const context = await world.current.context();
    const page = await context.newPage();
    await page.goto(baseUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByRole('heading', { name: '部门预算公开', level: 1 }).waitFor();
    await shot(page, 'portal-home-desktop');

    await page.getByRole('searchbox', { name: '搜索部门名称、功能分类或关键词' }).fill('政务服务中心');
    await page.getByRole('searchbox', { name: '搜索部门名称、功能分类或关键词' }).press('Enter');
    await page.getByRole('heading', { name: /搜索结果（2）/ }).waitFor();
    await shot(page, 'portal-search-desktop');
    await page.getByRole('link', { name: '查看2018年预算' }).click();

    await page.getByRole('heading', { name: `${DEPARTMENT} 2018年部门预算`, exact: true }).waitFor();
    await page.getByLabel('审核结果').waitFor();
    await expect.poll(() => page.locator('canvas').count()).toBeGreaterThanOrEqual(4);
    await expect
      .poll(async () => (await page.getByLabel('审核结果').textContent()) ?? '')
      .toMatch(/错误 \d+/);
    await shot(page, 'portal-reader-desktop');

    const firstChart = page.locator('.ant-card').filter({ hasText: '2018年收入按来源' }).first();
    await firstChart.getByText('表格', { exact: true }).click();
    await firstChart.getByRole('columnheader', { name: '收入（万元）' }).waitFor();
    await expect.poll(() => firstChart.getByRole('cell', { name: '一般公共预算拨款' }).count()).toBe(1);
    await shot(page, 'portal-reader-table-desktop');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载PDF文件' }).click();
    const pdfPath = `${ARTIFACTS}download.pdf`;
    await (await download).saveAs(pdfPath);
    const bytes = new Uint8Array(await readFile(pdfPath));
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const read = await readDocument('download.pdf', bytes);
    expect(read.format).toBe('pdf');
    expect(read.lines.join('\n')).toContain('山海关区人民政府政务服务中心');

    await page.getByRole('button', { name: '与2017年比较' }).click();
    await page.getByRole('heading', { name: '2017年 与 2018年', level: 2 }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: '“三公”经费' }).count()).toBeGreaterThan(0);
    await shot(page, 'portal-compare-desktop');

    await page.goto(`${baseUrl}/region`);
    await page.getByRole('heading', { name: '区域汇总' }).waitFor();
    await shot(page, 'portal-region-desktop');
    await page.goto(`${baseUrl}/departments/${world.current.demo.departmentId}`);
    await page.getByRole('heading', { name: '部门职责' }).waitFor();
    await shot(page, 'portal-department-desktop');
    await context.close();
  }, 120_000);

  it('works on a phone-sized screen', async () => {
    const { baseUrl, demo } = world.current;
    const context = await world.current.context(PHONE);
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: '部门预算公开', level: 1 }).waitFor();
    await shot(page, 'portal-home-phone');
    await page.goto(`${baseUrl}/departments/${demo.departmentId}`);
    await page.getByRole('heading', { name: '部门职责' }).waitFor();
    await shot(page, 'portal-department-phone');
    await page.getByRole('link', { name: /阅读2018年预算公开文件/ }).click();
    await page.getByLabel('审核结果').waitFor();
    await shot(page, 'portal-reader-phone');
    // Nothing wider than the screen but the tables that scroll inside their own box.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    await context.close();
  }, 120_000);
});
