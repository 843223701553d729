import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialCalendar as calendar } from './calendar.ts';
import { caseStateProblems } from './case-problems.ts';
import { replayCase } from './case-replay.ts';
import {
  availableCaseActions,
  CASE_ACTIONS,
  type CaseAction,
  type CaseState,
  FINAL_STATUSES,
} from './case-status.ts';
import { openCase, transitionCase } from './case-transition.ts';
import { committedItem, escalatedItem, immediateItem } from './sample-catalogue.ts';
import type { ServiceItem } from './service-item.ts';

const jointItem: ServiceItem = {
  ...committedItem,
  code: 'TEST-JOINT',
  kind: 'joint',
  jointDepartments: ['税务局', '人社局'],
  specialProcedures: [{ kind: 'inspection', name: '联合踏勘', maxDays: null }],
};
const ITEMS = [immediateItem, committedItem, escalatedItem, jointItem];
const MATERIALS = committedItem.materials.map((m) => m.name);

const reason = fc.oneof(
  { arbitrary: fc.constantFrom('', '  '), weight: 1 },
  { arbitrary: fc.constantFrom('材料与实际情况不符', '申请人要求', '专家意见'), weight: 4 },
);
const subCases = fc.array(
  fc.record({
    department: fc.constantFrom('税务局', '人社局', '市场监督管理局'),
    status: fc.constantFrom('completed', 'completed', 'inProgress'),
  }),
  { maxLength: 4 },
);
const params = fc.record({
  reason,
  materials: fc.subarray(MATERIALS),
  handlerId: fc.constantFrom('', 'li', 'wang'),
  procedure: fc.oneof(
    { arbitrary: fc.constant('公示'), weight: 1 },
    { arbitrary: fc.constant(''), weight: 4 },
  ),
  subCases,
});
type Params = typeof params extends fc.Arbitrary<infer P> ? P : never;

function build(type: (typeof CASE_ACTIONS)[number], p: Params, item: ServiceItem): CaseAction {
  switch (type) {
    case 'accept':
    case 'deemAccept':
    case 'resume':
    case 'reportUp':
    case 'approveResubmission':
      return { type };
    case 'completeOnSpot':
      return { type, result: p.reason };
    case 'complete':
      return { type, result: p.reason, subCases: p.subCases };
    case 'requestCorrection':
      return { type, missing: p.materials };
    case 'resubmit':
      return { type, supplied: p.materials };
    case 'assign':
      return { type, handlerId: p.handlerId };
    case 'pause':
      // '' stands for one of the item's own procedures; 公示 is in none of them.
      return {
        type,
        procedure: p.procedure || (item.specialProcedures[0]?.name ?? '听证'),
        reason: p.reason,
      };
    case 'reject':
    case 'return':
    case 'rejectResubmission':
    case 'withdraw':
      return { type, reason: p.reason };
  }
}

/**
 * One step: mostly an action the status offers (so runs get deep), sometimes any action at all; a time
 * step of minutes to days, sometimes backwards (refused as TIME_REVERSED).
 */
const step = fc.record({
  offered: fc
    .boolean()
    .chain((b) => (b ? fc.constant(true) : fc.integer({ min: 0, max: 5 }).map((n) => n > 0))),
  pick: fc.nat(),
  params,
  minutes: fc.oneof(fc.integer({ min: -30, max: 600 }), fc.integer({ min: 0, max: 60 * 24 * 4 })),
});
const start = Date.parse('2024-01-25T01:00:00Z');

function anyAction(type: (typeof CASE_ACTIONS)[number]): CaseAction[] {
  // Every shape the generator can give, well-formed, for checking that final states accept nothing.
  const full = { reason: '理由充分的说明', result: '结果', missing: MATERIALS, supplied: MATERIALS };
  const subs = ['税务局', '人社局'].map((department) => ({ department, status: 'completed' }));
  return [{ type, handlerId: 'li', procedure: '听证', subCases: subs, ...full } as CaseAction];
}

describe('the case state machine under random actions', () => {
  it('never reaches an invalid state; history only grows; final states are final', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ITEMS), fc.array(step, { maxLength: 30 }), (item, steps) => {
        let now = start;
        let s: CaseState = openCase(
          { caseId: 'C', windowId: 'W' },
          { now: new Date(now), actorId: 'a', item },
        );
        expect(caseStateProblems(s)).toEqual([]);
        for (const { offered, pick, params: p, minutes } of steps) {
          now += minutes * 60_000;
          // Withdrawal ends a run early: offer it only now and then.
          const offer = availableCaseActions(s.status, s.kind).filter(
            (t) => t !== 'withdraw' || pick % 8 === 0,
          );
          const choices = offered && offer.length ? offer : [...CASE_ACTIONS];
          const type = choices[pick % Math.max(1, choices.length)] ?? 'withdraw';
          const a = build(type, p, item);
          const r = transitionCase(s, a, { now: new Date(now), actorId: 'a', item, calendar });
          if (!r.ok) {
            expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
            continue;
          }
          // Append-only: the previous history is a prefix of the new one, plus exactly the new event.
          expect(r.state.history.slice(0, s.history.length)).toEqual(s.history);
          expect(r.state.history).toHaveLength(s.history.length + 1);
          expect(r.state.history.at(-1)).toEqual(r.event);
          expect(caseStateProblems(r.state)).toEqual([]);
          expect(replayCase(r.state.history)).toEqual(r.state);
          s = r.state;
        }
        const finals = s.history.filter((e) => FINAL_STATUSES.includes(e.to));
        if (FINAL_STATUSES.includes(s.status)) {
          expect(finals).toHaveLength(1);
          expect(s.history.at(-1)?.to).toBe(s.status);
          for (const type of CASE_ACTIONS) {
            for (const a of anyAction(type)) {
              const later = new Date(now + 86_400_000 * 30);
              expect(transitionCase(s, a, { now: later, actorId: 'a', item, calendar }).ok).toBe(false);
            }
          }
        } else {
          expect(finals).toHaveLength(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('caseStateProblems', () => {
  const item = committedItem;
  const ctx = (iso: string) => ({ now: new Date(iso), actorId: 'a', item, calendar });
  const accepted = () => {
    const s = openCase({ caseId: 'C', windowId: 'W' }, ctx('2024-03-04T01:00:00Z'));
    const r = transitionCase(s, { type: 'accept' }, ctx('2024-03-04T02:00:00Z'));
    if (!r.ok) throw new Error(r.error.message);
    return r.state;
  };

  it('finds a status that does not match the history', () => {
    expect(caseStateProblems({ ...accepted(), status: 'completed' })).toContain(
      '办件状态与其记录重放的结果不一致',
    );
  });

  it('finds a forged transition in the history', () => {
    const s = accepted();
    const forged = {
      ...s.history[1],
      type: 'completed',
      to: 'completed',
      result: 'x',
    } as CaseState['history'][number];
    expect(caseStateProblems({ ...s, history: [s.history[0], forged] as CaseState['history'] })).toEqual([
      '第2条记录（completed）不是允许的状态转换（submitted → completed）',
    ]);
  });

  it('finds a corrected case sent to the 二次受理 review instead of back to the window', () => {
    let s = openCase({ caseId: 'C', windowId: 'W' }, ctx('2024-03-04T01:00:00Z'));
    for (const [a, at] of [
      [{ type: 'requestCorrection', missing: ['营业执照'] }, '2024-03-04T02:00:00Z'],
      [{ type: 'resubmit', supplied: ['营业执照'] }, '2024-03-05T02:00:00Z'],
    ] as const) {
      const r = transitionCase(s, a as CaseAction, ctx(at));
      if (!r.ok) throw new Error(r.error.message);
      s = r.state;
    }
    expect(caseStateProblems(s)).toEqual([]);
    const forged = { ...s.history[2], to: 'underReview' } as CaseState['history'][number];
    expect(caseStateProblems({ ...s, history: [...s.history.slice(0, 2), forged] })).toEqual([
      '第3条记录（resubmitted）不是允许的状态转换（correctionRequested → underReview）',
    ]);
  });

  it('finds unknown statuses, missing submissions and out-of-order records', () => {
    expect(caseStateProblems({ ...accepted(), status: 'lost' as 'accepted' })).toEqual(['未知状态：lost']);
    expect(caseStateProblems({ ...accepted(), history: [] })).toEqual(['办件记录应以收件开始']);
    const s = accepted();
    const early = { ...s.history[1], at: '2024-03-03T00:00:00.000Z' } as CaseState['history'][number];
    expect(caseStateProblems({ ...s, history: [s.history[0], early] as CaseState['history'] })).toContain(
      '第2条记录（accepted）时间早于上一条记录',
    );
  });
});
