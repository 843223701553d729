/**
 * Acceptance episodes (受理周期) read from a case's history. Each acceptance — by the window, deemed, on
 * the spot, or by the 二次受理 review — starts a clock; the episode ends when the case is completed,
 * returned or withdrawn. Time limits and supervision apply per episode.
 */
import { type IsoDate, shanghaiDate } from '../workflow/deadlines.ts';
import type { CaseEvent } from './case-status.ts';
import type { PauseSpan } from './workdays.ts';

export interface Episode {
  index: number;
  acceptedAt: string;
  acceptedBy: string;
  /** The clock starts on this date; the date itself does not count. */
  clockStart: IsoDate;
  deemed: boolean;
  /** Special procedures as instants; `to` null while one runs. */
  pauses: { procedure: string; from: string; to: string | null }[];
  assignments: { at: string; handlerId: string }[];
  reportedAt: string | null;
  endedAt: string | null;
  end: 'completed' | 'returned' | 'withdrawn' | null;
}

/** The episodes as known at `asOf` (ISO timestamp): later events are ignored. */
export function caseEpisodes(history: readonly CaseEvent[], asOf?: string): Episode[] {
  const episodes: Episode[] = [];
  let current: Episode | null = null;
  for (const e of history) {
    if (asOf !== undefined && e.at > asOf) break;
    if (e.type === 'accepted' || e.type === 'completedOnSpot' || e.type === 'resubmissionApproved') {
      current = {
        index: episodes.length,
        acceptedAt: e.at,
        acceptedBy: e.actorId,
        clockStart: e.clockStart,
        deemed: e.type === 'accepted' && e.deemed,
        pauses: [],
        assignments: [],
        reportedAt: null,
        endedAt: null,
        end: null,
      };
      episodes.push(current);
      if (e.type === 'completedOnSpot') [current.endedAt, current.end] = [e.at, 'completed'];
      continue;
    }
    if (!current || current.end) continue;
    switch (e.type) {
      case 'assigned':
        current.assignments.push({ at: e.at, handlerId: e.handlerId });
        break;
      case 'paused':
        current.pauses.push({ procedure: e.procedure, from: e.at, to: null });
        break;
      case 'resumed': {
        const open = current.pauses.at(-1);
        if (open && open.to === null) open.to = e.at;
        break;
      }
      case 'reportedUp':
        current.reportedAt = e.at;
        break;
      case 'completed':
      case 'returned':
      case 'withdrawn':
        [current.endedAt, current.end] = [e.at, e.type];
        break;
    }
  }
  return episodes;
}

/** The episode's pauses as dates in Asia/Shanghai, for working-day counting. */
export function pauseSpans(episode: Episode): PauseSpan[] {
  return episode.pauses.map((p) => ({
    from: shanghaiDate(p.from),
    to: p.to === null ? null : shanghaiDate(p.to),
  }));
}

/** Who answers for the episode at an instant: the handler assigned last before it, or whoever accepted. */
export function responsibleStaff(episode: Episode, at: string): string {
  const assigned = episode.assignments.filter((a) => a.at < at).at(-1);
  return assigned?.handlerId ?? episode.acceptedBy;
}
