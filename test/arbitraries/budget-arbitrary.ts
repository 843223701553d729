/**
 * fast-check arbitraries of realistic, internally consistent budgets and of
 * renderer options, for round-trip tests of the text importer and for the
 * benchmark corpus (through fc.sample with a seed).
 *
 * Consistency: expenditure lines are generated first (personnel and public
 * expenses by economic class, projects by function), and every total is their
 * sum: 人员经费 + 公用经费 = 基本支出; 基本支出 + 项目支出 = 支出合计 = 收入合计;
 * 一般公共预算拨款 = 收入合计 − other sources (which fund projects only);
 * 机关运行经费 = 公用经费 with the same items; 购置费 + 运行费 = 公务用车购置及运行费;
 * 出国 + 公务用车 + 接待 = “三公”经费. The standard tables are built from the same facts.
 *
 * Every amount is a whole multiple of 100 元 (10 000 分), so it prints exactly
 * in 元, 万元 (two decimals) and 亿元; its precision is the coarsest of 1 万元,
 * 0.1 万元 and 0.01 万元 that holds it exactly, or always 0.01 万元 (a per-document choice).
 */
import fc from 'fast-check';
import type {
  Budget,
  ChangeSubject,
  ExpenditureLine,
  RevenueSource,
  StatedChange,
  StatedTable,
  TableRow,
  ThreePublicItem,
} from '../../src/core/budget/budget.ts';
import type { Amount } from '../../src/core/kernel/money.ts';
import type { RenderTextOptions } from '../../src/render/text/render-text.ts';

// ---------------------------------------------------------------- vocabulary

const CITIES = ['秦皇岛市', '上海市', '重庆市', '石家庄市', '杭州市', ''] as const;
const DISTRICTS = [
  '山海关区',
  '海港区',
  '北戴河区',
  '普陀区',
  '静安区',
  '渝中区',
  '城关区',
  '昌黎县',
  '卢龙县',
];
const BODIES = [
  '人民政府办公室（外事办公室）',
  '人民政府政务服务中心',
  '财政局',
  '教育局',
  '民政局',
  '人民政府办公室',
  '市场监督管理局',
  '审计局',
  '档案馆',
  '司法局',
  '统计局',
  '行政审批局',
];
const NATURES = ['行政', '事业', '参照公务员法管理事业'];
const RANKS = ['正科级', '副科级', '正处级', '副处级'];
const FUNDING_FORMS = ['财政性资金基本保证', '全额拨款', '财政补助'];
const INTERNAL_BODIES = ['办公室', '督察科', '业务科', '综合科', '财务科', '人事科', '法规科', '信息科'];
const DUTIES = [
  '制定政务服务中心的各项业务运行和人员管理的规章制度、管理办法，并组织实施。',
  '对进入政务服务中心的“窗口”单位和工作人员进行管理，组织各“窗口”单位规范、高效、优质服务。',
  '负责机房系统维护和微机技术服务、内外网之间的数据交换及中心的统计业务。',
  '对乡镇政务服务中心的政务服务工作进行指导。',
  '受理当事人对“窗口”及工作人员服务质量、效率等方面的投诉。',
  '完成区委、区政府交办的其他事项。',
];

/** Economic classes (类) and items (款): personnel. */
const PERSONNEL_ITEMS: readonly [string, string, string][] = [
  ['30101', '基本工资', '2010301'],
  ['30102', '津贴补贴', '2010301'],
  ['30103', '奖金', '2010301'],
  ['30108', '机关事业单位基本养老保险缴费', '2080505'],
  ['30110', '职工基本医疗保险缴费', '2101101'],
  ['30113', '住房公积金', '2210201'],
  ['30305', '生活补助', '2010301'],
];
/** Public expenses (302), also the 机关运行经费 items. */
const PUBLIC_ITEMS: readonly [string, string][] = [
  ['30201', '办公费'],
  ['30202', '印刷费'],
  ['30205', '水费'],
  ['30206', '电费'],
  ['30207', '邮电费'],
  ['30211', '差旅费'],
  ['30213', '维修（护）费'],
  ['30228', '工会经费'],
  ['30229', '福利费'],
  ['30231', '公务用车运行维护费'],
];
const PROJECT_FUNCTIONS: readonly [string, string][] = [
  ['2010302', '一般行政管理事务'],
  ['2010350', '事业运行'],
  ['2010399', '其他政府办公厅（室）及相关机构事务支出'],
];
const FUNCTION_NAMES: Record<string, string> = {
  '201': '一般公共服务支出',
  '20103': '政府办公厅（室）及相关机构事务',
  '2010301': '行政运行',
  '2010302': '一般行政管理事务',
  '2010350': '事业运行',
  '2010399': '其他政府办公厅（室）及相关机构事务支出',
  '208': '社会保障和就业支出',
  '20805': '行政事业单位养老支出',
  '2080505': '机关事业单位基本养老保险缴费支出',
  '210': '卫生健康支出',
  '21011': '行政事业单位医疗',
  '2101101': '行政单位医疗',
  '221': '住房保障支出',
  '22102': '住房改革支出',
  '2210201': '住房公积金',
};
const ECONOMIC_CLASSES: Record<string, string> = {
  '301': '工资福利支出',
  '302': '商品和服务支出',
  '303': '对个人和家庭的补助',
};
const ACTIVITIES: readonly [string, string, string, string][] = [
  [
    '窗口技术设备维护维修',
    '承担政务服务中心大厅所有窗口电脑、打印机、扫描仪的维护维修工作',
    '提高办事质量，保障窗口业务畅通',
    '窗口工作业务的完成率',
  ],
  [
    '窗口办公费',
    '日常窗口人员的办公用品和群众办公服务区便民物品的维护',
    '保障窗口各项工作正常开展，提高大厅服务功能',
    '窗口日常工作完成率',
  ],
  ['政务外网运行', '保障政务外网和业务系统正常运行', '网络与办公平台正常运行', '网络正常运行率'],
  ['乡镇政务服务指导', '指导乡镇、社区政务服务工作', '让群众办事更加便捷', '群众满意率'],
];
const GRADE_SETS: readonly (readonly [string, string, string, string])[] = [
  ['100%', '95%', '90%', '85%'],
  ['≥98%', '≥95%', '≥90%', '<90%'],
  ['好', '较好', '一般', '差'],
];
const REASONS = [
  '人员调整',
  '采暖补贴支出减少',
  '厉行节约压减开支',
  '新增信息化建设项目',
  '车辆保险费用增加',
];
const GLOSSARY: readonly [string, string][] = [
  ['一般公共预算拨款收入', '指县级财政当年拨付的资金'],
  ['基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出'],
  ['项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出'],
  ['“三公”经费', '指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费'],
  ['机关运行经费', '为保障行政单位运行用于购买货物和服务的各项资金'],
];
const PROCUREMENT_ITEMS = ['台式计算机', '打印机', '复印纸', '办公家具', '服务器'];

// ---------------------------------------------------------------- helpers

const W = 10_000; // 100 元 in 分: the step of every amount

/** The coarsest precision (1 万元, 0.1 万元, 0.01 万元) that states `fen` exactly. */
function coarsest(fen: number): number {
  for (const p of [1_000_000, 100_000, 10_000]) if (fen % p === 0) return p;
  return 1;
}

function makeAmount(fen: number, coarse: boolean): Amount {
  return { fen, precision: coarse ? coarsest(fen) : 10_000 };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** An amount in steps of 100 元, from 0 to max steps; small ones more often. */
function steps(max: number, min = 0): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min, max: Math.max(min, Math.floor(max / 20)) }) },
    { weight: 2, arbitrary: fc.integer({ min, max }) },
  );
}

/** Whether to include a table: never, always or with probability n/10. */
function tableChance(o: BudgetArbitraryOptions, n: number): fc.Arbitrary<boolean> {
  if (o.tables === false) return fc.constant(false);
  return o.tables === 'all' ? fc.constant(true) : chance(n);
}

/** True with probability n/10. */
function chance(n: number): fc.Arbitrary<boolean> {
  return fc.integer({ min: 0, max: 9 }).map((x) => x < n);
}

// ---------------------------------------------------------------- ingredients

/** Which summary figures the text states (the rest come from tables, or nowhere). */
export interface Stated {
  revenueTotal: boolean;
  expenditureTotal: boolean;
  generalPublicBudget: boolean;
  basicExpenditure: boolean;
  personnel: boolean;
  publicExpenses: boolean;
  projectExpenditure: boolean;
  threePublicTotal: boolean;
  overseasTravel: boolean;
  vehicleTotal: boolean;
  vehiclePurchase: boolean;
  vehicleOperation: boolean;
  reception: boolean;
  operatingExpenses: boolean;
  procurementTotal: boolean;
  assetsTotal: boolean;
}

export interface BudgetArbitraryOptions {
  /** Let the text leave figures out (default true). */
  omissions?: boolean;
  /** Include standard tables: some (true, the default), none (false) or every kind ('all'). */
  tables?: boolean | 'all';
  /** Table kinds never to include. */
  excludeTables?: readonly StatedTable['kind'][];
}

const statedArbitrary = (omissions: boolean): fc.Arbitrary<Stated> =>
  omissions
    ? fc.record({
        revenueTotal: chance(9),
        expenditureTotal: chance(9),
        generalPublicBudget: chance(9),
        basicExpenditure: chance(5),
        personnel: chance(8),
        publicExpenses: chance(8),
        projectExpenditure: chance(8),
        threePublicTotal: chance(8),
        overseasTravel: chance(8),
        vehicleTotal: chance(8),
        vehiclePurchase: chance(6),
        vehicleOperation: chance(6),
        reception: chance(8),
        operatingExpenses: chance(8),
        procurementTotal: chance(8),
        assetsTotal: chance(8),
      })
    : fc.constant({
        revenueTotal: true,
        expenditureTotal: true,
        generalPublicBudget: true,
        basicExpenditure: true,
        personnel: true,
        publicExpenses: true,
        projectExpenditure: true,
        threePublicTotal: true,
        overseasTravel: true,
        vehicleTotal: true,
        vehiclePurchase: true,
        vehicleOperation: true,
        reception: true,
        operatingExpenses: true,
        procurementTotal: true,
        assetsTotal: true,
      });

const ingredients = (o: BudgetArbitraryOptions) =>
  fc.record({
    year: fc.integer({ min: 2015, max: 2026 }),
    coarse: fc.boolean(),
    /** Most departments spend hundreds of 万元; some spend 亿元. */
    scale: fc.constantFrom(1, 1, 1, 10, 100),
    city: fc.constantFrom(...CITIES),
    district: fc.constantFrom(...DISTRICTS),
    body: fc.constantFrom(...BODIES),
    nature: fc.option(fc.constantFrom(...NATURES), { freq: 8 }),
    rank: fc.option(fc.constantFrom(...RANKS), { freq: 8 }),
    fundingForm: fc.option(fc.constantFrom(...FUNDING_FORMS), { freq: 8 }),
    internalBodies: fc.subarray(INTERNAL_BODIES, { minLength: 0, maxLength: 4 }),
    duties: fc.subarray(DUTIES, { minLength: 0, maxLength: 5 }),
    personnel: fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: PERSONNEL_ITEMS.length - 1 }), steps(60_000, 1)),
      {
        minLength: 1,
        maxLength: 4,
        selector: (x) => x[0],
      },
    ),
    publicItems: fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: PUBLIC_ITEMS.length - 1 }), steps(3_000)),
      {
        minLength: 1,
        maxLength: 6,
        selector: (x) => x[0],
      },
    ),
    projects: fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: PROJECT_FUNCTIONS.length - 1 }), steps(50_000, 1)),
      {
        minLength: 0,
        maxLength: 3,
        selector: (x) => x[0],
      },
    ),
    /** Shares (in per cent of the projects) funded by other sources. */
    otherSources: fc.subarray(['governmentFund', 'businessIncome', 'otherIncome'] as const, { maxLength: 2 }),
    otherShare: fc.integer({ min: 1, max: 40 }),
    overseas: fc.oneof(fc.constant(0), steps(500)),
    purchase: fc.oneof(fc.constant(0), steps(3_000)),
    operation: fc.oneof(fc.constant(0), steps(500)),
    reception: fc.oneof(fc.constant(0), steps(300)),
    vehicleUse: fc.option(fc.constantFrom('公务用车运行维护', '公务用车运行费'), { freq: 3 }),
    threePublicReason: fc.option(fc.constantFrom(...REASONS), { freq: 3 }),
    priorYears: fc.boolean(),
    totalChange: fc.option(
      fc.record({
        yearsBack: fc.constantFrom(0, 1, 2),
        direction: fc.constantFrom('increase', 'decrease', 'flat') as fc.Arbitrary<StatedChange['direction']>,
        subject: fc.constantFrom('total', 'revenue', 'expenditure') as fc.Arbitrary<ChangeSubject>,
        amount: steps(20_000, 1),
        percent: fc.option(
          fc.integer({ min: 1, max: 9999 }).map((x) => x / 100),
          { freq: 2 },
        ),
        reason: fc.option(fc.constantFrom(...REASONS), { freq: 2 }),
        parts: fc.uniqueArray(
          fc.record({
            subject: fc.constantFrom(
              'basicExpenditure',
              'projectExpenditure',
              'personnel',
              'publicExpenses',
            ) as fc.Arbitrary<ChangeSubject>,
            direction: fc.constantFrom('increase', 'decrease') as fc.Arbitrary<StatedChange['direction']>,
            amount: steps(10_000, 1),
            reason: fc.option(fc.constantFrom(...REASONS), { freq: 2 }),
          }),
          { maxLength: 3, selector: (p) => p.subject },
        ),
      }),
      { freq: 3 },
    ),
    threePublicChange: fc.option(
      fc.record({
        direction: fc.constantFrom('increase', 'decrease') as fc.Arbitrary<StatedChange['direction']>,
        amount: steps(2_000, 1),
        reason: fc.option(fc.constantFrom(...REASONS), { freq: 2 }),
      }),
      { freq: 2 },
    ),
    activities: fc.uniqueArray(
      fc.record({
        index: fc.integer({ min: 0, max: ACTIVITIES.length - 1 }),
        budget: fc.option(steps(5_000, 1), { freq: 5 }),
        grades: fc.constantFrom(...GRADE_SETS),
      }),
      { minLength: 1, maxLength: 4, selector: (a) => a.index },
    ),
    overall: fc.subarray(DUTIES, { maxLength: 3 }),
    projectCount: fc.option(fc.integer({ min: 1, max: 20 }), { freq: 2 }),
    procurement: fc.oneof(
      fc.constant<'none' | 'silent'>('none'),
      fc.constant<'none' | 'silent'>('silent'),
      fc.uniqueArray(
        fc.tuple(fc.constantFrom(...PROCUREMENT_ITEMS), fc.integer({ min: 1, max: 20 }), steps(2_000, 1)),
        {
          minLength: 1,
          maxLength: 3,
          selector: (x) => x[0],
        },
      ),
    ),
    assets: fc.record({
      fixed: steps(200_000),
      other: steps(50_000),
      buildings: fc.option(fc.integer({ min: 0, max: 100 }), { freq: 3 }),
      vehicles: fc.option(fc.integer({ min: 0, max: 5 }), { freq: 5 }),
      equipment: fc.option(fc.integer({ min: 1, max: 9 }), { freq: 2 }),
      asOfYearEnd: fc.boolean(),
    }),
    glossary: fc.subarray(GLOSSARY as [string, string][], { maxLength: 5 }),
    otherNotes: fc.subarray(['本部门无其他需要说明的事项。', '本部门预算公开内容以批复为准。'], {
      maxLength: 1,
    }),
    approvedDay: fc.option(fc.integer({ min: 1, max: 28 }), { freq: 3 }),
    stated: statedArbitrary(o.omissions ?? true),
    tables: fc.record({
      expenditureSummary: tableChance(o, 5),
      basicByEconomic: tableChance(o, 5),
      threePublic: tableChance(o, 5),
      threePublicWithOperating: fc.boolean(),
      revenueSummary: tableChance(o, 4),
      appropriationSummary: tableChance(o, 3),
      procurement: tableChance(o, 4),
      assets: tableChance(o, 4),
      unit: fc.constantFrom<'万元' | '元' | '亿元'>('万元', '万元', '元', '亿元'),
    }),
  });

type IngredientValue = ReturnType<typeof ingredients> extends fc.Arbitrary<infer T> ? T : never;

function item(
  amount: Amount | null,
  priorYear: Amount | null = null,
  reason: string | null = null,
): ThreePublicItem {
  return { amount, priorYear, reason };
}

function change(
  subject: ChangeSubject,
  comparedYear: number | null,
  direction: StatedChange['direction'],
  amount: Amount | null,
  percent: number | null,
  reason: string | null,
  partOf: number | null,
): StatedChange {
  const word = direction === 'flat' ? '持平' : direction === 'increase' ? '增加' : '减少';
  return {
    subject,
    comparedYear,
    direction,
    word,
    amount: direction === 'flat' ? null : amount,
    percent: direction === 'flat' ? null : percent,
    reason,
    partOf,
  };
}

function row(label: string, code: string | null, cells: Record<string, Amount>): TableRow {
  return { line: 0, code, label, cells, placeholder: false };
}

function table(
  kind: StatedTable['kind'],
  title: string,
  unit: StatedTable['unit'],
  columns: string[],
  rows: TableRow[],
  emptyStatement = false,
): StatedTable {
  return { kind, title, unit, line: 0, endLine: 0, columns, rows, emptyStatement };
}

function build(x: IngredientValue, o: BudgetArbitraryOptions): Budget {
  const A = (fen: number) => makeAmount(fen, x.coarse);
  const name = `${x.city}${x.district}${x.body}`;

  // Expenditure lines.
  const lines: ExpenditureLine[] = [];
  const U = W * x.scale;
  for (const [i, n] of x.personnel) {
    const [econ, econName, fn] = PERSONNEL_ITEMS[i] as [string, string, string];
    lines.push({
      functionCode: fn,
      functionName: FUNCTION_NAMES[fn] ?? null,
      economicCode: econ,
      economicName: econName,
      kind: 'personnel',
      fundingSource: 'generalPublicBudget',
      amount: A(n * U),
    });
  }
  for (const [i, n] of x.publicItems) {
    const [econ, econName] = PUBLIC_ITEMS[i] as [string, string];
    lines.push({
      functionCode: '2010301',
      functionName: FUNCTION_NAMES['2010301'] ?? null,
      economicCode: econ,
      economicName: econName,
      kind: 'publicExpenses',
      fundingSource: 'generalPublicBudget',
      amount: A(n * U),
    });
  }
  const projectFen = sum(x.projects.map(([, n]) => n * U));
  const others = projectFen > 0 ? x.otherSources : [];
  const otherFen = others.map(() => Math.floor((projectFen * x.otherShare) / 100 / others.length / W) * W);
  let otherLeft = [...otherFen];
  for (const [i, n] of x.projects) {
    const [fn, fnName] = PROJECT_FUNCTIONS[i] as [string, string];
    // Other sources fund projects first, the general budget the rest.
    let left = n * U;
    others.forEach((source, k) => {
      const take = Math.min(left, otherLeft[k] as number);
      if (take > 0) {
        lines.push({
          functionCode: fn,
          functionName: fnName,
          economicCode: '30299',
          economicName: '其他商品和服务支出',
          kind: 'project',
          fundingSource: source,
          amount: A(take),
        });
        left -= take;
        otherLeft = otherLeft.map((v, j) => (j === k ? v - take : v));
      }
    });
    if (left > 0)
      lines.push({
        functionCode: fn,
        functionName: fnName,
        economicCode: '30299',
        economicName: '其他商品和服务支出',
        kind: 'project',
        fundingSource: 'generalPublicBudget',
        amount: A(left),
      });
  }
  const fenOf = (pred: (l: ExpenditureLine) => boolean) => sum(lines.filter(pred).map((l) => l.amount.fen));
  const personnel = fenOf((l) => l.kind === 'personnel');
  const publicExpenses = fenOf((l) => l.kind === 'publicExpenses');
  const project = fenOf((l) => l.kind === 'project');
  const basic = personnel + publicExpenses;
  const total = basic + project;
  const bySource = new Map<RevenueSource, number>();
  for (const l of lines) bySource.set(l.fundingSource, (bySource.get(l.fundingSource) ?? 0) + l.amount.fen);
  const gpb = bySource.get('generalPublicBudget') ?? 0;

  const s = x.stated;
  const opt = (on: boolean, fen: number) => (on ? A(fen) : null);
  const year = x.year;

  // 三公.
  const vehicleTotal = x.purchase * W + x.operation * W;
  const tpTotal = x.overseas * W + vehicleTotal + x.reception * W;
  const prior = (fen: number) => (x.priorYears ? A(Math.max(0, fen - W)) : null);
  const threePublic: Budget['threePublic'] = {
    total: item(
      opt(s.threePublicTotal, tpTotal),
      s.threePublicTotal ? prior(tpTotal) : null,
      x.threePublicReason,
    ),
    overseasTravel: item(opt(s.overseasTravel, x.overseas * W)),
    vehicleTotal: item(opt(s.vehicleTotal, vehicleTotal)),
    vehiclePurchase: item(opt(s.vehiclePurchase, x.purchase * W)),
    vehicleOperation: item(opt(s.vehicleOperation, x.operation * W)),
    reception: item(opt(s.reception, x.reception * W)),
    vehicleUse: s.vehicleTotal && vehicleTotal > 0 ? x.vehicleUse : null,
  };

  // Changes.
  const changes: StatedChange[] = [];
  if (x.totalChange) {
    const c = x.totalChange;
    const compared = c.yearsBack === 0 ? null : year - c.yearsBack;
    changes.push(change(c.subject, compared, c.direction, A(c.amount * W), c.percent, c.reason, null));
    if (c.direction !== 'flat')
      for (const p of c.parts)
        changes.push(change(p.subject, compared, p.direction, A(p.amount * W), null, p.reason, 0));
  }
  if (x.threePublicChange) {
    const c = x.threePublicChange;
    changes.push(change('threePublicTotal', null, c.direction, A(c.amount * W), null, c.reason, null));
  }

  // Performance.
  const activities = x.activities.map((a) => {
    const [nm, description, goal, indicator] = ACTIVITIES[a.index] as [string, string, string, string];
    const [ex, good, fair, poor] = a.grades;
    const grade = (t: string) => ({
      text: t,
      value: /\d/.test(t) ? Number(/(\d+(?:\.\d+)?)/.exec(t)?.[1]) : null,
    });
    return {
      name: nm,
      annualBudget: a.budget === null ? null : A(a.budget * W),
      description,
      goal,
      indicators: [
        { name: indicator, excellent: grade(ex), good: grade(good), fair: grade(fair), poor: grade(poor) },
      ],
    };
  });

  // Procurement.
  const procurementItems = Array.isArray(x.procurement)
    ? x.procurement.map(([it, q, n]) => ({
        project: it,
        item: it,
        catalogueNo: null,
        quantity: q,
        quantityUnit: '台',
        amount: A(n * W),
      }))
    : [];
  const procurementTotal = procurementItems.length ? sum(procurementItems.map((p) => p.amount.fen)) : null;

  // Assets.
  const fixed = x.assets.fixed * U;
  const assetsTotal = fixed + x.assets.other * U;
  const buildings = x.assets.buildings === null ? null : Math.min(fixed, x.assets.buildings * 100 * W);

  // Tables, from the same facts.
  const tables: StatedTable[] = [];
  const exclude = new Set(o.excludeTables ?? []);
  const tUnit = x.tables.unit;
  const T = (fen: number) => makeAmount(fen, x.coarse && tUnit === '万元');
  if (x.tables.revenueSummary && !exclude.has('revenueSummary')) {
    const cells: Record<string, Amount> = { total: T(total), generalPublicBudget: T(gpb) };
    for (const source of others)
      cells[source === 'governmentFund' ? 'governmentFund' : source] = T(bySource.get(source) ?? 0);
    tables.push(
      table('revenueSummary', `${year}年部门收入预算总表`, tUnit, Object.keys(cells), [
        row('合计', null, cells),
      ]),
    );
  }
  if (x.tables.appropriationSummary && !exclude.has('appropriationSummary')) {
    const rows = [row('一般公共预算拨款', null, { total: T(gpb) })];
    for (const source of others) {
      const label = source === 'governmentFund' ? '政府性基金预算拨款' : null;
      if (label) rows.push(row(label, null, { total: T(bySource.get(source) ?? 0) }));
    }
    tables.push(table('appropriationSummary', `${year}年部门财政拨款收支预算总表`, tUnit, ['total'], rows));
  }
  if (x.tables.expenditureSummary && !exclude.has('expenditureSummary')) {
    const rows = [row('合计', null, { total: T(total), basic: T(basic), project: T(project) })];
    const codes = [...new Set(lines.map((l) => l.functionCode as string))].sort();
    const prefixes = [...new Set(codes.flatMap((c) => [c.slice(0, 3), c.slice(0, 5), c]))].sort();
    for (const code of prefixes) {
      const ls = lines.filter((l) => (l.functionCode as string).startsWith(code));
      const b = sum(ls.filter((l) => l.kind !== 'project').map((l) => l.amount.fen));
      const p = sum(ls.filter((l) => l.kind === 'project').map((l) => l.amount.fen));
      rows.push(row(FUNCTION_NAMES[code] ?? code, code, { total: T(b + p), basic: T(b), project: T(p) }));
    }
    tables.push(
      table('expenditureSummary', `${year}年部门支出预算总表`, tUnit, ['total', 'basic', 'project'], rows),
    );
  }
  if (x.tables.basicByEconomic && !exclude.has('generalBudgetBasicByEconomic')) {
    const rows = [
      row('合计', null, { total: T(basic), personnel: T(personnel), publicExpenses: T(publicExpenses) }),
    ];
    const basicLines = lines.filter((l) => l.kind !== 'project');
    for (const cls of Object.keys(ECONOMIC_CLASSES)) {
      const ls = basicLines.filter((l) => (l.economicCode as string).startsWith(cls));
      if (!ls.length) continue;
      const cell = (ks: ExpenditureLine[]) => {
        const pe = sum(ks.filter((l) => l.kind === 'personnel').map((l) => l.amount.fen));
        const pu = sum(ks.filter((l) => l.kind === 'publicExpenses').map((l) => l.amount.fen));
        return { total: T(pe + pu), personnel: T(pe), publicExpenses: T(pu) };
      };
      rows.push(row(ECONOMIC_CLASSES[cls] as string, cls, cell(ls)));
      for (const l of ls) rows.push(row(l.economicName as string, l.economicCode, cell([l])));
    }
    tables.push(
      table(
        'generalBudgetBasicByEconomic',
        `${year}年一般公共预算基本支出表`,
        tUnit,
        ['total', 'personnel', 'publicExpenses'],
        rows,
      ),
    );
  }
  if (x.tables.threePublic && !exclude.has('threePublic')) {
    const cells: Record<string, Amount> = {
      total: T(tpTotal),
      overseasTravel: T(x.overseas * W),
      vehicleTotal: T(vehicleTotal),
      vehiclePurchase: T(x.purchase * W),
      vehicleOperation: T(x.operation * W),
      reception: T(x.reception * W),
    };
    if (x.tables.threePublicWithOperating) cells.operatingExpenses = T(publicExpenses);
    const title = x.tables.threePublicWithOperating
      ? `${year}年部门“三公”经费和机关运行经费预算表`
      : `${year}年一般公共预算“三公”经费支出表`;
    tables.push(table('threePublic', title, tUnit, Object.keys(cells), [row('合计', null, cells)]));
  }
  if (x.tables.procurement && !exclude.has('procurement')) {
    const rows = procurementItems.map((p) => row(p.item, null, { total: T(p.amount.fen) }));
    if (procurementTotal !== null) rows.push(row('合计', null, { total: T(procurementTotal) }));
    tables.push(
      table('procurement', `${year}年部门政府采购预算表`, tUnit, ['total'], rows, rows.length === 0),
    );
  }
  if (x.tables.assets && !exclude.has('assets')) {
    const rows = [row('资产总额', null, { value: T(assetsTotal) })];
    if (buildings !== null) rows.push(row('1、房屋（平方米）', null, { value: T(buildings) }));
    tables.push(table('assets', '部门固定资产占用情况表', tUnit, ['quantity', 'value'], rows));
  }

  const asOf = x.assets.asOfYearEnd ? `${year - 1}-12-31` : null;
  return {
    kind: 'budget',
    fiscalYear: year,
    title: `${name} ${year}年部门预算公开说明`,
    department: {
      name,
      code: null,
      nature: x.nature,
      rank: x.rank,
      fundingForm: x.fundingForm,
      internalBodies: x.internalBodies,
      duties: x.duties,
    },
    // Revenue lines are the sources the text states: the general budget line only when it is stated.
    revenue: [
      ...(s.generalPublicBudget ? [{ source: 'generalPublicBudget' as const, amount: A(gpb) }] : []),
      ...others.map((source) => ({ source, amount: A(bySource.get(source) ?? 0) })),
    ],
    stated: {
      revenueTotal: opt(s.revenueTotal, total),
      expenditureTotal: opt(s.expenditureTotal, total),
      generalPublicBudget: opt(s.generalPublicBudget, gpb),
      basicExpenditure: opt(s.basicExpenditure, basic),
      personnel: opt(s.personnel, personnel),
      publicExpenses: opt(s.publicExpenses, publicExpenses),
      projectExpenditure: opt(s.projectExpenditure, project),
    },
    expenditureLines: lines,
    operatingExpenses: s.operatingExpenses
      ? {
          total: A(publicExpenses),
          items: lines
            .filter((l) => l.kind === 'publicExpenses')
            .map((l) => ({ name: l.economicName as string, amount: l.amount })),
        }
      : { total: null, items: [] },
    threePublic,
    changes,
    performance: {
      overall: x.overall,
      dutyTargets: [],
      activities,
      projectCount: x.projectCount !== null && project > 0 ? x.projectCount : null,
      projectFunds: x.projectCount !== null && project > 0 ? A(project) : null,
    },
    // A procurement total the text leaves out is left to the procurement table (when there is one).
    procurement: {
      total: procurementTotal === null || !s.procurementTotal ? null : A(procurementTotal),
      items: s.procurementTotal ? procurementItems : [],
      statedNone: x.procurement === 'none',
    },
    assets: {
      asOf,
      total: opt(s.assetsTotal, assetsTotal),
      fixed: A(fixed),
      buildings: buildings === null ? null : A(buildings),
      buildingArea: buildings === null ? null : (x.assets.buildings as number) * 10,
      vehicles: x.assets.vehicles,
      vehicleValue: null,
      equipmentCount: x.assets.equipment,
      equipmentThreshold: x.assets.equipment === null ? null : { fen: 20 * 1_000_000, precision: 1_000_000 },
      change: null,
      changes: [],
      tableTotal: tables.some((t) => t.kind === 'assets') ? A(assetsTotal) : null,
      statedNone: false,
    },
    glossary: x.glossary.map(([term, definition]) => ({ term, definition })),
    otherNotes: x.otherNotes,
    dates: {
      approved: x.approvedDay === null ? null : `${year}-01-${String(x.approvedDay).padStart(2, '0')}`,
      published: null,
    },
    sections: [],
    tables,
  };
}

// ---------------------------------------------------------------- exports

/** A realistic, internally consistent budget. */
export function budgetArbitrary(o: BudgetArbitraryOptions = {}): fc.Arbitrary<Budget> {
  return ingredients(o).map((x) => build(x, o));
}

/** Renderer options across everything renderText can vary. */
export function renderOptionsArbitrary(
  o: { layouts?: readonly NonNullable<RenderTextOptions['tableLayout']>[] } = {},
): fc.Arbitrary<RenderTextOptions> {
  return fc.record({
    unit: fc.constantFrom('万元', '元', '亿元') as fc.Arbitrary<NonNullable<RenderTextOptions['unit']>>,
    fullWidthDigits: fc.boolean(),
    numbering: fc.constantFrom('chinese', 'part') as fc.Arbitrary<
      NonNullable<RenderTextOptions['numbering']>
    >,
    tableLayout: fc.constantFrom(...(o.layouts ?? (['tabs', 'spaces', 'flat'] as const))),
    changeWording: fc.record({
      compare: fc.constantFrom('较', '比', '与…相比') as fc.Arbitrary<'较' | '比' | '与…相比'>,
      increase: fc.constantFrom('增加', '增长') as fc.Arbitrary<'增加' | '增长'>,
      decrease: fc.constantFrom('减少', '下降') as fc.Arbitrary<'减少' | '下降'>,
    }),
    wordDebris: fc.boolean(),
    thousandsSeparator: fc.boolean(),
    spacedNumbers: fc.boolean(),
  });
}
