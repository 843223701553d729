/**
 * What the hall services share: the calendar, the personal-data cipher, the catalogue lookup, and the
 * actor completed with the windows they work today (the policy's window grants read it).
 */
import type { Actor } from '../core/access/roles.ts';
import { ZhengwuError } from '../core/errors.ts';
import { officialCalendar, type WorkCalendar } from '../core/hall/calendar.ts';
import type { ServiceItem } from '../core/hall/service-item.ts';
import type { SupervisionOptions } from '../core/hall/supervision.ts';
import { shanghaiDate } from '../core/workflow/deadlines.ts';
import { loadDataKey, PersonalDataCipher } from '../store/personal-data.ts';
import type { ServiceDeps } from './service-context.ts';

const ciphers = new WeakMap<ServiceDeps, PersonalDataCipher>();

export class HallContext {
  readonly calendar: WorkCalendar = officialCalendar;

  constructor(readonly deps: ServiceDeps) {}

  get cipher(): PersonalDataCipher {
    let c = ciphers.get(this.deps);
    if (!c) {
      c = new PersonalDataCipher(this.deps.config.dataKey ?? loadDataKey());
      ciphers.set(this.deps, c);
    }
    return c;
  }

  /** The actor with `windowIds`: the windows they work today (Asia/Shanghai). */
  async withWindows(actor: Actor | null): Promise<Actor | null> {
    if (!actor?.roles.includes('windowStaff')) return actor;
    const windowIds = await this.deps.repos.hall.windowsOf(actor.id, shanghaiDate(this.deps.now()));
    return { ...actor, windowIds };
  }

  /** The supervision settings the cards are issued by (ZHENGWU_WARNING_DAYS). */
  get supervision(): SupervisionOptions {
    return { warningDays: this.deps.config.warningDays };
  }

  async item(code: string): Promise<ServiceItem> {
    const entry = await this.deps.repos.serviceItems.get(code);
    if (!entry) throw new ZhengwuError('NOT_FOUND', `事项不存在（${code}）。`);
    return entry.item;
  }

  /** Every item of the catalogue by code (for reports over many cases). */
  async itemLookup(): Promise<(code: string) => ServiceItem | undefined> {
    const items = await this.deps.repos.serviceItems.list();
    const map = new Map(items.map((i) => [i.code, i]));
    return (code) => map.get(code);
  }
}
