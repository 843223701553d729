/**
 * The demo hall `npm start` loads into a store without one (ZHENGWU_DEMO_DATA=0 turns it off with the demo
 * budgets): the district center with its stationed departments, windows and staff, a catalogue, and six
 * weeks of generated cases up to now, taken through the core's state machine like any case, some still open,
 * with their supervision cards. Generated, not real: the applicants are invented (their identity numbers
 * and phones encrypted like real ones). The staff accounts cannot log in until an administrator sets their
 * passwords (用户与角色).
 */
import { addDays, shanghaiDate } from '../core/workflow/deadlines.ts';
import { HallContext } from '../services/hall-context.ts';
import type { ServiceDeps } from '../services/service-context.ts';
import { generateHallYear, setUpHall } from './hall-generator.ts';

export const DEMO_HALL = { windows: 12, items: 120, cases: 6000, weeks: 6, seed: 2018 } as const;

/** Loads the demo hall unless the store has a service center already; returns what it wrote, or null. */
export async function loadDemoHall(
  deps: ServiceDeps,
  progress: (message: string) => void = () => {},
): Promise<{ cases: number; events: number; cards: number } | null> {
  if ((await deps.repos.hall.centerTree()).length) return null;
  progress('正在生成示例政务大厅（窗口、事项和近六周的办件）……');
  const setup = await setUpHall(deps.repos, {
    windows: DEMO_HALL.windows,
    items: DEMO_HALL.items,
    seed: DEMO_HALL.seed,
  });
  const until = deps.now();
  return generateHallYear(deps.repos, new HallContext(deps).cipher, setup, {
    cases: DEMO_HALL.cases,
    seed: DEMO_HALL.seed,
    span: { from: addDays(shanghaiDate(until), -7 * DEMO_HALL.weeks), until },
    batch: 1000,
  });
}
