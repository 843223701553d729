/** Findings shown beside a field or a section, with their severity in words (not only colour). */
import { Tag } from 'antd';
import type { Finding } from '../api/types.ts';

const SEVERITY = { error: ['错误', 'red'], warning: ['警告', 'orange'], info: ['提示', 'blue'] } as const;

export function FindingNotes({ findings, id }: { findings: readonly Finding[]; id?: string }) {
  if (!findings.length) return null;
  return (
    <ul className="finding-list" id={id} aria-label="审核发现的问题">
      {findings.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same message may repeat for different figures.
        <li key={i} data-severity={f.severity}>
          <Tag color={SEVERITY[f.severity][1]}>{SEVERITY[f.severity][0]}</Tag>
          {f.message}
        </li>
      ))}
    </ul>
  );
}
