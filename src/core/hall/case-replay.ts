/**
 * A case's state is a fold of its history: `applyCaseEvent` is the only place a state changes, used by the
 * transition function and by `replayCase`, so a stored history always gives back the stored state.
 */
import type { CaseEvent, CaseState } from './case-status.ts';

export function applyCaseEvent(s: CaseState, e: CaseEvent): CaseState {
  const history = [...s.history, e];
  const base: CaseState = { ...s, status: e.to, history };
  switch (e.type) {
    case 'submitted':
      return base;
    case 'accepted':
    case 'completedOnSpot':
    case 'resubmissionApproved': {
      const index = (s.episode?.index ?? -1) + 1;
      const deemed = e.type === 'accepted' && e.deemed;
      const next: CaseState = {
        ...base,
        episode: { index, acceptedAt: e.at, clockStart: e.clockStart, deemed },
        handlerId: null,
        reportedAt: null,
      };
      return e.type === 'completedOnSpot' ? { ...next, closedAt: e.at } : next;
    }
    case 'rejected':
    case 'withdrawn':
      return { ...base, closedAt: e.at, pausedSince: null };
    case 'completed':
      return { ...base, closedAt: e.at };
    case 'correctionRequested':
      return { ...base, correction: { at: e.at, missing: [...e.missing] } };
    case 'assigned':
      return { ...base, handlerId: e.handlerId };
    case 'paused':
      return { ...base, pausedSince: { at: e.at, procedure: e.procedure } };
    case 'resumed':
      return { ...base, pausedSince: null };
    case 'reportedUp':
      return { ...base, reportedAt: e.at };
    case 'returned':
      return base;
    case 'resubmitted':
      // After a correction the window decides afresh, from the day the materials were supplied.
      return s.status === 'returned' ? base : { ...base, decisionFrom: e.at };
    case 'resubmissionRejected':
      return base;
  }
}

/** The state a history leads to; throws on a history that does not begin with the submission. */
export function replayCase(history: readonly CaseEvent[]): CaseState {
  const first = history[0];
  if (first?.type !== 'submitted') throw new RangeError('办件记录应以收件开始');
  const initial: CaseState = {
    caseId: first.caseId,
    itemCode: first.itemCode,
    kind: first.kind,
    windowId: first.windowId,
    status: 'submitted',
    receivedAt: first.at,
    decisionFrom: first.at,
    handlerId: null,
    correction: null,
    episode: null,
    pausedSince: null,
    reportedAt: null,
    closedAt: null,
    history: [],
  };
  return history.reduce(applyCaseEvent, initial);
}
