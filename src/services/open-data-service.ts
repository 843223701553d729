/**
 * Open data: every published budget, its versions and files, exactly as published. Public: only published
 * data is reachable here.
 */
import { ZhengwuError } from '../core/errors.ts';
import type { PublicationFile, PublicationHeader, PublicationRecord } from '../store/repositories/index.ts';
import type { ServiceDeps } from './service-context.ts';

export interface CatalogueEntry {
  budgetId: string;
  departmentId: string;
  departmentName: string;
  departmentCode: string | null;
  regionId: string;
  regionName: string;
  fiscalYear: number;
  kind: 'budget' | 'finalAccounts';
  latestVersion: number;
  firstPublishedAt: string;
  latestPublishedAt: string;
  files: PublicationHeader['files'];
}

export class OpenDataService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Published budgets, newest year first (of one region and year, when given). */
  async catalogue(filter: { regionId?: string; fiscalYear?: number } = {}): Promise<CatalogueEntry[]> {
    const { repos } = this.deps;
    const [budgets, departments, regions] = await Promise.all([
      repos.budgets.list({
        status: 'published',
        ...(filter.fiscalYear ? { fiscalYear: filter.fiscalYear } : {}),
      }),
      repos.departments.list(filter.regionId),
      repos.regions.list(),
    ]);
    const deptById = new Map(departments.map((d) => [d.id, d]));
    const regionById = new Map(regions.map((r) => [r.id, r]));
    const out: CatalogueEntry[] = [];
    for (const b of budgets) {
      const d = deptById.get(b.departmentId);
      if (!d) continue;
      const versions = await repos.publications.listVersions(b.id);
      const first = versions[0];
      const latest = versions.at(-1);
      if (!first || !latest) continue;
      out.push({
        budgetId: b.id,
        departmentId: d.id,
        departmentName: d.name,
        departmentCode: d.code,
        regionId: d.regionId,
        regionName: regionById.get(d.regionId)?.name ?? '',
        fiscalYear: b.fiscalYear,
        kind: b.kind,
        latestVersion: latest.version,
        firstPublishedAt: first.publishedAt,
        latestPublishedAt: latest.publishedAt,
        files: latest.files,
      });
    }
    return out;
  }

  /** Every published version of a budget (NOT_FOUND when it has none). */
  async versions(budgetId: string): Promise<PublicationHeader[]> {
    const versions = await this.deps.repos.publications.listVersions(budgetId);
    if (!versions.length) throw notPublished();
    return versions;
  }

  /** One version (the latest when `version` is absent). */
  async publication(budgetId: string, version?: number): Promise<PublicationRecord> {
    const { publications } = this.deps.repos;
    const p =
      version === undefined ? await publications.latest(budgetId) : await publications.get(budgetId, version);
    if (!p) throw notPublished(version);
    return p;
  }

  /** A published file's bytes, exactly as published. */
  async file(
    budgetId: string,
    version: number | undefined,
    format: string,
  ): Promise<PublicationFile & { version: number }> {
    const p = await this.publication(budgetId, version);
    const f = await this.deps.repos.publications.getFile(p.id, format);
    if (!f)
      throw new ZhengwuError(
        'NOT_FOUND',
        `第 ${p.version} 版没有 ${format} 格式的文件；可下载的格式：${p.files.map((x) => x.format).join('、')}。`,
      );
    return { ...f, version: p.version };
  }
}

function notPublished(version?: number): ZhengwuError {
  return new ZhengwuError(
    'NOT_FOUND',
    version === undefined ? '预算不存在或尚未公开。' : `该预算没有第 ${version} 个公开版本。`,
  );
}
