import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availablePreApprovalActions,
  checkProjectCode,
  PRE_APPROVAL_FINAL,
  PRE_APPROVAL_STATUSES,
  PRE_APPROVAL_TRANSITIONS,
  type PreApproval,
  type PreApprovalActionType,
  type PreApprovalProject,
  preApprovalProblems,
  preApprovalProjectProblems,
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

describe('the actions offered', () => {
  it('are exactly the actions the flow accepts from each status', () => {
    const types = Object.keys(PRE_APPROVAL_TRANSITIONS) as PreApprovalActionType[];
    for (const status of PRE_APPROVAL_STATUSES) {
      const s: PreApproval = { projectId: 'P', projectName: '项目', status, history: [] };
      const accepted = types.filter((type) => transitionPreApproval(s, { type, reason: '理由' }, ctx(1)).ok);
      expect(availablePreApprovalActions(status)).toEqual(accepted);
    }
    expect(availablePreApprovalActions('reported')).toEqual([]);
    expect(availablePreApprovalActions('returned')).toEqual(['resubmit']);
  });
});

describe('investment project codes (投资项目代码)', () => {
  it('accepts the national shape and normalises what people type', () => {
    expect(checkProjectCode('2018-130303-47-01-000123')).toEqual({
      ok: true,
      code: '2018-130303-47-01-000123',
    });
    expect(checkProjectCode(' ２０１８－１３０３０３－４７－０１－０００１２３ ')).toEqual({
      ok: true,
      code: '2018-130303-47-01-000123',
    });
    expect(checkProjectCode('20181303034701000123')).toEqual({ ok: true, code: '2018-130303-47-01-000123' });
    expect(checkProjectCode('2024—130303—48—02—000001')).toEqual({
      ok: true,
      code: '2024-130303-48-02-000001',
    });
  });

  it('explains what is wrong in Chinese', () => {
    const message = (code: string) => {
      const r = checkProjectCode(code);
      return r.ok ? null : r.message;
    };
    expect(message('')).toBe('请填写投资项目代码。');
    expect(message('2018-13030-47-01-000123')).toBe(
      '投资项目代码应为“年份-6位行政区划代码-2位行业代码-2位项目类型代码-6位流水号”，如 2018-130303-47-01-000123。',
    );
    expect(message('1899-130303-47-01-000123')).toBe('投资项目代码的年份“1899”不正确：应为赋码的年份。');
    expect(message('2018-990303-47-01-000123')).toMatch(/^投资项目代码的行政区划代码“990303”不正确/);
    expect(message('2018-130303-00-01-000123')).toBe('投资项目代码的行业代码不能为“00”。');
    expect(message('2018-130303-47-00-000123')).toBe('投资项目代码的项目类型代码不能为“00”。');
    expect(message('2018-130303-47-01-000000')).toBe('投资项目代码的流水号不能为“000000”。');
    expect(message('2018-130303-47-01-000123<script>')).toMatch(/^投资项目代码应为/);
  });

  it('never accepts a code it would not give back in the national shape', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const r = checkProjectCode(text);
        if (r.ok) expect(r.code).toMatch(/^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/);
        else expect(r.message).toMatch(/\p{Script=Han}.*。$/u);
      }),
    );
  });
});

describe('the project as entered', () => {
  const project: PreApprovalProject = {
    projectName: '山海关古城停车场建设项目',
    projectCode: '2018-130303-47-01-000123',
    constructionUnit: '秦皇岛市山海关区城市建设投资有限公司',
    location: '山海关区古城南门外',
    totalInvestmentFen: 12_345_600_000,
    content: '新建停车位 420 个及配套设施',
    centerId: 'C1',
    authority: '秦皇岛市行政审批局',
  };

  it('is fine when complete', () => {
    expect(preApprovalProjectProblems(project)).toEqual([]);
  });

  it('names every missing fact and a wrong amount', () => {
    expect(
      preApprovalProjectProblems({ ...project, constructionUnit: ' ', authority: '', totalInvestmentFen: 0 }),
    ).toEqual(['请填写建设单位。', '请填写上报机关。', '总投资应大于零。']);
    expect(preApprovalProjectProblems({ ...project, totalInvestmentFen: 1.5 })).toEqual([
      '总投资应为以分计的整数金额。',
    ]);
    expect(preApprovalProjectProblems({ ...project, totalInvestmentFen: 10 ** 14 + 1 })).toEqual([
      '总投资超过1万亿元，请核对金额单位（万元）。',
    ]);
  });
});
