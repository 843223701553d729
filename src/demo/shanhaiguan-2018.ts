/**
 * The demo department: 秦皇岛市山海关区人民政府政务服务中心, its 2018 budget and
 * the 2017 budget it is compared with, as consistent structured facts built
 * from the seed disclosure (samples/shanhaiguan-2018-budget.txt). Where the seed
 * contradicts itself, a choice is made and recorded in DEMO_NOTES with its reason.
 * Amounts are written in 万元 with two decimals and held as integer 分.
 */
import type { Budget, ExpenditureKind, ExpenditureLine } from '../core/budget/budget.ts';
import { emptyBudget } from '../core/budget/empty-budget.ts';
import { economicCodeName, functionCodeName } from '../core/disclosure/classification-names.ts';
import { type Amount, parseAmount } from '../core/kernel/money.ts';

/** An amount in 万元 as written ("64.02"), held exactly. */
export function wan(s: string): Amount {
  const a = parseAmount(s, '万元');
  if (!a) throw new Error(`不是金额：${s}`);
  return { fen: a.fen, precision: 1 };
}

function line(
  functionCode: string,
  economicCode: string,
  kind: ExpenditureKind,
  amount: string,
): ExpenditureLine {
  return {
    functionCode,
    functionName: functionCodeName(functionCode),
    economicCode,
    economicName: economicCodeName(economicCode),
    kind,
    fundingSource: 'generalPublicBudget',
    amount: wan(amount),
  };
}

const DUTIES = [
  '制定区政府政务服务中心的各项业务运行和人员管理的规章制度、管理办法，并组织实施；对涉及两个以上部门平行审批的事项组织协调；对审批项目的运转情况进行协调、督察。',
  '对进入区政务服务中心的“窗口”单位和工作人员进行管理；组织各“窗口”单位规范、高效、优质服务，并提供法律政策咨询；对“窗口”及工作人员进行考核；受理当事人对“窗口”及工作人员服务质量、效率等方面的投诉。',
  '负责机房系统维护和微机技术服务、内外网之间的数据交换及中心的统计业务。',
  '对乡镇政务服务中心的政务服务工作进行指导。',
  '完成区委、区政府交办的其他事项。',
];

const GLOSSARY: Budget['glossary'] = [
  { term: '一般公共预算拨款收入', definition: '指县级财政当年拨付的资金。' },
  { term: '事业收入', definition: '指事业单位开展专业业务活动及辅助活动所取得的收入。' },
  {
    term: '其他收入',
    definition:
      '指除上述“财政拨款收入”、“事业收入”等以外的收入。主要是按规定动用的租房收入、存款利息收入等。',
  },
  { term: '基本支出', definition: '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。' },
  { term: '项目支出', definition: '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。' },
  {
    term: '“三公”经费',
    definition:
      '纳入县级财政预算管理的“三公”经费，是指县级部门用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出；公务用车购置及运行费反映单位公务用车购置费及租用费、燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。',
  },
  {
    term: '机关运行经费',
    definition:
      '为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。',
  },
];

function profile(b: Budget): void {
  b.department = {
    name: '秦皇岛市山海关区人民政府政务服务中心',
    code: '630',
    nature: '事业',
    rank: '正科级',
    fundingForm: '财政性资金基本保证',
    internalBodies: ['办公室', '督察科', '业务科'],
    duties: DUTIES,
  };
  b.glossary = GLOSSARY;
  b.otherNotes = ['无'];
}

function threePublic(b: Budget, vehicleOperation: string, reason: string | null, prior: string | null): void {
  const zero = wan('0');
  const item = (amount: Amount, p: Amount | null, r: string | null = null) => ({
    amount,
    priorYear: p,
    reason: r,
  });
  b.threePublic = {
    total: item(wan(vehicleOperation), prior ? wan(prior) : null, reason),
    overseasTravel: item(zero, prior ? zero : null),
    vehicleTotal: item(wan(vehicleOperation), prior ? wan(prior) : null, reason),
    vehiclePurchase: item(zero, prior ? zero : null),
    vehicleOperation: item(wan(vehicleOperation), prior ? wan(prior) : null, reason),
    reception: item(zero, prior ? zero : null),
    vehicleUse: '公务用车运行费',
  };
}

/** Stated totals from the lines: what the text of a rendered disclosure will say. */
function stateTotals(b: Budget): void {
  const sum = (pred: (l: ExpenditureLine) => boolean): Amount => ({
    fen: b.expenditureLines.filter(pred).reduce((s, l) => s + l.amount.fen, 0),
    precision: 1,
  });
  const total = sum(() => true);
  b.stated = {
    revenueTotal: { fen: b.revenue.reduce((s, r) => s + r.amount.fen, 0), precision: 1 },
    expenditureTotal: total,
    generalPublicBudget: sum((l) => l.fundingSource === 'generalPublicBudget'),
    basicExpenditure: sum((l) => l.kind !== 'project'),
    personnel: sum((l) => l.kind === 'personnel'),
    publicExpenses: sum((l) => l.kind === 'publicExpenses'),
    projectExpenditure: sum((l) => l.kind === 'project'),
  };
}

const OPERATING_ITEMS: [string, string][] = [
  ['办公费', '0.98'],
  ['印刷费', '0.20'],
  ['邮电费', '0.32'],
  ['维护维修费', '0.23'],
  ['公务用车运行维护费', '0.60'],
  ['工会经费', '0.62'],
  ['福利费', '0.43'],
];

const PUBLIC_LINES: [string, string][] = [
  ['30201', '0.98'],
  ['30202', '0.20'],
  ['30207', '0.32'],
  ['30213', '0.23'],
  ['30231', '0.60'],
  ['30228', '0.62'],
  ['30229', '0.43'],
];

export function demoBudget2017(): Budget {
  const b = emptyBudget('budget');
  b.fiscalYear = 2017;
  b.title = '山海关区人民政府政务服务中心2017年部门预算公开说明';
  profile(b);
  b.expenditureLines = [
    line('2010350', '30101', 'personnel', '21.60'),
    line('2010350', '30102', 'personnel', '16.42'),
    line('2010350', '30107', 'personnel', '10.08'),
    line('2010350', '30112', 'personnel', '0.60'),
    line('2010350', '30199', 'personnel', '3.29'),
    line('2080505', '30108', 'personnel', '7.20'),
    line('2080506', '30109', 'personnel', '2.88'),
    line('2101102', '30110', 'personnel', '3.44'),
    ...PUBLIC_LINES.map(([code, amount]) => line('2010350', code, 'publicExpenses', amount)),
    line('2010302', '30213', 'project', '9.69'),
    line('2010302', '30201', 'project', '5.90'),
  ];
  b.revenue = [{ source: 'generalPublicBudget', amount: wan('84.48') }];
  stateTotals(b);
  b.operatingExpenses = {
    total: wan('3.38'),
    items: OPERATING_ITEMS.map(([name, a]) => ({ name, amount: wan(a) })),
  };
  threePublic(b, '0.60', null, null);
  b.procurement = { total: wan('0'), items: [], statedNone: true };
  b.assets = {
    ...b.assets,
    asOf: '2016-12-31',
    total: wan('49.99'),
    fixed: wan('49.99'),
    buildings: wan('0'),
    buildingArea: 0,
    vehicles: 0,
    vehicleValue: wan('0'),
    equipmentCount: 0,
    equipmentThreshold: wan('20'),
    tableTotal: wan('49.99'),
  };
  return b;
}

export function demoBudget2018(): Budget {
  const b = emptyBudget('budget');
  b.fiscalYear = 2018;
  b.title = '山海关区人民政府政务服务中心2018年部门预算公开说明';
  profile(b);
  b.expenditureLines = [
    line('2010350', '30101', 'personnel', '21.60'),
    line('2010350', '30102', 'personnel', '16.42'),
    line('2010350', '30107', 'personnel', '10.08'),
    line('2010350', '30112', 'personnel', '0.60'),
    line('2010350', '30199', 'personnel', '1.80'),
    line('2080505', '30108', 'personnel', '7.20'),
    line('2080506', '30109', 'personnel', '2.88'),
    line('2101102', '30110', 'personnel', '3.44'),
    ...PUBLIC_LINES.map(([code, amount]) => line('2010350', code, 'publicExpenses', amount)),
    line('2010302', '30213', 'project', '9.50'),
    line('2010302', '30201', 'project', '5.50'),
    line('2010302', '30231', 'project', '0.50'),
  ];
  b.revenue = [{ source: 'generalPublicBudget', amount: wan('82.90') }];
  stateTotals(b);
  b.operatingExpenses = {
    total: wan('3.38'),
    items: OPERATING_ITEMS.map(([name, a]) => ({ name, amount: wan(a) })),
  };
  threePublic(b, '1.10', '车保险费用', '0.60');
  b.changes = [
    {
      subject: 'total',
      comparedYear: 2017,
      direction: 'decrease',
      word: '减少',
      amount: wan('1.58'),
      percent: null,
      reason: null,
      partOf: null,
    },
    {
      subject: 'basicExpenditure',
      comparedYear: 2017,
      direction: 'decrease',
      word: '减少',
      amount: wan('1.49'),
      percent: null,
      reason: '采暖补贴支出',
      partOf: 0,
    },
    {
      subject: 'projectExpenditure',
      comparedYear: 2017,
      direction: 'decrease',
      word: '减少',
      amount: wan('0.09'),
      percent: null,
      reason: null,
      partOf: 0,
    },
    {
      subject: 'threePublicTotal',
      comparedYear: 2017,
      direction: 'increase',
      word: '增加',
      amount: wan('0.50'),
      percent: null,
      reason: '车保险费用',
      partOf: null,
    },
  ];
  b.performance = {
    overall: DUTIES.slice(0, 3),
    dutyTargets: [
      {
        duty: '窗口人员队伍建设',
        target:
          '促进窗口工作人员队伍建设，为山海关区投资环境做根本保障；开展每天考勤制度，加强窗口队伍管理；开展每月绩效考核、评估工作，检验窗口人员工作的科学性、合理性、可操作性。',
        activityTarget:
          '促进窗口工作人员工作积极性，提高窗口人员业务水平，促进窗口工作的科学化、民主化，不断提高一线窗口人员工作质量和水平。',
      },
      {
        duty: '网络、设备管理工作',
        target:
          '承担政务服务中心大厅所有窗口电脑、打印机、传真机、扫描仪、LED大屏、指纹机、查询机、触摸屏、视频、网络机房各种设备的维护维修工作；负责机房系统维护和微机技术服务、内外网之间的数据交换及中心的统计业务。',
        activityTarget: '提高办事质量，保障窗口业务畅通，提高办事效率，为投资主体更好的服务。',
      },
      {
        duty: '服务指导乡镇（街道）政务服务工作',
        target:
          '推动四级政务服务机构均等化、规范化、标准化、长效化建设和发展，更好地为企业和群众提供满意、高效的服务。',
        activityTarget:
          '确保区级政务服务工作顺利完成，提高工作水平；高质量完成乡镇、社区政务服务工作；让老百姓办事更加便捷。',
      },
      {
        duty: '人员、业务管理工作',
        target: '确保窗口各项工作正常开展，各窗口业务系统运行正常，大厅基础设施运转良好，政务服务平稳。',
        activityTarget:
          '保障窗口各项工作正常开展，提高大厅服务功能；保障窗口正常运转；网络与办公平台正常运行。',
      },
    ],
    activities: [
      {
        name: '政务外网费用；窗口技术设备维护维修',
        annualBudget: wan('9.50'),
        description:
          '承担政务服务中心大厅所有窗口电脑、打印机、传真机、扫描仪、LED大屏、指纹机、查询机、触摸屏、视频、网络机房各种设备的维护维修工作，一证一号办理业务需要政务外网支持。',
        goal: '提高办事质量，保障窗口业务畅通，提高办事效率，为投资主体更好的服务。',
        indicators: [
          {
            name: '窗口工作业务的完成率',
            excellent: { text: '100%', value: 100 },
            good: { text: '95%', value: 95 },
            fair: { text: '90%', value: 90 },
            poor: { text: '85%', value: 85 },
          },
        ],
      },
      {
        name: '窗口办公费',
        annualBudget: wan('6.00'),
        description:
          '日常窗口人员的办公用品和群众办公服务区便民物品的维护，负担每月窗口办公电话费用，对外宣传、窗口告知单的印制、系列工作的宣传报道；窗口表格印刷；公务用车保险。',
        goal: '保障窗口各项工作正常开展，提高大厅服务功能；保障窗口正常运转；网络与办公平台正常运行。',
        indicators: [
          {
            name: '窗口日常工作完成率',
            excellent: { text: '100%', value: 100 },
            good: { text: '95%', value: 95 },
            fair: { text: '90%', value: 90 },
            poor: { text: '85%', value: 85 },
          },
        ],
      },
    ],
    projectCount: 2,
    projectFunds: wan('15.50'),
  };
  b.procurement = { total: wan('0'), items: [], statedNone: true };
  b.assets = {
    asOf: '2017-12-31',
    total: wan('50.63'),
    fixed: wan('50.63'),
    buildings: wan('0'),
    buildingArea: 0,
    vehicles: 0,
    vehicleValue: wan('0'),
    equipmentCount: 0,
    equipmentThreshold: wan('20'),
    change: wan('0.64'),
    changes: [
      { item: '联想电脑', quantity: 1, amount: wan('0.42'), date: null },
      { item: '惠普打印机', quantity: 1, amount: wan('0.22'), date: null },
    ],
    tableTotal: wan('50.63'),
    statedNone: false,
  };
  return b;
}

/** Each choice made where the seed contradicts itself, and why. */
export const DEMO_NOTES: readonly string[] = [
  '支出构成：原文人员经费64.01万元、日常公用经费3.38万元、项目支出15.5万元之和为82.89万元，而收入、支出与收支安排三处均写82.9万元。取人员经费64.02万元，使三项之和等于82.9万元：人员经费由多项工资福利汇总而来，最可能是舍入所致。',
  '比较年度：原文“二、3”与2016年比较，“四”与2017年比较。2018年预算应与上一年（2017年）比较，统一取2017年。',
  '增减分项：原文总减少1.58万元，分项为基本支出减少1.5万元、项目支出减少0.09万元（合计1.59万元）。取基本支出减少1.49万元，使分项之和等于总减少额；2017年预算由此倒推：收入与支出84.48万元，人员经费65.51万元（其他工资福利支出中的采暖补贴多1.49万元），公用经费3.38万元，项目支出15.59万元。',
  '绩效目标表：原文两项活动的年度预算数36万元与21.6万元之和57.6万元，超过项目支出15.5万元。项目支出以正文为准；活动预算取政务外网及设备维护9.5万元、窗口办公费6.0万元（含公务用车保险0.5万元），合计15.5万元，与项目支出明细一致。',
  '评价标准：原文第二行“良”“中”均为95%，无法区分等级。取与第一行相同的100%、95%、90%、85%。',
  '“三公”经费：原文公务用车购置及运行费1.1万元“用于公务用车运行费”，而机关运行经费中的公务用车运行维护费为0.6万元。取运行费1.1万元，其中0.6万元由基本支出（公用经费）安排、0.5万元（车辆保险，即比上年增加的部分）由项目支出安排；公务接待费原文未写，取0元；因公出国（境）费0元。原文称单位无汽车却安排公务用车运行费，保留原文数据（可能为租用或借用车辆），未作改动。',
  '国有资产：原文截止日期为2018年12月31日，在2018年预算编制时尚未到来，取2017年12月31日；资产表“资产总额”原为0并称“无固定资产占用情况”，与正文50.63万元矛盾，资产表取50.63万元（均为单价20万元以下的其他固定资产）。2017年的资产取50.63减去新增0.64，为49.99万元，截至2016年12月31日。',
  '政府采购：原文称无政府采购预算。新购置的电脑、打印机（0.64万元）低于集中采购限额，保留“无政府采购预算”。',
  '支出功能分类：原文未给出科目。基本支出列“2010350 事业运行”（事业单位），社会保障缴费列“2080505 机关事业单位基本养老保险缴费支出”“2080506 机关事业单位职业年金缴费支出”“2101102 事业单位医疗”，项目支出列“2010302 一般行政管理事务”；经济分类按支出内容选取（如公用经费七项对应30201办公费、30202印刷费、30207邮电费、30213维修（护）费、30231公务用车运行维护费、30228工会经费、30229福利费）。',
  '名词解释：原文“一般共预算拨款收入”改为“一般公共预算拨款收入”，“机关运行费”改为“机关运行经费”。',
  '部门编码：原文绩效表题注“630 政务服务部门”，取630为部门编码。',
];

export interface DemoData {
  format: 'zhengwu.budget/1';
  notes: readonly string[];
  budget: Budget;
  prior: Budget;
}

export function demoData(): DemoData {
  return { format: 'zhengwu.budget/1', notes: DEMO_NOTES, budget: demoBudget2018(), prior: demoBudget2017() };
}
