/**
 * The files a publication keeps: the standard disclosure in the configured formats, and the open JSON
 * (always). Rendering happens before the publishing transaction (PDF and chart images take seconds in
 * Chromium); the transaction then stores exactly these bytes with their SHA-256.
 */
import type { Budget } from '../core/budget/budget.ts';
import { findChromium } from '../render/browser.ts';
import { type OutputFormat, renderDisclosure } from '../render/render-disclosure.ts';

export interface RenderedFile {
  format: string;
  bytes: Uint8Array;
}

/** The formats that can be rendered here: PDF, and chart images in DOCX, need Chromium. */
export function renderableFormats(formats: readonly OutputFormat[]): OutputFormat[] {
  return findChromium() ? [...formats] : formats.filter((f) => f !== 'pdf' && f !== 'docx');
}

export function openJson(budget: Budget, prior: Budget | null): Uint8Array {
  const file = { format: 'zhengwu.budget/1', budget, prior };
  return new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
}

export async function renderPublicationFiles(
  budget: Budget,
  prior: Budget | null,
  formats: readonly OutputFormat[],
): Promise<RenderedFile[]> {
  const rendered = await renderDisclosure({ budget, prior, notes: [] }, renderableFormats(formats));
  const files: RenderedFile[] = [{ format: 'json', bytes: openJson(budget, prior) }];
  for (const [format, bytes] of Object.entries(rendered)) if (bytes) files.push({ format, bytes });
  return files;
}
