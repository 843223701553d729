/**
 * A small, internally consistent district department budget for 2018 (and its 2017 budget), for the
 * tests of the document builder and the renderers. Every total is the sum of its lines:
 * 人员经费 64.01 + 公用经费 3.38 + 项目支出 15.5 = 82.89 万元, all 一般公共预算拨款;
 * against 2017 (84.47 万元): 基本支出 −1.49, 项目支出 −0.09, total −1.58 万元.
 */
import type { Budget, ExpenditureKind, ExpenditureLine } from '../budget/budget.ts';
import { emptyBudget } from '../budget/empty-budget.ts';
import { type Amount, exact } from '../kernel/money.ts';

/** An exact amount of 元 (yuan(1234.5) is 123 450 分). */
export function yuan(n: number): Amount {
  return exact(Math.round(n * 100));
}

const FUNCTION_NAMES: Record<string, string> = {
  '2010350': '事业运行',
  '2010302': '一般行政管理事务',
  '2080505': '机关事业单位基本养老保险缴费支出',
  '2101101': '行政单位医疗',
  '2210201': '住房公积金',
};

const ECONOMIC_NAMES: Record<string, string> = {
  '30101': '基本工资',
  '30102': '津贴补贴',
  '30108': '机关事业单位基本养老保险缴费',
  '30110': '职工基本医疗保险缴费',
  '30113': '住房公积金',
  '30201': '办公费',
  '30202': '印刷费',
  '30207': '邮电费',
  '30213': '维修（护）费',
  '30228': '工会经费',
  '30229': '福利费',
  '30231': '公务用车运行维护费',
};

function line(
  functionCode: string,
  economicCode: string,
  kind: ExpenditureKind,
  yuanAmount: number,
): ExpenditureLine {
  return {
    functionCode,
    functionName: FUNCTION_NAMES[functionCode] ?? null,
    economicCode,
    economicName: ECONOMIC_NAMES[economicCode] ?? null,
    kind,
    fundingSource: 'generalPublicBudget',
    amount: yuan(yuanAmount),
  };
}

/** [function code, economic code, kind, 元] of 2018; 2017 differs in 基本工资 and the projects. */
const LINES_2018: readonly [string, string, ExpenditureKind, number][] = [
  ['2010350', '30101', 'personnel', 240_000],
  ['2010350', '30102', 'personnel', 180_000],
  ['2080505', '30108', 'personnel', 96_000],
  ['2101101', '30110', 'personnel', 45_000],
  ['2210201', '30113', 'personnel', 79_100],
  ['2010350', '30201', 'publicExpenses', 9_800],
  ['2010350', '30202', 'publicExpenses', 2_000],
  ['2010350', '30207', 'publicExpenses', 3_200],
  ['2010350', '30213', 'publicExpenses', 2_300],
  ['2010350', '30231', 'publicExpenses', 6_000],
  ['2010350', '30228', 'publicExpenses', 6_200],
  ['2010350', '30229', 'publicExpenses', 4_300],
  ['2010302', '30213', 'project', 95_000],
  ['2010302', '30201', 'project', 60_000],
];

const LINES_2017: readonly [string, string, ExpenditureKind, number][] = LINES_2018.map(([f, e, k, n]) => {
  if (e === '30101') return [f, e, k, n + 14_900];
  if (k === 'project' && e === '30213') return [f, e, k, n + 900];
  return [f, e, k, n];
});

function department(b: Budget): void {
  b.department = {
    name: '山海关区人民政府政务服务中心',
    code: null,
    nature: '事业',
    rank: '正科级',
    fundingForm: '财政性资金基本保证',
    internalBodies: ['办公室', '督察科', '业务科'],
    duties: [
      '制定政务服务中心的各项业务运行和人员管理的规章制度、管理办法，并组织实施',
      '对进入政务服务中心的“窗口”单位和工作人员进行管理',
      '对乡镇政务服务中心的政务服务工作进行指导',
    ],
  };
}

function fill(b: Budget, lines: readonly [string, string, ExpenditureKind, number][]): void {
  b.expenditureLines = lines.map(([f, e, k, n]) => line(f, e, k, n));
  const sum = (pred: (l: ExpenditureLine) => boolean) =>
    exact(b.expenditureLines.filter(pred).reduce((s, l) => s + l.amount.fen, 0));
  const total = sum(() => true);
  b.revenue = [{ source: 'generalPublicBudget', amount: total }];
  b.stated = {
    revenueTotal: total,
    expenditureTotal: total,
    generalPublicBudget: total,
    basicExpenditure: sum((l) => l.kind !== 'project'),
    personnel: sum((l) => l.kind === 'personnel'),
    publicExpenses: sum((l) => l.kind === 'publicExpenses'),
    projectExpenditure: sum((l) => l.kind === 'project'),
  };
  const publicLines = b.expenditureLines.filter((l) => l.kind === 'publicExpenses');
  b.operatingExpenses = {
    total: sum((l) => l.kind === 'publicExpenses'),
    items: publicLines.map((l) => ({ name: l.economicName ?? '', amount: l.amount })),
  };
}

/** The 2018 budget of 山海关区人民政府政务服务中心 (test data, consistent). */
export function testBudget(): Budget {
  const b = emptyBudget();
  b.fiscalYear = 2018;
  b.title = '山海关区人民政府政务服务中心 2018年部门预算公开说明';
  department(b);
  fill(b, LINES_2018);
  const tp = b.threePublic;
  tp.overseasTravel.amount = yuan(0);
  tp.vehiclePurchase.amount = yuan(0);
  tp.vehicleOperation.amount = yuan(6_000);
  tp.vehicleTotal.amount = yuan(6_000);
  tp.reception.amount = yuan(2_000);
  tp.total.amount = yuan(8_000);
  tp.vehicleUse = '公务用车运行维护';
  b.changes = [
    {
      subject: 'total',
      comparedYear: 2017,
      direction: 'decrease',
      word: '减少',
      amount: yuan(15_800),
      percent: null,
      reason: null,
      partOf: null,
    },
    {
      subject: 'basicExpenditure',
      comparedYear: 2017,
      direction: 'decrease',
      word: '减少',
      amount: yuan(14_900),
      percent: null,
      reason: '人员调整',
      partOf: 0,
    },
    {
      subject: 'projectExpenditure',
      comparedYear: 2017,
      direction: 'decrease',
      word: '减少',
      amount: yuan(900),
      percent: null,
      reason: null,
      partOf: 0,
    },
    {
      subject: 'threePublicTotal',
      comparedYear: 2017,
      direction: 'increase',
      word: '增加',
      amount: yuan(2_000),
      percent: null,
      reason: '公务接待任务增加',
      partOf: null,
    },
  ];
  b.performance = {
    overall: ['规范窗口服务，提高审批效率', '保障政务外网和业务系统正常运行'],
    dutyTargets: [
      {
        duty: '人员、业务管理工作',
        target: '确保窗口各项工作正常开展，大厅基础设施运转良好',
        activityTarget: '保障窗口正常运转，网络与办公平台正常运行',
      },
    ],
    activities: [
      {
        name: '窗口技术设备维护维修',
        annualBudget: yuan(95_000),
        description: '大厅窗口电脑、打印机、扫描仪等设备的维护维修',
        goal: '提高办事质量，保障窗口业务畅通',
        indicators: [
          {
            name: '窗口工作业务的完成率',
            excellent: { text: '100%', value: 100 },
            good: { text: '95%', value: 95 },
            fair: { text: '90%', value: 90 },
            poor: { text: '85%', value: 85 },
          },
          {
            name: '设备故障修复及时率',
            excellent: { text: '≥98%', value: 98 },
            good: { text: '≥95%', value: 95 },
            fair: { text: '≥90%', value: 90 },
            poor: { text: '<90%', value: 90 },
          },
        ],
      },
      {
        name: '窗口办公费',
        annualBudget: yuan(60_000),
        description: '窗口人员的办公用品和群众办事区便民物品',
        goal: '保障窗口各项工作正常开展',
        indicators: [
          {
            name: '窗口日常工作完成率',
            excellent: { text: '100%', value: 100 },
            good: { text: '95%', value: 95 },
            fair: { text: '95%', value: 95 },
            poor: { text: '85%', value: 85 },
          },
        ],
      },
    ],
    projectCount: 2,
    projectFunds: yuan(155_000),
  };
  b.procurement = { total: null, items: [], statedNone: true };
  b.assets = {
    ...b.assets,
    asOf: '2017-12-31',
    total: yuan(506_300),
    fixed: yuan(506_300),
    vehicles: 1,
    vehicleValue: yuan(125_000),
    equipmentCount: 0,
    equipmentThreshold: yuan(200_000),
  };
  b.glossary = [
    { term: '一般公共预算拨款收入', definition: '指区级财政当年拨付的资金' },
    { term: '基本支出', definition: '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出' },
    { term: '项目支出', definition: '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出' },
    {
      term: '“三公”经费',
      definition: '指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费',
    },
  ];
  b.dates = { approved: '2018-01-20', published: null };
  return b;
}

/** The same department's 2017 budget (84.47 万元; "三公" 0.6 万元). */
export function testPriorBudget(): Budget {
  const b = emptyBudget();
  b.fiscalYear = 2017;
  department(b);
  fill(b, LINES_2017);
  const tp = b.threePublic;
  tp.overseasTravel.amount = yuan(0);
  tp.vehiclePurchase.amount = yuan(0);
  tp.vehicleOperation.amount = yuan(6_000);
  tp.vehicleTotal.amount = yuan(6_000);
  tp.reception.amount = yuan(0);
  tp.total.amount = yuan(6_000);
  return b;
}
