import { describe, expect, it } from 'vitest';
import type { PortalBudget } from '../api/types.ts';
import {
  againstPriorYear,
  chartCsv,
  chartTable,
  comparison,
  revenueBySource,
  rollup,
  trend,
} from './chart-data.ts';

const tp = (total: number) => ({
  total,
  overseasTravel: 0,
  vehicleTotal: total,
  vehiclePurchase: 0,
  vehicleOperation: total,
  reception: 0,
});

function budget(year: number, over: Partial<PortalBudget> = {}): PortalBudget {
  return {
    budgetId: `b${year}`,
    departmentId: 'd',
    departmentName: '政务服务中心',
    parentId: null,
    regionId: 'r',
    regionName: '山海关区',
    fiscalYear: year,
    kind: 'budget',
    nature: '事业',
    duties: [],
    latestVersion: 1,
    firstPublishedAt: `${year}-02-01T00:00:00Z`,
    latestPublishedAt: `${year}-02-01T00:00:00Z`,
    timeliness: { state: 'notApplicable' },
    revenueTotal: 82_900_000,
    revenueBySource: [{ source: 'generalPublicBudget', fen: 82_900_000 }],
    expenditure: {
      total: 82_900_000,
      basic: 67_390_000,
      personnel: 64_010_000,
      publicExpenses: 3_380_000,
      project: 15_500_000,
    },
    functions: [
      { code: '201', name: '一般公共服务支出', fen: 70_000_000 },
      { code: '20103', name: '政府办公厅（室）及相关机构事务', fen: 70_000_000 },
      { code: '208', name: '社会保障和就业支出', fen: 12_900_000 },
    ],
    threePublic: tp(11_000_000),
    threePublicPrior: tp(12_000_000),
    operatingExpenses: 3_380_000,
    ...over,
  };
}

describe('chart data', () => {
  it('names revenue sources in Chinese', () => {
    const c = revenueBySource(budget(2018));
    expect(c.categories).toEqual(['一般公共预算拨款']);
    expect(c.series[0]?.values).toEqual([82_900_000]);
  });
  it('compares "三公" with the prior budget when there is one, else with the stated prior figures', () => {
    const own = againstPriorYear(budget(2018), null);
    expect(own.series.map((s) => s.name)).toEqual(['2017年', '2018年']);
    expect(own.series[0]?.values[0]).toBe(12_000_000);
    expect(own.series[0]?.values.at(-1)).toBeNull();
    const withPrior = againstPriorYear(budget(2018), budget(2017, { threePublic: tp(9_000_000) }));
    expect(withPrior.series[0]?.values[0]).toBe(9_000_000);
    expect(withPrior.series[0]?.values.at(-1)).toBe(3_380_000);
  });
  it('orders the trend by year', () => {
    expect(trend([budget(2018), budget(2017)]).categories).toEqual(['2017年', '2018年']);
  });
  it('gives every chart a table in 万元 and a CSV of the same numbers', () => {
    const c = comparison(budget(2017), budget(2018), (b) => `${b.fiscalYear}年`);
    const t = chartTable(c);
    expect(t.header).toEqual(['项目', '2017年（万元）', '2018年（万元）']);
    expect(t.rows[0]).toEqual(['收入总额', 82.9, 82.9]);
    const csv = chartCsv(c);
    expect(csv.startsWith('\uFEFF项目,2017年（万元）')).toBe(true);
    expect(csv).toContain('“三公”经费,11,11');
  });
  it('quotes CSV cells and neutralises formulas', () => {
    const csv = chartCsv({
      key: 'k',
      title: 't',
      type: 'bar',
      categories: ['=HYPERLINK("x")', 'a,b'],
      series: [{ name: 's', values: [1_000_000, null] }],
    });
    expect(csv).toContain(`"'=HYPERLINK(""x"")",1`);
    expect(csv).toContain('"a,b",\r\n');
  });
  it('rolls up function classes across departments and drills into one class', () => {
    const all = rollup([budget(2018), budget(2018, { departmentId: 'e' })]);
    expect(all.categories).toEqual(['201 一般公共服务支出', '208 社会保障和就业支出']);
    expect(all.series[0]?.values).toEqual([140_000_000, 25_800_000]);
    const drill = rollup([budget(2018)], '201');
    expect(drill.categories).toEqual(['20103 政府办公厅（室）及相关机构事务']);
  });
});
