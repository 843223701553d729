/** The overview charts of one published budget. */
import { Col, Row } from 'antd';
import type { PortalBudget } from '../../api/types.ts';
import {
  againstPriorYear,
  expenditureByFunction,
  expenditureByKind,
  revenueBySource,
} from '../../charts/chart-data.ts';
import { ChartCard } from '../../charts/EChart.tsx';

export function BudgetCharts({ budget, prior }: { budget: PortalBudget; prior: PortalBudget | null }) {
  const charts = [
    revenueBySource(budget),
    expenditureByKind(budget),
    expenditureByFunction(budget),
    againstPriorYear(budget, prior),
  ];
  return (
    <Row gutter={[16, 16]}>
      {charts.map((c) => (
        <Col key={c.key} xs={24} lg={12}>
          <ChartCard data={c} />
        </Col>
      ))}
    </Row>
  );
}

/** The same department's budget of the year before, when published. */
export function priorOf(all: readonly PortalBudget[], b: PortalBudget): PortalBudget | null {
  return (
    all.find(
      (x) => x.departmentId === b.departmentId && x.kind === b.kind && x.fiscalYear === b.fiscalYear - 1,
    ) ?? null
  );
}
