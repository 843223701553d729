/** A case status as a tag, its text dark enough on the tag's light background (≥ 4.5:1). */
import { Tag } from 'antd';
import { statusColor, statusName } from './hall-logic.ts';

const TEXT: Record<string, string> = {
  success: '#135200',
  processing: '#003eb3',
  warning: '#873800',
  purple: '#391085',
  default: 'rgba(0, 0, 0, 0.88)',
};

export function StatusTag({ status, large }: { status: string; large?: boolean }) {
  const color = statusColor(status);
  return (
    <Tag
      color={color}
      style={{ color: TEXT[color], ...(large ? { fontSize: 16, padding: '2px 10px' } : {}) }}
    >
      {statusName(status)}
    </Tag>
  );
}
