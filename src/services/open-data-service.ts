/**
 * Open data: every published budget, its versions and files, exactly as published. Public: only published
 * data is reachable here.
 */
import { ZhengwuError } from '../core/errors.ts';
import { bulkZip, lineItems, lineItemsCsv, type PublishedBudget } from '../open-data/index.ts';
import type { PublicationFile, PublicationHeader, PublicationRecord } from '../store/repositories/index.ts';
import { publicationMeta } from './publication-files.ts';
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
    const inScope = budgets.filter((b) => deptById.has(b.departmentId));
    const versionsOf = await repos.publications.listVersionsOf(inScope.map((b) => b.id));
    const out: CatalogueEntry[] = [];
    for (const b of inScope) {
      const d = deptById.get(b.departmentId);
      if (!d) continue;
      const versions = versionsOf.get(b.id) ?? [];
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

  /** A published file's bytes, exactly as published (one query when it exists). */
  async file(
    budgetId: string,
    version: number | undefined,
    format: string,
  ): Promise<PublicationFile & { version: number }> {
    const found = await this.deps.repos.publications.fileOf(budgetId, format, version);
    if (found) return found;
    const p = await this.publication(budgetId, version);
    throw new ZhengwuError(
      'NOT_FOUND',
      `第 ${p.version} 版没有 ${format} 格式的文件；可下载的格式：${p.files.map((x) => x.format).join('、')}。`,
    );
  }
}

export class OpenDataExports {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly openData: OpenDataService,
  ) {}

  /** A publication with its metadata, as the open-data exports take it. */
  async published(budgetId: string, version?: number): Promise<PublishedBudget> {
    const p = await this.openData.publication(budgetId, version);
    const budget = await this.deps.repos.budgets.get(budgetId);
    if (!budget) throw notPublished();
    return {
      meta: await publicationMeta(this.deps.repos, budget, p.version, p.publishedAt),
      budget: p.facts,
    };
  }

  /** One row per line item, with its codes (CSV, UTF-8 with BOM). */
  async csv(budgetId: string, version?: number): Promise<{ text: string; item: PublishedBudget }> {
    const item = await this.published(budgetId, version);
    return { text: lineItemsCsv(lineItems(item)), item };
  }

  /** One budget as a Fiscal Data Package (ZIP). */
  async dataPackage(
    budgetId: string,
    version?: number,
  ): Promise<{ bytes: Uint8Array; item: PublishedBudget }> {
    const item = await this.published(budgetId, version);
    return { bytes: await bulkZip([item]), item };
  }

  /** Every published budget (latest versions) of a year, of one region or all: one Fiscal Data Package. */
  async bulk(filter: {
    fiscalYear: number;
    regionId?: string;
  }): Promise<{ bytes: Uint8Array; count: number }> {
    const entries = await this.openData.catalogue(filter);
    if (!entries.length)
      throw new ZhengwuError(
        'NOT_FOUND',
        `${filter.fiscalYear} 年${filter.regionId ? '该区划' : ''}还没有公开的预算。`,
      );
    const items = await Promise.all(entries.map((e) => this.published(e.budgetId)));
    return { bytes: await bulkZip(items), count: items.length };
  }
}

function notPublished(version?: number): ZhengwuError {
  return new ZhengwuError(
    'NOT_FOUND',
    version === undefined ? '预算不存在或尚未公开。' : `该预算没有第 ${version} 个公开版本。`,
  );
}
