/** A pre-approval status as a tag, its text dark enough on the tag's light background (≥ 4.5:1). */
import { Tag } from 'antd';
import { preApprovalStatusColor, preApprovalStatusName } from './pre-approval-logic.ts';

const TEXT: Record<string, string> = {
  success: '#135200',
  processing: '#003eb3',
  warning: '#873800',
  purple: '#391085',
  cyan: '#00474f',
  default: 'rgba(0, 0, 0, 0.88)',
};

export function PreApprovalStatusTag({ status }: { status: string }) {
  const color = preApprovalStatusColor(status);
  return (
    <Tag color={color} style={{ color: TEXT[color] }}>
      {preApprovalStatusName(status)}
    </Tag>
  );
}
