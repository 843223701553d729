import { describe, expect, it } from 'vitest';
import { availableCaseActions, CASE_STATUSES, type CaseActionType, type CaseStatus } from './case-status.ts';

/** The specification for a committed item, written out independently of the table. */
const COMMITTED: Record<CaseStatus, CaseActionType[]> = {
  submitted: ['accept', 'deemAccept', 'reject', 'requestCorrection', 'withdraw'],
  correctionRequested: ['resubmit', 'withdraw'],
  underReview: ['approveResubmission', 'rejectResubmission', 'withdraw'],
  accepted: ['assign', 'complete', 'return', 'withdraw'],
  inProgress: ['pause', 'complete', 'return', 'withdraw'],
  paused: ['resume'],
  reported: ['complete', 'return'],
  returned: ['resubmit', 'withdraw'],
  completed: [],
  rejected: [],
  withdrawn: [],
};

describe('the case transition table', () => {
  it('offers, for a committed item, exactly the specified actions', () => {
    for (const status of CASE_STATUSES) {
      expect(new Set(availableCaseActions(status, 'committed'))).toEqual(new Set(COMMITTED[status]));
    }
  });

  it('immediate items complete on the spot; escalated items report up', () => {
    expect(availableCaseActions('submitted', 'immediate')).toEqual([
      'completeOnSpot',
      'reject',
      'requestCorrection',
      'withdraw',
    ]);
    expect(availableCaseActions('inProgress', 'escalated')).toContain('reportUp');
    expect(availableCaseActions('inProgress', 'joint')).not.toContain('reportUp');
  });

  it('back at the window after a correction, a second notice is not offered', () => {
    expect(availableCaseActions('submitted', 'committed', true)).toEqual([
      'accept',
      'deemAccept',
      'reject',
      'withdraw',
    ]);
  });
});
