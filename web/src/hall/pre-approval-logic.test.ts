import { describe, expect, it } from 'vitest';
import {
  compareProjectNames,
  eventName,
  filterPreApprovals,
  flattenCenters,
  type PreApprovalSummary,
  preApprovalHistoryRows,
  projectCodeProblem,
  reasonField,
  visiblePreApprovalActions,
  wanToFen,
} from './pre-approval-logic.ts';

describe('pre-approval pages', () => {
  it('show the decisions to 业务科 only and the resubmission to the window', () => {
    const all = ['passPreliminary', 'return', 'reject'] as const;
    expect(visiblePreApprovalActions(all, ['hallManager'])).toEqual([...all]);
    expect(visiblePreApprovalActions(all, ['windowStaff'])).toEqual([]);
    expect(visiblePreApprovalActions(['resubmit'], ['windowStaff'])).toEqual(['resubmit']);
    expect(visiblePreApprovalActions(['resubmit'], ['hallManager'])).toEqual(['resubmit']);
    expect(visiblePreApprovalActions(['resubmit'], ['admin'])).toEqual([]);
  });

  it('ask for a reason where the flow needs one', () => {
    expect(reasonField('return').required).toBe(true);
    expect(reasonField('reject').required).toBe(true);
    expect(reasonField('approve')).toEqual({ required: false, label: '意见（可不填）' });
    expect(eventName('submitted')).toBe('申报');
    expect(eventName('passPreliminary')).toBe('初审通过');
  });

  it('turn 万元 as typed into integer 分 without floating point', () => {
    expect(wanToFen('356')).toEqual({ ok: true, fen: 356_000_000 });
    expect(wanToFen('1,234.56')).toEqual({ ok: true, fen: 1_234_560_000 });
    expect(wanToFen('０．０１')).toEqual({ ok: true, fen: 10_000 });
    // 0.29万元 is 2,900 元: floating point would make 0.29 × 1,000,000 = 289,999.99…
    expect(wanToFen('0.29')).toEqual({ ok: true, fen: 290_000 });
    expect(wanToFen('0.000001')).toEqual({ ok: true, fen: 1 });
    expect(wanToFen('0.0000001')).toEqual({ ok: false, message: '总投资最多精确到分（万元后六位小数）' });
    expect(wanToFen('')).toEqual({ ok: false, message: '请填写总投资（万元）' });
    expect(wanToFen('三百万')).toMatchObject({ ok: false });
    expect(wanToFen('-5')).toMatchObject({ ok: false });
    expect(wanToFen('0')).toEqual({ ok: false, message: '总投资应大于零' });
    expect(wanToFen('100000001')).toMatchObject({ ok: false, message: /1万亿元/ });
  });

  it('check the project code with the core', () => {
    expect(projectCodeProblem('2018-130303-47-01-000123')).toBeNull();
    expect(projectCodeProblem('2018-130303-47-01')).toMatch(/^投资项目代码应为/);
  });

  it('list centers by depth, filter by text, sort names in Chinese order, and name the history', () => {
    expect(
      flattenCenters([{ id: 'a', name: '区中心', children: [{ id: 'b', name: '街道中心', children: [] }] }]),
    ).toEqual([
      { value: 'a', label: '区中心' },
      { value: 'b', label: '　街道中心' },
    ]);
    const row = (projectName: string, projectCode: string) =>
      ({ projectName, projectCode, constructionUnit: '城投公司' }) as PreApprovalSummary;
    const rows = [
      row('北戴河游客中心', '2024-130303-48-01-000002'),
      row('安置房建设项目', '2024-130303-48-01-000001'),
    ];
    expect(filterPreApprovals(rows, '安置').map((r) => r.projectName)).toEqual(['安置房建设项目']);
    expect(filterPreApprovals(rows, '０００００２').map((r) => r.projectName)).toEqual(['北戴河游客中心']);
    expect(filterPreApprovals(rows, '城投')).toHaveLength(2);
    // By pinyin: 安 (ān) before 北 (běi), though 北 (U+5317) comes first by code point.
    expect([...rows].sort(compareProjectNames).map((r) => r.projectName)).toEqual([
      '安置房建设项目',
      '北戴河游客中心',
    ]);
    expect(
      preApprovalHistoryRows([
        { seq: 0, type: 'submitted', at: 't', actorId: 'u', from: null, to: 'submitted', reason: null },
        { seq: 1, type: 'return', at: 't', actorId: 'm', from: 'submitted', to: 'returned', reason: '补充' },
      ]).map((r) => [r.action, r.to, r.details]),
    ).toEqual([
      ['申报', '已申报', ''],
      ['退回补充', '已退回补充', '补充'],
    ]);
  });
});
