import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Budget, ExpenditureLine } from '../budget/budget.ts';
import { testBudget, yuan } from '../disclosure/test-budget.ts';
import { diffBudgets, summarizeDiff } from './diff.ts';

function edited(change: (b: Budget) => void): [Budget, Budget] {
  const before = testBudget();
  const after = structuredClone(before);
  change(after);
  return [before, after];
}

function line(b: Budget, economicCode: string, kind: ExpenditureLine['kind'] = 'personnel'): ExpenditureLine {
  const l = b.expenditureLines.find((x) => x.economicCode === economicCode && x.kind === kind);
  if (!l) throw new Error(economicCode);
  return l;
}

const SALARY = '2010350|30101|personnel|generalPublicBudget';

describe('diffBudgets', () => {
  it('finds nothing between a budget and its copy', () => {
    const b = testBudget();
    expect(diffBudgets(b, structuredClone(b))).toEqual([]);
    expect(summarizeDiff(b, structuredClone(b))).toEqual([]);
  });

  it('reports a changed expenditure line by its key, the amount as one leaf', () => {
    const [before, after] = edited((b) => {
      line(b, '30101').amount = yuan(242_000);
    });
    expect(diffBudgets(before, after)).toEqual([
      {
        path: '/expenditureLines/0/amount',
        kind: 'changed',
        before: { fen: 24_000_000, precision: 1 },
        after: { fen: 24_200_000, precision: 1 },
        key: SALARY,
      },
    ]);
    expect(summarizeDiff(before, after)).toEqual([
      '支出明细 2010350 事业运行／30101 基本工资（人员经费，一般公共预算拨款）：24.00万元 → 24.20万元',
    ]);
  });

  it('reports an added line once, without showing the lines after it as changed', () => {
    const added: ExpenditureLine = {
      functionCode: '2010302',
      functionName: '一般行政管理事务',
      economicCode: '31002',
      economicName: '办公设备购置',
      kind: 'project',
      fundingSource: 'generalPublicBudget',
      amount: yuan(10_000),
    };
    const [before, after] = edited((b) => {
      b.expenditureLines.unshift(added);
    });
    expect(diffBudgets(before, after)).toEqual([
      {
        path: '/expenditureLines/0',
        kind: 'added',
        after: added,
        key: '2010302|31002|project|generalPublicBudget',
      },
    ]);
    expect(summarizeDiff(before, after)).toEqual([
      '新增支出明细 2010302 一般行政管理事务／31002 办公设备购置（项目支出，一般公共预算拨款）：1.00万元',
    ]);
  });

  it('reports a removed line at its place in the earlier version', () => {
    const [before, after] = edited((b) => {
      b.expenditureLines = b.expenditureLines.filter((l) => l.economicCode !== '30229');
    });
    const removed = line(before, '30229', 'publicExpenses');
    expect(diffBudgets(before, after)).toEqual([
      {
        path: `/expenditureLines/${before.expenditureLines.indexOf(removed)}`,
        kind: 'removed',
        before: removed,
        key: '2010350|30229|publicExpenses|generalPublicBudget',
      },
    ]);
    expect(summarizeDiff(before, after)).toEqual([
      '删除支出明细 2010350 事业运行／30229 福利费（公用经费，一般公共预算拨款）：0.43万元',
    ]);
  });

  it('ignores the order of keyed lines, and says where a moved line was', () => {
    const [before, after] = edited((b) => {
      b.expenditureLines.reverse();
    });
    expect(diffBudgets(before, after)).toEqual([]);
    const [b2, a2] = edited((b) => {
      b.expenditureLines.reverse();
      line(b, '30101').amount = yuan(1);
    });
    expect(diffBudgets(b2, a2)).toEqual([
      expect.objectContaining({
        path: `/expenditureLines/${a2.expenditureLines.length - 1}/amount`,
        beforePath: '/expenditureLines/0/amount',
        key: SALARY,
      }),
    ]);
  });

  it('reports text fields: a short one with both values, a long one as modified, additions by index', () => {
    const [before, after] = edited((b) => {
      b.title = '山海关区人民政府政务服务中心 2018年部门预算公开说明（更正）';
      b.department.duties[1] =
        '对进入政务服务中心的“窗口”单位和工作人员进行日常管理、业务培训、绩效考核和监督检查，受理并处理群众对窗口服务的投诉';
      b.department.duties.push('承办区政府交办的其他事项');
    });
    expect(diffBudgets(before, after)).toEqual([
      { path: '/title', kind: 'changed', before: before.title, after: after.title },
      {
        path: '/department/duties/1',
        kind: 'changed',
        before: before.department.duties[1],
        after: after.department.duties[1],
      },
      { path: '/department/duties/3', kind: 'added', after: '承办区政府交办的其他事项' },
    ]);
    expect(summarizeDiff(before, after)).toEqual([
      '标题：“山海关区人民政府政务服务中心 2018年部门预算公开说明” → “山海关区人民政府政务服务中心 2018年部门预算公开说明（更正）”',
      '部门职责第2项已修改',
      '部门职责第4项：新增“承办区政府交办的其他事项”',
    ]);
  });

  it('escapes JSON pointers and reports a null that became a value', () => {
    const [before, after] = edited((b) => {
      b.threePublic.reception.priorYear = yuan(1_500);
      b.tables.push({
        kind: 'other',
        title: '附表',
        unit: '万元',
        line: 1,
        endLine: 2,
        columns: [],
        rows: [{ line: 2, code: null, label: '合计', cells: { 'a/b~c': yuan(1) }, placeholder: false }],
        emptyStatement: false,
      });
    });
    const entries = diffBudgets(before, after);
    expect(entries.map((e) => e.path)).toEqual(['/threePublic/reception/priorYear', '/tables/0']);
    const [b2, a2] = [after, structuredClone(after)];
    const row = a2.tables[0]?.rows[0];
    if (row) row.cells['a/b~c'] = yuan(2);
    expect(diffBudgets(b2, a2).map((e) => e.path)).toEqual(['/tables/0/rows/0/cells/a~1b~0c']);
    expect(summarizeDiff(before, after)).toEqual([
      '公务接待费上年数：未列示 → 0.15万元',
      '公开表格“附表”：1处修改',
    ]);
  });
});

describe('summarizeDiff', () => {
  it('puts the totals first, biggest change first ("支出总额：82.90万元 → 83.10万元")', () => {
    const [before, after] = edited((b) => {
      b.stated.expenditureTotal = yuan(831_000);
      b.stated.projectExpenditure = yuan(157_000);
      line(b, '30213', 'project').amount = yuan(97_000);
      b.department.rank = '副科级';
    });
    before.stated.expenditureTotal = yuan(829_000);
    expect(summarizeDiff(before, after)).toEqual([
      '支出总额：82.90万元 → 83.10万元',
      '项目支出：15.50万元 → 15.70万元',
      '支出明细 2010302 一般行政管理事务／30213 维修（护）费（项目支出，一般公共预算拨款）：9.50万元 → 9.70万元',
      '单位规格：“正科级” → “副科级”',
    ]);
  });

  it('keeps to the limit and says how many more', () => {
    const [before, after] = edited((b) => {
      for (const l of b.expenditureLines) l.amount = yuan(l.amount.fen / 100 + 1_000);
    });
    const lines = summarizeDiff(before, after, { limit: 3 });
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(`另有${after.expenditureLines.length - 3}处修改`);
  });
});

describe('diffBudgets, for any reordering and any changed amounts of the lines', () => {
  it('reports exactly the changed amounts, by key', () => {
    const base = testBudget();
    const n = base.expenditureLines.length;
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        fc.uniqueArray(fc.integer({ min: 0, max: n - 1 })),
        (order, changed) => {
          const after = structuredClone(base);
          for (const i of changed) {
            const l = after.expenditureLines[i];
            if (l) l.amount = { fen: l.amount.fen + 100, precision: 1 };
          }
          after.expenditureLines = order.flatMap((i) => after.expenditureLines[i] ?? []);
          const entries = diffBudgets(base, after);
          const key = (l: ExpenditureLine) =>
            `${l.functionCode}|${l.economicCode}|${l.kind}|${l.fundingSource}`;
          expect(entries.map((e) => e.key).sort()).toEqual(
            changed.map((i) => key(base.expenditureLines[i] as ExpenditureLine)).sort(),
          );
          for (const e of entries) {
            expect(e.kind).toBe('changed');
            expect(e.path).toMatch(/^\/expenditureLines\/\d+\/amount$/);
          }
        },
      ),
    );
  });
});
