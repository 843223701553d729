/**
 * Electronic supervision: the board (warnings, yellow and red cards with window and staff, counts) and
 * the sweep, which records the cards issued to open cases since their last transition (cards of a case are
 * also recorded with each of its transitions) and records as accepted the cases nobody decided on within 5
 * working days (视为受理: the law counts them accepted from receipt, so their time limits run from then).
 */
import type { Actor } from '../core/access/roles.ts';
import { replayCase } from '../core/hall/case-replay.ts';
import type { CaseEvent } from '../core/hall/case-status.ts';
import { decisionWindowClosed, transitionCase } from '../core/hall/case-transition.ts';
import type { ServiceItem } from '../core/hall/service-item.ts';
import { type CardKind, type SupervisionCard, supervise } from '../core/hall/supervision.ts';
import { authorize } from './authorize.ts';
import type { HallContext } from './hall-context.ts';
import type { SupervisionBoard } from './hall-types.ts';

export type { SupervisionBoard };

export interface SweepResult {
  /** Open cases looked at. */
  cases: number;
  /** Cards recorded that were not recorded before. */
  added: number;
  /** Cases recorded as accepted because nobody decided on them within 5 working days. */
  deemed: number;
}

export class SupervisionService {
  constructor(private readonly hall: HallContext) {}

  async board(
    actor: Actor | null,
    filter: { from?: string; before?: string; windowId?: string; kind?: CardKind; limit?: number } = {},
  ): Promise<SupervisionBoard> {
    authorize(actor, 'hall.supervise', { type: 'system' });
    const cards = await this.hall.deps.repos.cards.list({
      ...(filter.from ? { issuedFrom: filter.from } : {}),
      ...(filter.before ? { issuedBefore: filter.before } : {}),
      ...(filter.windowId ? { windowIds: [filter.windowId] } : {}),
      ...(filter.kind ? { kinds: [filter.kind] } : {}),
      limit: filter.limit ?? 500,
    });
    const counts: Record<CardKind, number> = { warning: 0, yellow: 0, red: 0 };
    const byWindow: Record<string, Record<CardKind, number>> = {};
    for (const c of cards) {
      counts[c.kind]++;
      byWindow[c.windowId] ??= { warning: 0, yellow: 0, red: 0 };
      (byWindow[c.windowId] as Record<CardKind, number>)[c.kind]++;
    }
    return { cards, counts, byWindow };
  }

  /**
   * Records the deemed acceptances due by now and the cards issued by now to every open case; returns the
   * open cases, the new cards and the cases deemed accepted.
   */
  async sweep(actor: Actor | null): Promise<SweepResult> {
    authorize(actor, 'hall.supervise', { type: 'system' });
    return this.sweepAsOf(this.hall.deps.now(), actor?.id ?? null);
  }

  /** The sweep without the access check (the server runs it every hour). */
  async sweepAsOf(asOf: Date, actorId: string | null): Promise<SweepResult> {
    const { repos } = this.hall.deps;
    const [open, itemOf] = await Promise.all([repos.cases.openCases(), this.hall.itemLookup()]);
    const cards: SupervisionCard[] = [];
    let deemed = 0;
    for (const c of open) {
      const first = c.history[0];
      const item = first?.type === 'submitted' ? itemOf(first.itemCode) : undefined;
      if (!item) continue;
      const history = await this.deemIfDue(c.history, item, asOf, actorId);
      if (history !== c.history) deemed++;
      cards.push(...supervise(history, item, this.hall.calendar, asOf, this.hall.supervision));
    }
    const added = cards.length ? await repos.cases.recordCards(cards, actorId) : 0;
    return { cases: open.length, added, deemed };
  }

  /**
   * A case still awaiting the window's decision after its 5 working days is recorded as accepted (by
   * `system`, the law's doing), from the day of receipt or of the corrected materials. Returns the history
   * it has now; unchanged when nothing was due or someone acted on the case meanwhile.
   */
  private async deemIfDue(
    history: CaseEvent[],
    item: ServiceItem,
    asOf: Date,
    actorId: string | null,
  ): Promise<CaseEvent[]> {
    const state = replayCase(history);
    const calendar = this.hall.calendar;
    if (state.status !== 'submitted' || !decisionWindowClosed(state, asOf, calendar)) return history;
    const r = transitionCase(state, { type: 'deemAccept' }, { now: asOf, actorId: 'system', item, calendar });
    if (!r.ok) return history; // 即办件 are not deemed: they are decided on the spot or not at all.
    const cards = supervise(r.state.history, item, calendar, asOf, this.hall.supervision);
    const saved = await this.hall.deps.repos.cases.append(
      r.state,
      history.length,
      cards,
      actorId ?? 'system',
    );
    return saved === 'conflict' ? history : r.state.history;
  }
}
