import { describe, expect, it } from 'vitest';
import { officialCalendar as calendar } from './calendar.ts';
import { caseStateProblems } from './case-problems.ts';
import type { CaseAction, CaseResult, CaseState } from './case-status.ts';
import { acceptanceDecisionDeadline, openCase, transitionCase } from './case-transition.ts';
import { committedItem, escalatedItem, immediateItem } from './sample-catalogue.ts';
import type { ServiceItem } from './service-item.ts';

const at = (beijing: string) => new Date(`${beijing}+08:00`);

function open(item: ServiceItem, when: string): CaseState {
  return openCase({ caseId: 'C1', windowId: 'W3' }, { now: at(when), actorId: 'clerk', item });
}

function step(
  s: CaseState,
  item: ServiceItem,
  when: string,
  action: CaseAction,
  actorId = 'clerk',
): CaseResult {
  return transitionCase(s, action, { now: at(when), actorId, item, calendar });
}

function ok(r: CaseResult): CaseState {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  expect(caseStateProblems(r.state)).toEqual([]);
  return r.state;
}

function error(r: CaseResult) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('a committed case, step by step', () => {
  it('submitted → accepted → in progress → paused → resumed → completed, recording who, when and why', () => {
    const item = committedItem;
    let s = open(item, '2024-09-27T09:00');
    s = ok(step(s, item, '2024-09-27T09:30', { type: 'accept' }));
    expect(s.episode).toEqual({
      index: 0,
      acceptedAt: '2024-09-27T01:30:00.000Z',
      clockStart: '2024-09-27',
      deemed: false,
    });
    s = ok(step(s, item, '2024-09-27T10:00', { type: 'assign', handlerId: 'li' }, 'chief'));
    s = ok(
      step(s, item, '2024-09-29T10:00', { type: 'pause', procedure: '听证', reason: '申请人要求听证' }, 'li'),
    );
    expect(s.pausedSince).toEqual({ at: '2024-09-29T02:00:00.000Z', procedure: '听证' });
    s = ok(step(s, item, '2024-10-09T15:00', { type: 'resume', reason: '听证结束' }, 'li'));
    s = ok(step(s, item, '2024-10-10T16:00', { type: 'complete', result: '准予许可' }, 'li'));
    expect(s.status).toBe('completed');
    expect(s.closedAt).toBe('2024-10-10T08:00:00.000Z');
    expect(s.history.map((e) => [e.type, e.actorId, e.from, e.to, e.reason])).toEqual([
      ['submitted', 'clerk', null, 'submitted', null],
      ['accepted', 'clerk', 'submitted', 'accepted', null],
      ['assigned', 'chief', 'accepted', 'inProgress', null],
      ['paused', 'li', 'inProgress', 'paused', '申请人要求听证'],
      ['resumed', 'li', 'paused', 'inProgress', '听证结束'],
      ['completed', 'li', 'inProgress', 'completed', null],
    ]);
    expect(error(step(s, item, '2024-10-11T09:00', { type: 'return', reason: '错误' }))).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: '办件当前为“已办结”，不能退回：只有“已受理”或“办理中”或“已上报”的办件可以退回。',
    });
  });

  it('refuses unknown special procedures, missing reasons and times before the last record', () => {
    const item = committedItem;
    let s = ok(step(open(item, '2024-03-04T09:00'), item, '2024-03-04T09:10', { type: 'accept' }));
    s = ok(step(s, item, '2024-03-04T09:20', { type: 'assign', handlerId: 'li' }));
    expect(
      error(step(s, item, '2024-03-05T09:00', { type: 'pause', procedure: '公示', reason: '需要' })),
    ).toEqual({
      code: 'UNKNOWN_PROCEDURE',
      message: '事项“食品经营许可（新办）”的特别程序中没有“公示”；可用的有：“听证”、“食品检验”。',
    });
    expect(error(step(s, item, '2024-03-05T09:00', { type: 'return', reason: '  ' })).message).toBe(
      '退回应写明退回的理由。',
    );
    expect(error(step(s, item, '2024-03-04T09:00', { type: 'complete', result: '准予' })).code).toBe(
      'TIME_REVERSED',
    );
    expect(error(step(s, escalatedItem, '2024-03-05T09:00', { type: 'complete', result: '准予' })).code).toBe(
      'ITEM_MISMATCH',
    );
  });
});

describe('acceptance within 5 working days, and correction', () => {
  // Received Tue 2024-02-06: 2/7, 2/8, 2/9, Sun 2/18 (调休), Mon 2/19 → the window closes at the end of 2/19.
  const item = committedItem;
  const received = () => open(item, '2024-02-06T15:00');

  it('the decision window counts working days across the Spring Festival', () => {
    expect(acceptanceDecisionDeadline(received(), calendar)).toBe('2024-02-19');
  });

  it('a correction notice lists every missing material, once, within the window', () => {
    const missing = ['营业执照', '食品安全管理制度'];
    const s = ok(step(received(), item, '2024-02-19T17:00', { type: 'requestCorrection', missing }));
    expect(s.correction).toEqual({ at: '2024-02-19T09:00:00.000Z', missing });
    expect(
      error(step(received(), item, '2024-02-20T09:00', { type: 'requestCorrection', missing })).message,
    ).toBe(
      '收件已超过5个工作日（最后一日为2024-02-19），依法视为自收到申请材料之日起受理，不能再一次性告知补正。',
    );
    expect(
      error(step(received(), item, '2024-02-07T09:00', { type: 'requestCorrection', missing: [' '] })).code,
    ).toBe('MATERIALS_REQUIRED');
  });

  it('without a decision the case counts as accepted from receipt', () => {
    expect(error(step(received(), item, '2024-02-19T23:59', { type: 'deemAccept' })).code).toBe(
      'NOT_YET_DEEMED',
    );
    const s = ok(step(received(), item, '2024-02-20T00:00', { type: 'deemAccept' }, 'system'));
    expect(s.episode).toMatchObject({ clockStart: '2024-02-06', deemed: true });
    // A late acceptance by the window is recorded the same way.
    const late = ok(step(received(), item, '2024-02-21T09:00', { type: 'accept' }));
    expect(late.episode).toMatchObject({ clockStart: '2024-02-06', deemed: true });
    expect(late.history[1]?.reason).toBe('收件后5个工作日内未作决定，视为自收件之日起受理');
    expect(
      error(step(received(), item, '2024-02-21T09:00', { type: 'reject', reason: '不符合条件' })).code,
    ).toBe('DECISION_TOO_LATE');
  });

  it('after a correction the window decides on the supplied materials, and the clock starts then', () => {
    let s = ok(
      step(received(), item, '2024-02-07T09:00', {
        type: 'requestCorrection',
        missing: ['营业执照', '食品安全管理制度'],
      }),
    );
    expect(error(step(s, item, '2024-02-08T09:00', { type: 'resubmit', supplied: ['营业执照'] }))).toEqual({
      code: 'MATERIALS_MISSING',
      message: '补正告知所列材料尚未补齐：食品安全管理制度。',
    });
    s = ok(
      step(s, item, '2024-02-18T09:00', { type: 'resubmit', supplied: ['营业执照', '食品安全管理制度'] }),
    );
    // Back at the window, with a new decision window from the day the materials came (a 调休 Sunday).
    expect(s).toMatchObject({ status: 'submitted', decisionFrom: '2024-02-18T01:00:00.000Z' });
    expect(acceptanceDecisionDeadline(s, calendar)).toBe('2024-02-23');
    expect(error(step(s, item, '2024-02-18T10:00', { type: 'approveResubmission' }, 'yewuke')).code).toBe(
      'INVALID_TRANSITION',
    );
    // The notice was the one notice: materials still wrong are refused, not asked for again.
    expect(
      error(step(s, item, '2024-02-19T10:00', { type: 'requestCorrection', missing: ['其他'] })),
    ).toEqual({
      code: 'CORRECTION_ALREADY_SENT',
      message:
        '补正告知应一次性列明全部材料，本件已于2024-02-07告知过；材料仍不符合要求的，应作出不予受理决定并写明理由。',
    });
    expect(ok(step(s, item, '2024-02-19T10:00', { type: 'reject', reason: '制度文本未盖章' })).status).toBe(
      'rejected',
    );
    const accepted = ok(step(s, item, '2024-02-19T10:00', { type: 'accept' }));
    expect(accepted.episode).toMatchObject({ index: 0, clockStart: '2024-02-19', deemed: false });
    // Not decided on within 5 working days of the supplied materials: accepted from that day.
    expect(error(step(s, item, '2024-02-23T23:00', { type: 'deemAccept' }))).toEqual({
      code: 'NOT_YET_DEEMED',
      message: '补正材料后5个工作日尚未届满，不能视为受理。',
    });
    const deemed = ok(step(s, item, '2024-02-26T09:00', { type: 'deemAccept' }, 'system'));
    expect(deemed.episode).toMatchObject({ clockStart: '2024-02-18', deemed: true });
    expect(deemed.history.at(-1)?.reason).toBe('补正材料后5个工作日内未作决定，视为自补正材料之日起受理');
    expect(error(step(s, item, '2024-02-26T09:00', { type: 'reject', reason: '不符合条件' })).message).toBe(
      '补正材料已超过5个工作日（最后一日为2024-02-23），依法视为自收到补正材料之日起受理，不能再不予受理。',
    );
  });

  it('an immediate item completes on the spot once the corrected materials are in', () => {
    let s = open(immediateItem, '2024-03-04T09:00');
    s = ok(step(s, immediateItem, '2024-03-04T09:10', { type: 'requestCorrection', missing: ['身份证明'] }));
    s = ok(step(s, immediateItem, '2024-03-06T14:00', { type: 'resubmit', supplied: ['身份证明'] }));
    const done = ok(step(s, immediateItem, '2024-03-06T14:20', { type: 'completeOnSpot', result: '已变更' }));
    expect(done).toMatchObject({ status: 'completed', episode: { clockStart: '2024-03-06' } });
  });

  it('a returned case can be resubmitted; the review approval opens a second episode', () => {
    let s = ok(step(received(), item, '2024-02-06T15:10', { type: 'accept' }));
    s = ok(step(s, item, '2024-02-07T09:00', { type: 'return', reason: '场所布局不符合要求' }));
    expect(error(step(s, item, '2024-02-08T09:00', { type: 'resubmit', supplied: [] })).code).toBe(
      'MATERIALS_REQUIRED',
    );
    s = ok(step(s, item, '2024-02-08T09:00', { type: 'resubmit', supplied: ['经营场所平面图和设备布局图'] }));
    s = ok(step(s, item, '2024-02-08T11:00', { type: 'approveResubmission', note: '已整改' }, 'yewuke'));
    expect(s.episode).toMatchObject({ index: 1, clockStart: '2024-02-08' });
  });
});

describe('item kinds', () => {
  it('immediate items complete on the spot and cannot be accepted for later', () => {
    const s = open(immediateItem, '2024-03-04T09:00');
    expect(error(step(s, immediateItem, '2024-03-04T09:05', { type: 'accept' }))).toEqual({
      code: 'WRONG_ITEM_KIND',
      message: '即办件不能受理。即办件应当场办结。',
    });
    const done = ok(step(s, immediateItem, '2024-03-04T09:20', { type: 'completeOnSpot', result: '已变更' }));
    expect(done).toMatchObject({ status: 'completed', episode: { clockStart: '2024-03-04' } });
    expect(
      error(
        step(open(committedItem, '2024-03-04T09:00'), committedItem, '2024-03-04T09:01', {
          type: 'completeOnSpot',
          result: 'x',
        }),
      ).code,
    ).toBe('WRONG_ITEM_KIND');
  });

  it('escalated items are reported up before they complete', () => {
    const item = escalatedItem;
    let s = ok(step(open(item, '2024-03-04T09:00'), item, '2024-03-04T09:10', { type: 'accept' }));
    expect(error(step(s, item, '2024-03-05T09:00', { type: 'complete', result: '同意' })).message).toBe(
      '上报件应在上报并收到上级决定后办结。',
    );
    s = ok(step(s, item, '2024-03-06T09:00', { type: 'reportUp' }));
    expect(s.history[2]).toMatchObject({ type: 'reportedUp', authority: '秦皇岛市自然资源和规划局' });
    s = ok(step(s, item, '2024-03-20T09:00', { type: 'complete', result: '市局批复同意' }));
    expect(s.status).toBe('completed');
  });

  it('committed items cannot be reported up', () => {
    const s = ok(
      step(open(committedItem, '2024-03-04T09:00'), committedItem, '2024-03-04T09:10', { type: 'accept' }),
    );
    expect(error(step(s, committedItem, '2024-03-05T09:00', { type: 'reportUp' })).message).toBe(
      '承诺件不能上报。',
    );
  });
});
