/**
 * The demo data `npm start` loads into an empty store, once: the district 山海关区, the department
 * 秦皇岛市山海关区人民政府政务服务中心 with its unit, and its 2017 and 2018 budgets
 * (samples/shanhaiguan-2018.budget.json), published through the same repositories as any budget, so the
 * portal and the open data have something real to show. Loading again finds what is there and only adds
 * what is missing (a start interrupted half-way completes on the next start).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Budget } from '../core/budget/budget.ts';
import { parseBudgetFile } from '../import/budget-file.ts';
import { publicationMeta, renderPublicationFiles } from './publication-files.ts';
import type { ServiceDeps } from './service-context.ts';

export const DEMO_FILE = fileURLToPath(
  new URL('../../samples/shanhaiguan-2018.budget.json', import.meta.url),
);
export const DEMO_REGION = { name: '山海关区', code: '130303', level: 'district' as const };

export interface DemoLoadResult {
  /** Budgets published by this run (empty when everything was there). */
  published: string[];
  departmentId: string;
  regionId: string;
}

export async function loadDemoData(
  deps: ServiceDeps,
  actorId: string,
  progress: (message: string) => void = () => {},
): Promise<DemoLoadResult> {
  const { repos } = deps;
  const file = parseBudgetFile(await readFile(DEMO_FILE, 'utf8'), DEMO_FILE);
  const region =
    (await repos.regions.list()).find((r) => r.code === DEMO_REGION.code) ??
    (await repos.regions.create(DEMO_REGION, null));
  const info = file.budget.department;
  const departments = await repos.departments.list(region.id);
  const department =
    departments.find((d) => d.name === info.name && d.kind === 'department') ??
    (await repos.departments.create(
      { regionId: region.id, name: info.name, code: info.code, kind: 'department' },
      null,
    ));
  const unitName = `${info.name}（本级）`;
  if (!departments.some((d) => d.name === unitName))
    await repos.departments.create(
      { regionId: region.id, parentId: department.id, name: unitName, code: null, kind: 'unit' },
      null,
    );

  const published: string[] = [];
  const years: [Budget, Budget | null][] = file.prior
    ? [
        [file.prior, null],
        [file.budget, file.prior],
      ]
    : [[file.budget, null]];
  for (const [facts, prior] of years) {
    const year = facts.fiscalYear;
    if (year === null) throw new Error('示例预算缺少年度');
    const existing = await repos.budgets.find(department.id, year, 'budget');
    if (existing?.status === 'published') continue;
    progress(`正在载入示例数据：${info.name} ${year} 年部门预算，生成公开文件……`);
    let budget =
      existing ??
      (await repos.budgets.create(
        { departmentId: department.id, fiscalYear: year, kind: 'budget', facts },
        null,
      ));
    if (budget === 'duplicate') throw new Error('示例预算已存在');
    for (const [from, to] of [
      ['draft', 'submitted'],
      ['submitted', 'approved'],
    ] as const) {
      if (budget.status !== from) continue;
      const moved = await repos.budgets.setStatus(budget.id, from, to, budget.version, null);
      if (moved === 'conflict') throw new Error('示例预算正被修改');
      budget = { ...budget, ...moved };
    }
    const at = deps.now().toISOString();
    const meta = await publicationMeta(repos, budget, 1, at);
    const files = await renderPublicationFiles(facts, prior, deps.config.publicationFormats, meta);
    const result = await repos.publications.publish({
      budgetId: budget.id,
      snapshot: facts,
      files,
      actorId,
      at,
    });
    if (result === 'conflict') throw new Error('示例预算正被修改');
    published.push(`${year}`);
  }
  return { published, departmentId: department.id, regionId: region.id };
}
