/** For the open-data tests only: the sample budget as a publication, and an RFC 4180 reader. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Budget } from '../core/budget/budget.ts';
import { parseBudgetFile } from '../import/budget-file.ts';
import type { PublicationMeta, PublishedBudget } from './published-budget.ts';

const SAMPLE = fileURLToPath(new URL('../../samples/shanhaiguan-2018.budget.json', import.meta.url));

/** samples/shanhaiguan-2018.budget.json, read through the project's own reader. */
export function sampleBudget(): Budget {
  return parseBudgetFile(readFileSync(SAMPLE, 'utf8'), SAMPLE).budget;
}

export function sampleMeta(overrides: Partial<PublicationMeta> = {}): PublicationMeta {
  return {
    departmentId: 'dept-630',
    departmentName: '山海关区人民政府政务服务中心',
    departmentCode: '630',
    regionName: '秦皇岛市山海关区',
    fiscalYear: 2018,
    kind: 'budget',
    version: 1,
    publishedAt: '2018-01-10T02:03:00.000Z',
    ...overrides,
  };
}

export function samplePublished(overrides: Partial<PublicationMeta> = {}): PublishedBudget {
  return { meta: sampleMeta(overrides), budget: sampleBudget() };
}

/**
 * Reads CSV per RFC 4180 (quoted fields with doubled quotes, CRLF records; a lone LF is accepted too).
 * Strict: a quote inside an unquoted field, or text after a closing quote, throws.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error('unterminated quoted field');
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += c;
          i++;
        }
      }
      if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n')
        throw new Error(`text after closing quote at ${i}`);
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside unquoted field at ${i}`);
        field += text[i];
        i++;
      }
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    // Record end: CRLF (or LF).
    if (text[i] === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      i++;
    }
    i++;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
  }
}
