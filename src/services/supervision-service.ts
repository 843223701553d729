/**
 * Electronic supervision: the board (warnings, yellow and red cards with window and staff, counts) and
 * the sweep that records the cards issued to open cases since their last transition (cards of a case are
 * also recorded with each of its transitions).
 */
import type { Actor } from '../core/access/roles.ts';
import { type CardKind, supervise } from '../core/hall/supervision.ts';
import type { CardRecord } from '../store/repositories/supervision-cards.ts';
import { authorize } from './authorize.ts';
import type { HallContext } from './hall-context.ts';

export interface SupervisionBoard {
  cards: CardRecord[];
  counts: Record<CardKind, number>;
  byWindow: Record<string, Record<CardKind, number>>;
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

  /** Records the cards issued by now to every open case; returns how many were new. */
  async sweep(actor: Actor | null): Promise<{ cases: number; added: number }> {
    authorize(actor, 'hall.supervise', { type: 'system' });
    return this.sweepAsOf(this.hall.deps.now(), actor?.id ?? null);
  }

  /** The sweep without the access check (the report service runs it before a report). */
  async sweepAsOf(asOf: Date, actorId: string | null): Promise<{ cases: number; added: number }> {
    const { repos } = this.hall.deps;
    const [open, itemOf] = await Promise.all([repos.cases.openCases(), this.hall.itemLookup()]);
    const cards = open.flatMap((c) => {
      const first = c.history[0];
      const item = first?.type === 'submitted' ? itemOf(first.itemCode) : undefined;
      return item ? supervise(c.history, item, this.hall.calendar, asOf) : [];
    });
    const added = cards.length ? await repos.cases.recordCards(cards, actorId) : 0;
    return { cases: open.length, added };
  }
}
