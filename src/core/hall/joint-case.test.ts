import { describe, expect, it } from 'vitest';
import { businessRegistrationItem as item } from './business-registration.ts';
import { officialCalendar as calendar } from './calendar.ts';
import { openCase, transitionCase } from './case-transition.ts';
import {
  type JointCase,
  type JointResult,
  jointCompletion,
  moveSubCase,
  openSubCases,
  recordJointReview,
  recordSiteSurvey,
  startJointCase,
} from './joint-case.ts';
import { committedItem } from './sample-catalogue.ts';

const ctx = { now: new Date('2024-03-04T02:00:00Z'), actorId: 'lead' };
const [SCJG, ZJ, SW] = [item.department, ...item.jointDepartments] as [string, string, string];
const windows = { [SCJG]: 'W1', [ZJ]: 'W5', [SW]: 'W7' };

function ok(r: JointResult): JointCase {
  if (!r.ok) throw new Error(r.message);
  return r.joint;
}
const started = () => ok(startJointCase({ caseId: 'J1', item, leadWindowId: 'W1', windows }, ctx));

describe('joint cases', () => {
  it('opens a sub-case per department at its window', () => {
    const j = started();
    expect(j.subCases.map((c) => [c.department, c.windowId, c.status])).toEqual([
      [SCJG, 'W1', 'pending'],
      [ZJ, 'W5', 'pending'],
      [SW, 'W7', 'pending'],
    ]);
    expect(startJointCase({ caseId: 'J', item: committedItem, leadWindowId: 'W1', windows }, ctx)).toEqual({
      ok: false,
      message: '事项“食品经营许可（新办）”不是联办件',
    });
    expect(
      startJointCase({ caseId: 'J', item, leadWindowId: 'W1', windows: { [SCJG]: 'W1' } }, ctx),
    ).toMatchObject({
      ok: false,
      message: `以下部门没有指定窗口：${ZJ}、${SW}`,
    });
  });

  it('completes only when every sub-case has, and the lead case checks it again', () => {
    let j = started();
    for (const d of [SCJG, ZJ, SW]) j = ok(moveSubCase(j, d, 'start', null, ctx));
    j = ok(moveSubCase(j, SCJG, 'complete', '准予登记', ctx));
    j = ok(moveSubCase(j, ZJ, 'complete', '赋码', ctx));
    expect(openSubCases(j)).toEqual([SW]);
    expect(jointCompletion(j, '办结')).toEqual({
      ok: false,
      message: `联办件应在各部门子件全部办结后办结；尚未办结：${SW}`,
    });
    expect(moveSubCase(j, SW, 'complete', ' ', ctx)).toEqual({
      ok: false,
      message: `${SW}办结子件应写明办理意见`,
    });
    expect(moveSubCase(j, ZJ, 'return', '不符', ctx)).toEqual({
      ok: false,
      message: `${ZJ}的子件当前为“已办结”，不能退回`,
    });

    // The lead case refuses completion with an open sub-case, and accepts it once all are done.
    const lead = (() => {
      const s = openCase({ caseId: 'J1', windowId: 'W1' }, { ...ctx, item });
      const r = transitionCase(s, { type: 'accept' }, { ...ctx, item, calendar });
      if (!r.ok) throw new Error(r.error.message);
      return r.state;
    })();
    const partial = { type: 'complete', result: '办结', subCases: j.subCases } as const;
    const refused = transitionCase(lead, partial, { ...ctx, item, calendar });
    expect(!refused.ok && refused.error).toEqual({
      code: 'SUB_CASES_OPEN',
      message: `联办件应在各部门子件全部办结后办结；尚未办结：${SW}。`,
    });
    j = ok(moveSubCase(j, SW, 'complete', '税务信息已采集', ctx));
    const done = jointCompletion(j, '办结');
    if (!done.ok) throw new Error(done.message);
    const completed = transitionCase(lead, done.action, { ...ctx, item, calendar });
    expect(completed.ok && completed.state.status).toBe('completed');
    expect(j.log.map((e) => e.type)).toContain('subCaseCompleted');
  });

  it('a joint review meeting: an invited department that does not attend is deemed to agree', () => {
    const j = ok(
      recordJointReview(
        started(),
        {
          date: '2024-03-06',
          invited: [SCJG, ZJ, SW],
          attendees: [
            { department: SCJG, person: '张科长' },
            { department: SW, person: '李科长' },
          ],
          decisions: ['同意设立登记', ''],
          positions: { [SCJG]: 'agree', [SW]: 'agree' },
        },
        ctx,
      ),
    );
    expect(j.reviews[0]).toMatchObject({
      positions: { [SCJG]: 'agree', [ZJ]: 'deemedAgree', [SW]: 'agree' },
      decisions: ['同意设立登记'],
      outcome: 'agreed',
    });
    const split = recordJointReview(
      started(),
      {
        date: '2024-03-06',
        invited: [SCJG, SW],
        attendees: [{ department: SW, person: '李科长' }],
        decisions: ['住所需核实'],
        positions: { [SW]: 'disagree' },
      },
      ctx,
    );
    expect(split.ok && split.joint.reviews[0]?.outcome).toBe('disagreed');
  });

  it('refuses meetings with strangers, silent attendees or no decisions', () => {
    const base = { date: '2024-03-06', invited: [SCJG], attendees: [], decisions: ['x'], positions: {} };
    expect(recordJointReview(started(), { ...base, invited: ['公安局'] }, ctx)).toEqual({
      ok: false,
      message: '以下部门不是本联办件的参与部门：公安局',
    });
    expect(
      recordJointReview(started(), { ...base, attendees: [{ department: SCJG, person: '张' }] }, ctx),
    ).toMatchObject({ message: `出席部门应表明意见：${SCJG}` });
    expect(recordJointReview(started(), { ...base, decisions: [' '] }, ctx)).toMatchObject({
      message: '联审会应记录会议决定',
    });
  });

  it('records joint site surveys', () => {
    const survey = {
      date: '2024-03-05',
      participants: [{ department: ZJ, person: '王' }],
      findings: '住所与申报一致',
    };
    expect(ok(recordSiteSurvey(started(), survey, ctx)).surveys).toEqual([survey]);
    expect(recordSiteSurvey(started(), { ...survey, findings: '' }, ctx)).toMatchObject({ ok: false });
  });
});
