import { Tag } from 'antd';
import type { PortalBudget } from '../../api/types.ts';

/** Whether a budget was published within 20 days of approval. Colour is never the only signal. */
export function Timeliness({ status }: { status: PortalBudget['timeliness'] }) {
  if (status.state === 'published')
    return status.daysLate === 0 ? (
      <Tag color="green">✓ 20日内公开</Tag>
    ) : (
      <Tag color="red">✗ 逾期{status.daysLate}日公开</Tag>
    );
  if (status.state === 'overdue') return <Tag color="red">✗ 已逾期{status.daysOverdue}日</Tag>;
  if (status.state === 'due') return <Tag color="blue">剩余{status.daysRemaining}日</Tag>;
  return <Tag>未批复日期</Tag>;
}
