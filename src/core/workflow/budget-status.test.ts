import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../audit/rule.ts';
import {
  availableActions,
  BUDGET_STATUSES,
  type BudgetStatus,
  findingKey,
  initialWorkflowState,
  MIN_REASON_LENGTH,
  type TransitionResult,
  transition,
  type WorkflowAction,
  type WorkflowActionType,
  type WorkflowState,
  workflowStateProblems,
} from './budget-status.ts';

/** The specification, written out independently of the implementation's table. */
const SPEC: Record<BudgetStatus, Partial<Record<WorkflowActionType, BudgetStatus>>> = {
  draft: { edit: 'draft', submit: 'submitted' },
  submitted: { return: 'returned', approve: 'approved' },
  returned: { edit: 'returned', submit: 'submitted' },
  approved: { publish: 'published' },
  published: { correct: 'published' },
};

const T0 = Date.parse('2018-01-10T02:00:00Z');
const ctx = (minutes = 0, actorId = 'u1') => ({ now: new Date(T0 + minutes * 60_000), actorId });

const sumError: Finding = {
  rule: 'arithmetic.expenditure-total',
  severity: 'error',
  message: '支出合计与各项之和不符。',
  evidence: { figures: { 支出总额: '82.9万元' }, arithmetic: '64.01 + 3.38 + 15.5 = 82.89 ≠ 83万元' },
};
const yearError: Finding = {
  rule: 'time.compared-year',
  severity: 'error',
  message: '2018年的预算中，支出与2016年比较，应与2017年比较。',
  evidence: { arithmetic: '2018 − 1 = 2017 ≠ 2016' },
};
const warning: Finding = { rule: 'wording.x', severity: 'warning', message: '用词不规范。', evidence: {} };

function ok(r: TransitionResult): WorkflowState {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.state;
}

function run(actions: WorkflowAction[]): WorkflowState {
  let s = initialWorkflowState();
  actions.forEach((a, i) => {
    s = ok(transition(s, a, ctx(i)));
  });
  return s;
}

const JUSTIFIED = '已与财政局核对，差额为四舍五入所致。';

describe('the workflow, step by step', () => {
  it('goes draft → submitted → approved → published → corrected (version 2, still published)', () => {
    let s = initialWorkflowState();
    expect(availableActions(s.status)).toEqual(['edit', 'submit']);
    s = ok(transition(s, { type: 'submit', findings: [] }, ctx(1)));
    expect(s).toMatchObject({ status: 'submitted', submittedAt: '2018-01-10T02:01:00.000Z' });
    s = ok(transition(s, { type: 'approve' }, ctx(2, 'reviewer')));
    expect(s).toMatchObject({ status: 'approved', approvedAt: '2018-01-10T02:02:00.000Z' });
    const published = transition(s, { type: 'publish' }, ctx(3));
    expect(published.ok && published.events).toEqual([
      {
        type: 'published',
        at: '2018-01-10T02:03:00.000Z',
        actorId: 'u1',
        from: 'approved',
        to: 'published',
        version: 1,
      },
    ]);
    s = ok(published);
    expect(s.publishedVersion).toBe(1);
    const corrected = transition(
      s,
      { type: 'correct', reason: '支出总额录入错误，已按批复数更正。' },
      ctx(4),
    );
    expect(corrected.ok && corrected.events[0]).toMatchObject({
      type: 'corrected',
      version: 2,
      reason: '支出总额录入错误，已按批复数更正。',
    });
    s = ok(corrected);
    expect(s).toMatchObject({
      status: 'published',
      publishedVersion: 2,
      publishedAt: '2018-01-10T02:03:00.000Z',
    });
    expect(
      ok(transition(s, { type: 'correct', reason: '公务接待费说明补充完整。' }, ctx(5))).publishedVersion,
    ).toBe(3);
  });

  it('returns with comments; a returned budget is edited and stays returned until it is submitted again', () => {
    let s = run([{ type: 'submit', findings: [] }]);
    s = ok(transition(s, { type: 'return', comments: '  请补充“三公”经费增减原因。 ' }, ctx(5, 'reviewer')));
    expect(s.status).toBe('returned');
    expect(s.lastReturn).toEqual({
      at: '2018-01-10T02:05:00.000Z',
      actorId: 'reviewer',
      comments: '请补充“三公”经费增减原因。',
    });
    const edited = transition(s, { type: 'edit' }, ctx(6));
    expect(edited.ok && edited.state).toBe(s);
    expect(edited.ok && edited.events[0]).toMatchObject({ type: 'edited', from: 'returned', to: 'returned' });
    s = ok(transition(s, { type: 'submit', findings: [] }, ctx(7)));
    expect(s.status).toBe('submitted');
    expect(s.lastReturn?.comments).toBe('请补充“三公”经费增减原因。');
  });

  it('refuses a return without comments', () => {
    const s = run([{ type: 'submit', findings: [] }]);
    const r = transition(s, { type: 'return', comments: ' \n ' }, ctx(1));
    expect(r).toEqual({
      ok: false,
      error: { code: 'COMMENTS_REQUIRED', message: '退回预算时应写明退回意见。' },
    });
  });

  it('refuses a correction without a reason of at least 10 characters', () => {
    const s = run([{ type: 'submit', findings: [] }, { type: 'approve' }, { type: 'publish' }]);
    const short = transition(s, { type: 'correct', reason: '改错字' }, ctx(9));
    expect(!short.ok && short.error.code).toBe('REASON_REQUIRED');
    expect(!short.ok && short.error.message).toContain('更正理由');
  });

  it('accepts edits only in draft and returned, with a message saying why not', () => {
    const published = run([{ type: 'submit', findings: [] }, { type: 'approve' }, { type: 'publish' }]);
    const r = transition(published, { type: 'edit' }, ctx(9));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INVALID_TRANSITION',
        message:
          '预算当前为“已公开”状态，不能编辑：只有“草稿”或“已退回”的预算可以编辑。已公开的预算不能修改，如有错误请提交更正。',
      },
    });
    const submitted = run([{ type: 'submit', findings: [] }]);
    expect(transition(submitted, { type: 'edit' }, ctx(9)).ok).toBe(false);
  });

  it('publishes approved budgets only', () => {
    for (const [status, expected] of [
      ['draft', false],
      ['submitted', false],
      ['returned', false],
      ['approved', true],
      ['published', false],
    ] as const) {
      const r = transition({ ...initialWorkflowState(), status }, { type: 'publish' }, ctx());
      expect([status, r.ok]).toEqual([status, expected]);
    }
  });
});

describe('submission and the auditor’s findings', () => {
  it('blocks submission while an error finding is unjustified, and lists which', () => {
    const r = transition(
      initialWorkflowState(),
      {
        type: 'submit',
        findings: [warning, sumError, yearError],
        justifications: { [findingKey(sumError)]: JUSTIFIED },
      },
      ctx(),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('UNJUSTIFIED_FINDINGS');
    expect(r.error.message).toContain('1个错误没有书面说明理由');
    expect(r.error.unjustified).toEqual([
      {
        key: findingKey(yearError),
        rule: 'time.compared-year',
        message: yearError.message,
        problem: 'missing',
      },
    ]);
  });

  it('counts a justification shorter than 10 characters (after trimming) as insufficient', () => {
    const nine = '差额为舍入所致已核对'.slice(0, MIN_REASON_LENGTH - 1);
    const r = transition(
      initialWorkflowState(),
      { type: 'submit', findings: [sumError], justifications: { [findingKey(sumError)]: `   ${nine}   ` } },
      ctx(),
    );
    expect(!r.ok && r.error.unjustified?.map((u) => u.problem)).toEqual(['tooShort']);
    expect(!r.ok && r.error.message).toContain('其中1条理由不足10个字');
  });

  it('submits when every error is justified; warnings need none; the event carries the justifications', () => {
    const r = transition(
      initialWorkflowState(),
      {
        type: 'submit',
        findings: [sumError, yearError, warning],
        justifications: {
          [findingKey(sumError)]: JUSTIFIED,
          [findingKey(yearError)]: '  原文如此，批复文件即与2016年比较。 ',
          'stale.rule:0000000000000000': '已不存在的审核发现的理由',
        },
      },
      ctx(),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [event] = r.events;
    expect(event?.type === 'submitted' && event.findingCounts).toEqual({ error: 2, warning: 1, info: 0 });
    expect(event?.type === 'submitted' && event.justified.map((j) => [j.rule, j.justification])).toEqual([
      ['arithmetic.expenditure-total', JUSTIFIED],
      ['time.compared-year', '原文如此，批复文件即与2016年比较。'],
    ]);
  });

  it('keys a finding by rule and a hash of message and evidence, ignoring severity, source positions and key order', () => {
    const key = findingKey(sumError);
    expect(key).toMatch(/^arithmetic\.expenditure-total:[0-9a-f]{16}$/);
    const asWarning: Finding = { ...sumError, severity: 'warning' };
    expect(findingKey(asWarning)).toBe(key);
    const moved = {
      ...sumError,
      evidence: {
        arithmetic: sumError.evidence.arithmetic,
        figures: { 支出总额: '82.9万元' },
        sources: [{ line: 12, column: 3, text: '82.9万元', sentence: '支出总额82.9万元。' }],
      },
    };
    expect(findingKey(moved)).toBe(key);
    expect(findingKey({ ...sumError, message: '支出合计不符。' })).not.toBe(key);
    expect(findingKey({ ...sumError, evidence: { figures: { 支出总额: '83万元' } } })).not.toBe(key);
    expect(findingKey({ ...sumError, rule: 'other.rule' })).toBe(
      key.replace('arithmetic.expenditure-total', 'other.rule'),
    );
  });
});

// ————— Properties —————

const findingArb: fc.Arbitrary<Finding> = fc.record({
  rule: fc.constantFrom('a.one', 'b.two', 'c.three'),
  severity: fc.constantFrom<Severity>('error', 'warning', 'info'),
  message: fc.constantFrom('甲不符。', '乙缺失。', '丙有误。'),
  evidence: fc.constantFrom({}, { arithmetic: '1 + 1 ≠ 3' }, { detail: '公务接待费' }),
});

/** Mostly acceptable texts (so that long paths are explored), and every kind of unacceptable one. */
const textArb = fc.oneof(
  {
    arbitrary: fc.constantFrom('这是一个足够长的书面理由。', '　　全角空格围绕的理由文字够长了　　'),
    weight: 4,
  },
  { arbitrary: fc.constantFrom('', '   ', '太短了', '十个字差一个字就够了'.slice(0, 9)), weight: 1 },
  { arbitrary: fc.string({ maxLength: 14 }), weight: 1 },
);

/** Which error findings to justify, and with what text. */
const actionArb: fc.Arbitrary<WorkflowAction> = fc.oneof(
  fc.constant<WorkflowAction>({ type: 'edit' }),
  fc
    .record({ findings: fc.array(findingArb, { maxLength: 4 }), texts: fc.array(textArb, { maxLength: 4 }) })
    .map(({ findings, texts }): WorkflowAction => {
      const justifications: Record<string, string> = {};
      findings.forEach((f, i) => {
        const t = texts[i];
        if (t !== undefined) justifications[findingKey(f)] = t;
      });
      return { type: 'submit', findings, justifications };
    }),
  textArb.map((comments): WorkflowAction => ({ type: 'return', comments })),
  fc.constant<WorkflowAction>({ type: 'approve' }),
  fc.constant<WorkflowAction>({ type: 'publish' }),
  textArb.map((reason): WorkflowAction => ({ type: 'correct', reason })),
);

/** Whether the payload is acceptable, judged independently of the implementation. */
function payloadValid(a: WorkflowAction): boolean {
  const len = (s: string) => [...s.trim()].length;
  switch (a.type) {
    case 'submit':
      return a.findings
        .filter((f) => f.severity === 'error')
        .every((f) => len(a.justifications?.[findingKey(f)] ?? '') >= 10);
    case 'return':
      return a.comments.trim() !== '';
    case 'correct':
      return len(a.reason) >= 10;
    default:
      return true;
  }
}

describe('the state machine, for any sequence of actions', () => {
  it('follows the specification exactly and never reaches an invalid state', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
        let s = initialWorkflowState();
        actions.forEach((a, i) => {
          const r = transition(s, a, ctx(i));
          const target = SPEC[s.status][a.type];
          if (target === undefined) {
            expect(!r.ok && r.error.code).toBe('INVALID_TRANSITION');
            return;
          }
          expect(r.ok).toBe(payloadValid(a));
          if (!r.ok) {
            expect(r.error.message).toMatch(/\p{Script=Han}/u);
            return;
          }
          expect(r.state.status).toBe(target);
          expect(r.events).toHaveLength(1);
          expect(r.events[0]).toMatchObject({ at: ctx(i).now.toISOString(), from: s.status, to: target });
          expect(workflowStateProblems(r.state)).toEqual([]);
          reached.add(`${s.status}-${a.type}`);
          s = r.state;
        });
      }),
      {
        numRuns: 500,
        // One walk through every transition, so the coverage check below never depends on luck (a random
        // sequence reaches a correction of a published budget only rarely).
        examples: [
          [
            [
              { type: 'edit' },
              { type: 'submit', findings: [] },
              { type: 'return', comments: '请补充说明。' },
              { type: 'edit' },
              { type: 'submit', findings: [] },
              { type: 'approve' },
              { type: 'publish' },
              { type: 'correct', reason: '更正收入总额中的笔误。' },
            ],
          ],
        ],
      },
    );
    // The generator does reach every transition of the specification.
    const all = Object.entries(SPEC).flatMap(([from, to]) => Object.keys(to).map((a) => `${from}-${a}`));
    expect([...reached].sort()).toEqual(all.sort());
  });

  it('never leaves published except by correction, which keeps it published and adds one version', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
        let s = run([{ type: 'submit', findings: [] }, { type: 'approve' }, { type: 'publish' }]);
        actions.forEach((a, i) => {
          const r = transition(s, a, ctx(10 + i));
          if (a.type !== 'correct') {
            expect(r.ok).toBe(false);
            return;
          }
          if (!r.ok) return;
          expect(r.state.status).toBe('published');
          expect(r.state.publishedVersion).toBe(s.publishedVersion + 1);
          expect(r.state.publishedAt).toBe(s.publishedAt);
          s = r.state;
        });
        expect(s.status).toBe('published');
      }),
      { numRuns: 300 },
    );
  });

  it('accepts an edit exactly in draft and returned, and an edit changes nothing in the state', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 30 }), (actions) => {
        let s = initialWorkflowState();
        actions.forEach((a, i) => {
          const e = transition(s, { type: 'edit' }, ctx(i));
          expect(e.ok).toBe(s.status === 'draft' || s.status === 'returned');
          if (e.ok) expect(e.state).toEqual(s);
          const r = transition(s, a, ctx(i));
          if (r.ok) s = r.state;
        });
      }),
      { numRuns: 300 },
    );
  });

  it('rejects states no sequence reaches', () => {
    const base = initialWorkflowState();
    expect(workflowStateProblems(base)).toEqual([]);
    expect(workflowStateProblems({ ...base, status: 'published' })).not.toEqual([]);
    expect(workflowStateProblems({ ...base, status: 'returned', submittedAt: 'x' })).toContain(
      '已退回的预算应有退回意见',
    );
    for (const status of BUDGET_STATUSES) {
      expect(workflowStateProblems({ ...base, status, publishedVersion: -1 }).length).toBeGreaterThan(0);
    }
  });
});
