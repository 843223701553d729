/**
 * The files a publication keeps: the standard disclosure in the configured formats, and the open JSON
 * (always; src/open-data/json.ts, with the publication's metadata). Rendering happens before the publishing
 * transaction (PDF and chart images take seconds in Chromium); the transaction then stores exactly these
 * bytes with their SHA-256, at the time the JSON states.
 */
import type { Budget } from '../core/budget/budget.ts';
import { ZhengwuError } from '../core/errors.ts';
import type { PublicationMeta } from '../open-data/index.ts';
import { publishedBudgetJson } from '../open-data/index.ts';
import { findChromium } from '../render/browser.ts';
import { type OutputFormat, renderDisclosure } from '../render/render-disclosure.ts';
import type { Repositories } from '../store/repositories/index.ts';

export interface RenderedFile {
  format: string;
  bytes: Uint8Array;
}

/** The formats that can be rendered here: PDF, and chart images in DOCX, need Chromium. */
export function renderableFormats(formats: readonly OutputFormat[]): OutputFormat[] {
  return findChromium() ? [...formats] : formats.filter((f) => f !== 'pdf' && f !== 'docx');
}

export async function renderPublicationFiles(
  budget: Budget,
  prior: Budget | null,
  formats: readonly OutputFormat[],
  meta: PublicationMeta,
): Promise<RenderedFile[]> {
  const rendered = await renderDisclosure({ budget, prior, notes: [] }, renderableFormats(formats));
  const files: RenderedFile[] = [
    { format: 'json', bytes: new TextEncoder().encode(publishedBudgetJson({ meta, budget })) },
  ];
  for (const [format, bytes] of Object.entries(rendered)) if (bytes) files.push({ format, bytes });
  return files;
}

/** The publication metadata of a budget of the store, for its `version` published `at`. */
export async function publicationMeta(
  repos: Repositories,
  budget: { departmentId: string; fiscalYear: number; kind: PublicationMeta['kind'] },
  version: number,
  at: string,
): Promise<PublicationMeta> {
  const department = await repos.departments.get(budget.departmentId);
  if (!department) throw new ZhengwuError('NOT_FOUND', `部门不存在（${budget.departmentId}）。`);
  const region = await repos.regions.get(department.regionId);
  return {
    departmentId: department.id,
    departmentName: department.name,
    departmentCode: department.code,
    regionName: region?.name ?? '',
    fiscalYear: budget.fiscalYear,
    kind: budget.kind,
    version,
    publishedAt: at,
  };
}
