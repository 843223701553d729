import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../../src/core/hall/calendar.ts';
import { CASE_ACTIONS } from '../../../src/core/hall/case-status.ts';
import {
  actionForm,
  actorLabel,
  buildAction,
  deadlineDisplay,
  displayIdNumber,
  displayName,
  displayPhone,
  formatRate,
  intakeProblems,
  ledGrid,
  queryProblems,
  statusName,
  subCaseMoves,
  visibleActions,
  windowsToday,
} from './hall-logic.ts';

describe('which actions a user sees', () => {
  const available = ['resubmit', 'approveResubmission', 'rejectResubmission', 'withdraw'];
  it('shows window staff every offered action except the 二次受理 review', () => {
    expect(visibleActions(available, ['windowStaff'])).toEqual(['resubmit', 'withdraw']);
  });
  it('shows hall managers all of them, in the API’s order', () => {
    expect(visibleActions(available, ['hallManager'])).toEqual(available);
  });
  it('shows nothing to users who cannot act (administrators view only)', () => {
    expect(visibleActions(available, ['admin'])).toEqual([]);
  });
  it('ignores actions it does not know', () => {
    expect(visibleActions(['accept', 'teleport'], ['windowStaff'])).toEqual(['accept']);
  });
});

describe('action forms and bodies', () => {
  it('has a form for every action of the core', () => {
    for (const a of CASE_ACTIONS) expect(actionForm(a)).toBeDefined();
  });
  it('requires the reason for refusals, returns and withdrawals', () => {
    expect(buildAction('return', { text: ' ' })).toEqual({ ok: false, message: '请填写退回理由' });
    expect(buildAction('return', { text: '场所不符' })).toEqual({
      ok: true,
      action: { type: 'return', reason: '场所不符' },
    });
  });
  it('lists every missing material once in a correction notice, the note as its reason', () => {
    expect(buildAction('requestCorrection', { materials: [] }).ok).toBe(false);
    expect(
      buildAction('requestCorrection', {
        materials: ['营业执照', '营业执照', ' 平面图 '],
        note: '请一次补齐',
      }),
    ).toEqual({
      ok: true,
      action: { type: 'requestCorrection', missing: ['营业执照', '平面图'], reason: '请一次补齐' },
    });
  });
  it('records the supplied materials of a resubmission and the result of a completion', () => {
    expect(buildAction('resubmit', { materials: ['营业执照'] })).toEqual({
      ok: true,
      action: { type: 'resubmit', supplied: ['营业执照'] },
    });
    expect(buildAction('complete', { text: '准予许可' })).toEqual({
      ok: true,
      action: { type: 'complete', result: '准予许可' },
    });
  });
  it('needs the procedure to pause and the handler to assign', () => {
    expect(buildAction('pause', { text: '申请人申请听证' }).ok).toBe(false);
    expect(buildAction('pause', { text: '申请人申请听证', procedure: '听证' })).toEqual({
      ok: true,
      action: { type: 'pause', procedure: '听证', reason: '申请人申请听证' },
    });
    expect(buildAction('assign', {}).ok).toBe(false);
    expect(buildAction('accept', { note: '' })).toEqual({ ok: true, action: { type: 'accept' } });
  });
});

describe('deadlines in working days', () => {
  const cal = officialCalendar;
  it('counts the working days left after today, 调休 Sundays included', () => {
    // Friday 2024-02-02 → Sunday 2/4 (调休) and Monday 2/5.
    expect(deadlineDisplay('2024-02-05', '2024-02-02', cal)).toMatchObject({
      state: 'due',
      remaining: 2,
      text: '还剩2个工作日',
      tone: 'normal',
    });
    // Across the Spring Festival: only Sunday 2/18 (调休) counts.
    expect(deadlineDisplay('2024-02-18', '2024-02-09', cal)).toMatchObject({ remaining: 1, tone: 'soon' });
  });
  it('says due today, overdue, suspended and closed', () => {
    expect(deadlineDisplay('2024-02-05', '2024-02-05', cal).text).toBe('今天到期');
    expect(deadlineDisplay('2024-02-05', '2024-02-07', cal)).toMatchObject({ state: 'overdue', over: 2 });
    // Overdue on a day off still says at least one.
    expect(deadlineDisplay('2024-02-09', '2024-02-10', cal)).toMatchObject({ state: 'overdue', over: 1 });
    expect(deadlineDisplay(null, '2024-02-05', cal, { suspended: true }).state).toBe('suspended');
    expect(deadlineDisplay('2024-02-01', '2024-02-05', cal, { closed: true }).text).toBe('已结束');
    expect(deadlineDisplay(null, '2024-02-05', cal).text).toBe('未起算');
  });
});

describe('personal data on screen', () => {
  it('keeps the API’s masks and masks anything unmasked', () => {
    expect(displayIdNumber('110105********002X')).toBe('110105********002X');
    expect(displayIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(displayPhone('13812345678')).toBe('138****5678');
    expect(displayName('欧阳小明')).toBe('欧**明');
    expect(displayName('欧**明')).toBe('欧**明');
  });
});

describe('intake and kiosk checks', () => {
  it('checks the identity number by GB 11643 and the phone', () => {
    expect(
      intakeProblems(
        { name: '欧阳小明', idNumber: '11010519491231002X', phone: '138 1234 5678' },
        '2024-06-01',
      ),
    ).toEqual({});
    const bad = intakeProblems({ name: '', idNumber: '110105194912310021', phone: '12' }, '2024-06-01');
    expect(bad.name).toBe('请填写申请人姓名');
    expect(bad.idNumber).toMatch(/校验码/);
    expect(bad.phone).toMatch(/7至12位/);
    expect(
      intakeProblems({ name: '张三', idNumber: '110105203001010011', phone: '13800000000' }, '2024-06-01')
        .idNumber,
    ).toMatch(/出生日期/);
  });
  it('asks the kiosk for a case number and four digits', () => {
    expect(queryProblems('2024060112345678', '5678')).toEqual({});
    expect(queryProblems('12', '56a8')).toEqual({
      caseNumber: '请输入受理时告知的办件编号',
      phoneTail: '请输入手机号后四位数字',
    });
  });
});

describe('small displays', () => {
  it('names statuses and rates', () => {
    expect(statusName('correctionRequested')).toBe('待补正');
    expect(statusName('unknown')).toBe('unknown');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(0.5)).toBe('50.0%');
  });
  it('fits every window of the LED screen on one screen', () => {
    for (const n of [1, 4, 6, 8, 12, 20, 40]) {
      const g = ledGrid(n);
      expect(g.columns * g.rows).toBeGreaterThanOrEqual(n);
      expect(g.rows).toBeLessThanOrEqual(Math.max(2, g.columns + 1));
    }
    expect(ledGrid(6)).toEqual({ columns: 4, rows: 2, scale: 1 });
  });
  it('labels who acted', () => {
    expect(actorLabel('u1', 'u1', new Map())).toBe('本人');
    expect(actorLabel('system', 'u1', new Map())).toBe('系统');
    expect(actorLabel('u2', 'u1', new Map([['u2', '李四']]))).toBe('李四');
    expect(actorLabel('abcdef123456', 'u1', new Map())).toBe('工作人员（编号abcdef12）');
  });
});

describe('windows worked today', () => {
  it('takes the assignments covering today, both ends included', () => {
    const staff = [
      { userId: 'u', windowId: 'w1', fromDate: '2024-01-01', toDate: null },
      { userId: 'u', windowId: 'w2', fromDate: '2024-01-01', toDate: '2024-06-01' },
      { userId: 'u', windowId: 'w3', fromDate: '2024-06-02', toDate: null },
      { userId: 'v', windowId: 'w4', fromDate: '2024-01-01', toDate: null },
    ];
    expect(windowsToday(staff, 'u', '2024-06-01')).toEqual(['w1', 'w2']);
  });
});

describe('sub-case moves', () => {
  it('starts pending and returned parts, completes or returns running ones', () => {
    expect(subCaseMoves('pending').map((m) => m.move)).toEqual(['start']);
    expect(subCaseMoves('returned').map((m) => m.move)).toEqual(['start']);
    expect(subCaseMoves('inProgress').map((m) => m.move)).toEqual(['complete', 'return']);
    expect(subCaseMoves('completed')).toEqual([]);
  });
});
