/** The approval (批复) and publication (公开) dates, where the document gives them. */
import type { Budget } from '../../core/budget/budget.ts';
import { DATE_SOURCE, isoDate } from './assets.ts';
import { refFromFlow, type SourceRef } from './provenance.ts';
import type { Flow, SourceLine } from './source-lines.ts';

export function readDates(
  lines: readonly SourceLine[],
  flow: Flow,
): { dates: Budget['dates']; refs: Record<string, SourceRef> } {
  const dates: Budget['dates'] = { approved: null, published: null };
  const refs: Record<string, SourceRef> = {};
  const approved = [
    new RegExp(String.raw`(?:批复|批准)(?:日期|时间)\s*[:：]?\s*${DATE_SOURCE}`),
    new RegExp(String.raw`${DATE_SOURCE}\s*[^。；\d]{0,12}?(?:批复|批准)`),
  ];
  const published = [
    new RegExp(String.raw`(?:公开|发布)(?:日期|时间)\s*[:：]?\s*${DATE_SOURCE}`),
    new RegExp(String.raw`${DATE_SOURCE}\s*[^。；\d]{0,6}?(?:公开|发布)`),
  ];
  for (const re of approved) {
    const m = re.exec(flow.text);
    if (m) {
      dates.approved = isoDate(m[1] as string, m[2] as string, m[3] as string);
      refs['/dates/approved'] = refFromFlow(lines, flow, m.index, m.index + m[0].length);
      break;
    }
  }
  for (const re of published) {
    const m = re.exec(flow.text);
    if (m) {
      dates.published = isoDate(m[1] as string, m[2] as string, m[3] as string);
      refs['/dates/published'] = refFromFlow(lines, flow, m.index, m.index + m[0].length);
      break;
    }
  }
  return { dates, refs };
}
