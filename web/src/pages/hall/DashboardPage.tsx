/**
 * The hall's LED screen (public, like /api/hall/dashboard): today's counts per window in large type on a dark
 * background, refreshed every 30 seconds, the whole grid on one 1920×1080 screen without scrolling.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { ledGrid } from '../../hall/hall-logic.ts';
import type { Dashboard } from '../../hall/types.ts';

export default function DashboardPage() {
  const q = useQuery({
    queryKey: ['hall', 'dashboard'],
    queryFn: () => api.get<Dashboard>('/api/hall/dashboard'),
    refetchInterval: 30_000,
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(t);
  }, []);
  const windows = q.data?.windows ?? [];
  const grid = ledGrid(windows.length);
  const clock = now.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return (
    <div className="led" style={{ ['--led-scale' as string]: grid.scale }}>
      <header className="led-head">
        <h1>政务服务大厅 今日办件</h1>
        <p className="led-total">
          <span className="sr-only">全大厅合计：</span>
          <span>
            收件 <b>{q.data?.total.received ?? '—'}</b>
          </span>
          <span>
            办结 <b>{q.data?.total.completed ?? '—'}</b>
          </span>
          <span>
            待受理 <b>{q.data?.total.awaiting ?? '—'}</b>
          </span>
        </p>
        <time className="led-clock">{clock}</time>
      </header>
      {q.isError && <p className="led-error">数据暂时无法更新，稍后自动重试。</p>}
      <ul
        className="led-grid"
        style={{ ['--led-cols' as string]: grid.columns, ['--led-rows' as string]: grid.rows }}
      >
        {windows.map((w) => (
          <li key={w.windowId} className="led-cell">
            <div className="led-window">
              <b>{w.number}号</b> {w.name}
            </div>
            <dl>
              <div>
                <dt>收件</dt>
                <dd>{w.received}</dd>
              </div>
              <div>
                <dt>办结</dt>
                <dd className="led-done">{w.completed}</dd>
              </div>
              <div>
                <dt>待受理</dt>
                <dd className="led-wait">{w.awaiting}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <footer className="led-foot">每 30 秒自动更新 · {q.data?.date ?? ''}</footer>
    </div>
  );
}
