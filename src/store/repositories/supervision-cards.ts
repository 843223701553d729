/** Supervision cards as records: warnings, yellow and red cards with the window and staff responsible. */
import type { Selectable } from 'kysely';
import type { CardKind, DeadlineKind } from '../../core/hall/supervision.ts';
import type { SupervisionCardsTable } from '../schema.ts';
import type { RepositoryContext } from './context.ts';
import type { CardRecord } from './hall-records.ts';

export type { CardRecord };

export interface CardFilter {
  /** Issued at or after / before these ISO times. */
  issuedFrom?: string;
  issuedBefore?: string;
  windowIds?: readonly string[];
  kinds?: readonly CardKind[];
  caseId?: string;
  limit?: number;
}

const toCard = (r: Selectable<SupervisionCardsTable>): CardRecord => ({
  id: r.id,
  caseId: r.case_id,
  episode: r.episode,
  kind: r.kind as CardKind,
  deadlineKind: r.deadline_kind as DeadlineKind,
  deadline: r.deadline,
  issuedAt: r.issued_at,
  windowId: r.window_id,
  staffId: r.staff_id,
  provisional: r.provisional === 1,
  message: r.message,
});

export class SupervisionCardRepository {
  constructor(private readonly context: RepositoryContext) {}

  /** Newest first. */
  async list(filter: CardFilter = {}): Promise<CardRecord[]> {
    let q = this.context.db.selectFrom('supervision_cards').selectAll();
    if (filter.issuedFrom !== undefined) q = q.where('issued_at', '>=', filter.issuedFrom);
    if (filter.issuedBefore !== undefined) q = q.where('issued_at', '<', filter.issuedBefore);
    if (filter.caseId !== undefined) q = q.where('case_id', '=', filter.caseId);
    if (filter.windowIds !== undefined) {
      if (!filter.windowIds.length) return [];
      q = q.where('window_id', 'in', filter.windowIds);
    }
    if (filter.kinds !== undefined) {
      if (!filter.kinds.length) return [];
      q = q.where('kind', 'in', filter.kinds);
    }
    const rows = await q
      .orderBy('issued_at', 'desc')
      .orderBy('id')
      .limit(filter.limit ?? 500)
      .execute();
    return rows.map(toCard);
  }
}
