/** A deadline with the working days left (or over), coloured by urgency, text first (never colour alone). */
import { Typography } from 'antd';
import { deadlineDisplay } from './hall-logic.ts';
import { calendar, todayInShanghai } from './queries.ts';

export function DeadlineText({
  deadline,
  suspended,
  closed,
}: {
  deadline: string | null;
  suspended: boolean;
  closed: boolean;
}) {
  const d = deadlineDisplay(deadline, todayInShanghai(), calendar, { suspended, closed });
  const date =
    d.state === 'due' || d.state === 'overdue' ? `${d.date} ` : closed && deadline ? `${deadline} ` : '';
  // Dark red and dark orange on white: 7.6:1 and 5.9:1.
  const color =
    d.state === 'overdue' ? '#a8071a' : d.state === 'due' && d.tone !== 'normal' ? '#ad4e00' : undefined;
  return (
    <span>
      {date}
      <Typography.Text strong={d.state === 'overdue'} style={color ? { color } : undefined}>
        （{d.text}）
      </Typography.Text>
    </span>
  );
}
