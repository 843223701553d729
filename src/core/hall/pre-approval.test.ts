import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PRE_APPROVAL_FINAL,
  PRE_APPROVAL_TRANSITIONS,
  type PreApproval,
  type PreApprovalActionType,
  preApprovalProblems,
  submitPreApproval,
  transitionPreApproval,
} from './pre-approval.ts';

const ctx = (minutes: number, actorId = 'a') => ({
  now: new Date(Date.UTC(2024, 2, 4, 1, minutes)),
  actorId,
});

describe('project pre-approval', () => {
  it('preliminary review → approval → reported upward', () => {
    let s = submitPreApproval({ projectId: 'P1', projectName: '山海关古城停车场建设项目' }, ctx(0));
    for (const [i, type] of (['passPreliminary', 'approve', 'reportUp'] as const).entries()) {
      const r = transitionPreApproval(s, { type }, ctx(i + 1));
      if (!r.ok) throw new Error(r.message);
      s = r.state;
    }
    expect(s.status).toBe('reported');
    expect(s.history.map((e) => e.to)).toEqual(['submitted', 'preliminaryPassed', 'approved', 'reported']);
    expect(transitionPreApproval(s, { type: 'return', reason: '补充' }, ctx(9))).toEqual({
      ok: false,
      message: '项目预审当前为“已上报”，不能退回补充：只有“已申报”或“初审通过”的可以退回补充。',
    });
  });

  it('returns and rejections need a reason', () => {
    const s = submitPreApproval({ projectId: 'P1', projectName: '项目' }, ctx(0));
    expect(transitionPreApproval(s, { type: 'reject' }, ctx(1))).toEqual({
      ok: false,
      message: '不予批准应写明理由。',
    });
  });

  it('random actions never reach an invalid record; final states are final', () => {
    const types = Object.keys(PRE_APPROVAL_TRANSITIONS) as PreApprovalActionType[];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...types), fc.constantFrom('', '材料不全')), { maxLength: 20 }),
        (steps) => {
          let s: PreApproval = submitPreApproval({ projectId: 'P', projectName: '项目' }, ctx(0));
          steps.forEach(([type, reason], i) => {
            const r = transitionPreApproval(s, { type, reason }, ctx(i + 1));
            if (!r.ok) return;
            expect(r.state.history.slice(0, -1)).toEqual(s.history);
            expect(preApprovalProblems(r.state)).toEqual([]);
            s = r.state;
          });
          if (PRE_APPROVAL_FINAL.includes(s.status)) {
            for (const type of types)
              expect(transitionPreApproval(s, { type, reason: '理由' }, ctx(99)).ok).toBe(false);
          }
        },
      ),
    );
  });

  it('finds forged records', () => {
    const s = submitPreApproval({ projectId: 'P', projectName: '项目' }, ctx(0));
    expect(preApprovalProblems({ ...s, status: 'approved' })).toEqual(['状态与记录不符']);
  });
});
