/**
 * Cases (办件) and their append-only history. `case_events` holds every transition (who, when, from, to,
 * why, and the whole event as JSON); the case row caches the replayed state for queries, with `version`
 * counting the events: a transition names the version it was based on, and one
 * UPDATE … WHERE id = ? AND version = ? decides whether it lands or is a 'conflict'. The event, the case
 * row, the supervision cards issued by then and the audit row are written in one transaction. Nothing
 * updates or deletes an event. Which transitions are allowed is the core's business (core/hall).
 */
import type { Kysely, Selectable } from 'kysely';
import type { CaseEvent, CaseState, CaseStatus } from '../../core/hall/case-status.ts';
import type { SupervisionCard } from '../../core/hall/supervision.ts';
import { parseUnknownJson, toJson } from '../json.ts';
import type { Database, HallCasesTable } from '../schema.ts';
import { withAudit } from '../with-audit.ts';
import { isoNow, newId, notFound, type RepositoryContext } from './context.ts';

/** The case's state without its history (the history is in case_events). */
export type CaseSnapshot = Omit<CaseState, 'history'>;

export interface CaseHeader {
  id: string;
  caseNumber: string;
  windowId: string;
  itemCode: string;
  kind: string;
  status: CaseStatus;
  version: number;
  receivedAt: string;
  closedAt: string | null;
  handlerId: string | null;
  receivedBy: string;
  /** As entered; screens show it masked. */
  applicantName: string;
}

export interface CaseRecord extends CaseHeader {
  idNumberEnc: string;
  phoneEnc: string;
  phoneTailHash: string;
  state: CaseSnapshot;
}

export interface NewCase {
  caseNumber: string;
  applicantName: string;
  idNumberEnc: string;
  phoneEnc: string;
  phoneTailHash: string;
  /** The state after the submission (openCase). */
  state: CaseState;
}

export interface CaseFilter {
  windowIds?: readonly string[];
  handlerId?: string;
  statuses?: readonly CaseStatus[];
  /** Received at or after / before these ISO times. */
  receivedFrom?: string;
  receivedBefore?: string;
  limit?: number;
}

/** A whole case for bulk loading (the generator): its row and its history and cards. */
export interface ImportedCase extends NewCase {
  cards: readonly SupervisionCard[];
}

const HEADER_COLUMNS = [
  'id',
  'case_number',
  'window_id',
  'item_code',
  'kind',
  'status',
  'version',
  'received_at',
  'closed_at',
  'handler_id',
  'received_by',
  'applicant_name',
] as const;

const toHeader = (r: Pick<Selectable<HallCasesTable>, (typeof HEADER_COLUMNS)[number]>): CaseHeader => ({
  id: r.id,
  caseNumber: r.case_number,
  windowId: r.window_id,
  itemCode: r.item_code,
  kind: r.kind,
  status: r.status as CaseStatus,
  version: r.version,
  receivedAt: r.received_at,
  closedAt: r.closed_at,
  handlerId: r.handler_id,
  receivedBy: r.received_by,
  applicantName: r.applicant_name,
});

const toRecord = (r: Selectable<HallCasesTable>): CaseRecord => ({
  ...toHeader(r),
  idNumberEnc: r.id_number_enc,
  phoneEnc: r.phone_enc,
  phoneTailHash: r.phone_tail_hash,
  state: parseUnknownJson(r.state, `办件（${r.id}）的状态`) as CaseSnapshot,
});

export const snapshotOf = ({ history: _history, ...rest }: CaseState): CaseSnapshot => rest;

const FINAL: readonly string[] = ['completed', 'rejected', 'withdrawn'];

function caseRow(input: NewCase, at: string): Selectable<HallCasesTable> {
  const s = input.state;
  const first = s.history[0];
  return {
    id: s.caseId,
    case_number: input.caseNumber,
    window_id: s.windowId,
    item_code: s.itemCode,
    kind: s.kind,
    status: s.status,
    version: s.history.length,
    received_at: s.receivedAt,
    closed_at: FINAL.includes(s.status) ? s.closedAt : null,
    handler_id: s.handlerId,
    received_by: first?.actorId ?? '',
    applicant_name: input.applicantName,
    id_number_enc: input.idNumberEnc,
    phone_enc: input.phoneEnc,
    phone_tail_hash: input.phoneTailHash,
    state: toJson(snapshotOf(s)),
    updated_at: at,
  };
}

/** The event rows of a history, with the episode each event leaves the case in. */
function eventRows(caseId: string, history: readonly CaseEvent[]) {
  let episode: number | null = null;
  return history.map((e) => {
    if (e.type === 'accepted' || e.type === 'completedOnSpot' || e.type === 'resubmissionApproved')
      episode = (episode ?? -1) + 1;
    return {
      case_id: caseId,
      seq: e.seq,
      at: e.at,
      actor_id: e.actorId,
      type: e.type,
      from_status: e.from,
      to_status: e.to,
      reason: e.reason,
      episode,
      event: toJson(e),
    };
  });
}

const cardRow = (c: SupervisionCard) => ({
  id: newId(),
  case_id: c.caseId,
  episode: c.episode,
  kind: c.kind,
  deadline_kind: c.deadlineKind,
  deadline: c.deadline,
  issued_at: c.issuedAt,
  window_id: c.windowId,
  staff_id: c.staffId,
  provisional: c.provisional ? 1 : 0,
  message: c.message,
});

/** Inserts the cards not recorded yet (a card is one per case, episode, kind and deadline). */
export async function recordCards(db: Kysely<Database>, cards: readonly SupervisionCard[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < cards.length; i += 500) {
    const r = await db
      .insertInto('supervision_cards')
      .values(cards.slice(i, i + 500).map(cardRow))
      .onConflict((oc) => oc.columns(['case_id', 'episode', 'kind', 'deadline_kind']).doNothing())
      .executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

const audited = (s: CaseState) => ({ status: s.status, version: s.history.length, windowId: s.windowId });

/** Ids per `in (…)` list: well under SQLite's and PostgreSQL's limits on bound parameters. */
const ID_CHUNK = 500;

export class CaseRepository {
  constructor(private readonly context: RepositoryContext) {}

  /** A new case with its submission event. 'duplicate' when the case number is taken. */
  async create(input: NewCase, actorId: string): Promise<CaseHeader | 'duplicate'> {
    const at = isoNow(this.context);
    return withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      const taken = await trx
        .selectFrom('hall_cases')
        .select('id')
        .where('case_number', '=', input.caseNumber)
        .executeTakeFirst();
      if (taken) return 'duplicate';
      const row = caseRow(input, at);
      await trx.insertInto('hall_cases').values(row).execute();
      await trx.insertInto('case_events').values(eventRows(row.id, input.state.history)).execute();
      await audit({
        action: 'case.submit',
        entity: 'case',
        entityId: row.id,
        after: { ...audited(input.state), caseNumber: input.caseNumber, itemCode: row.item_code },
      });
      return toHeader(row);
    });
  }

  /**
   * Appends `event` (the last of `state.history`) when the case is still at `expectedVersion`, updates the
   * cached state and records the cards issued by then. Returns the new header or 'conflict'.
   */
  async append(
    state: CaseState,
    expectedVersion: number,
    cards: readonly SupervisionCard[],
    actorId: string,
  ): Promise<CaseHeader | 'conflict'> {
    const at = isoNow(this.context);
    const event = state.history[state.history.length - 1];
    if (!event || state.history.length !== expectedVersion + 1) return 'conflict';
    return withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      const before = await trx
        .selectFrom('hall_cases')
        .select(['status', 'version'])
        .where('id', '=', state.caseId)
        .executeTakeFirst();
      if (!before) throw notFound('办件', state.caseId);
      if (before.version !== expectedVersion) return 'conflict';
      const after = await trx
        .updateTable('hall_cases')
        .set({
          status: state.status,
          version: expectedVersion + 1,
          closed_at: FINAL.includes(state.status) ? state.closedAt : null,
          handler_id: state.handlerId,
          state: toJson(snapshotOf(state)),
          updated_at: at,
        })
        .where('id', '=', state.caseId)
        .where('version', '=', expectedVersion)
        .returning(HEADER_COLUMNS)
        .executeTakeFirst();
      if (!after) return 'conflict';
      const [row] = eventRows(state.caseId, state.history).slice(-1);
      if (row) await trx.insertInto('case_events').values(row).execute();
      await recordCards(trx, cards);
      await audit({
        action: `case.${event.type}`,
        entity: 'case',
        entityId: state.caseId,
        before: { status: before.status, version: before.version },
        after: { ...audited(state), reason: event.reason },
      });
      return toHeader(after);
    });
  }

  async get(id: string): Promise<CaseRecord | undefined> {
    const r = await this.context.db
      .selectFrom('hall_cases')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toRecord(r);
  }

  async getByNumber(caseNumber: string): Promise<CaseRecord | undefined> {
    const r = await this.context.db
      .selectFrom('hall_cases')
      .selectAll()
      .where('case_number', '=', caseNumber)
      .executeTakeFirst();
    return r && toRecord(r);
  }

  async history(caseId: string): Promise<CaseEvent[]> {
    const rows = await this.context.db
      .selectFrom('case_events')
      .select('event')
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => parseUnknownJson(r.event, '办件记录') as CaseEvent);
  }

  /** Headers, newest receipt first. */
  async list(filter: CaseFilter = {}): Promise<CaseHeader[]> {
    let q = this.context.db.selectFrom('hall_cases').select(HEADER_COLUMNS);
    if (filter.windowIds !== undefined) {
      if (!filter.windowIds.length) return [];
      q = q.where('window_id', 'in', filter.windowIds);
    }
    if (filter.handlerId !== undefined) q = q.where('handler_id', '=', filter.handlerId);
    if (filter.statuses !== undefined) {
      if (!filter.statuses.length) return [];
      q = q.where('status', 'in', filter.statuses);
    }
    if (filter.receivedFrom !== undefined) q = q.where('received_at', '>=', filter.receivedFrom);
    if (filter.receivedBefore !== undefined) q = q.where('received_at', '<', filter.receivedBefore);
    const rows = await q
      .orderBy('received_at', 'desc')
      .orderBy('id')
      .limit(filter.limit ?? 200)
      .execute();
    return rows.map(toHeader);
  }

  /**
   * Every case with something to show between `start` and `end` (ISO): received before `end` and not
   * closed before `start`, with its history up to `end`. What a daily report reads.
   */
  async activeDuring(start: string, end: string): Promise<{ id: string; history: CaseEvent[] }[]> {
    // Cases first, then their events by primary key: a join filtered on the events' time let SQLite walk
    // every earlier event of the hall's history through case_events_at_idx, so a day's report grew with
    // the whole year instead of with the day.
    const ids = (
      await this.context.db
        .selectFrom('hall_cases')
        .select('id')
        .where('received_at', '<', end)
        .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', start)]))
        .execute()
    ).map((r) => r.id);
    const byCase = new Map<string, { seq: number; event: CaseEvent }[]>(ids.map((id) => [id, []]));
    for (let k = 0; k < ids.length; k += ID_CHUNK) {
      const events = await this.context.db
        .selectFrom('case_events')
        .select(['case_id', 'seq', 'event'])
        .where('case_id', 'in', ids.slice(k, k + ID_CHUNK))
        .where('at', '<', end)
        .execute();
      for (const r of events)
        byCase
          .get(r.case_id)
          ?.push({ seq: r.seq, event: parseUnknownJson(r.event, '办件记录') as CaseEvent });
    }
    return [...byCase.entries()]
      .filter(([, list]) => list.length > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, list]) => ({ id, history: list.sort((a, b) => a.seq - b.seq).map((x) => x.event) }));
  }

  /** Cases not in a final status, with their history (for the supervision sweep). */
  async openCases(): Promise<{ id: string; history: CaseEvent[] }[]> {
    const rows = await this.context.db
      .selectFrom('case_events as e')
      .innerJoin('hall_cases as c', 'c.id', 'e.case_id')
      .select(['e.case_id', 'e.seq', 'e.event'])
      .where('c.closed_at', 'is', null)
      .execute();
    const byCase = new Map<string, { seq: number; event: CaseEvent }[]>();
    for (const r of rows) {
      const list = byCase.get(r.case_id) ?? [];
      list.push({ seq: r.seq, event: parseUnknownJson(r.event, '办件记录') as CaseEvent });
      byCase.set(r.case_id, list);
    }
    return [...byCase.entries()].map(([id, list]) => ({
      id,
      history: list.sort((a, b) => a.seq - b.seq).map((x) => x.event),
    }));
  }

  /**
   * Today's counts per window for the hall's LED screen, in three grouped queries: received since
   * `since`, completed since `since`, and awaiting acceptance now.
   */
  async countsSince(
    since: string,
  ): Promise<Map<string, { received: number; completed: number; awaiting: number }>> {
    const db = this.context.db;
    const [received, completed, awaiting] = await Promise.all([
      db
        .selectFrom('hall_cases')
        .select(['window_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('received_at', '>=', since)
        .groupBy('window_id')
        .execute(),
      db
        .selectFrom('case_events as e')
        .innerJoin('hall_cases as c', 'c.id', 'e.case_id')
        .select(['c.window_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('e.at', '>=', since)
        .where('e.type', 'in', ['completed', 'completedOnSpot'])
        .groupBy('c.window_id')
        .execute(),
      db
        .selectFrom('hall_cases')
        .select(['window_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('closed_at', 'is', null)
        .where('status', 'in', ['submitted', 'correctionRequested', 'underReview'])
        .groupBy('window_id')
        .execute(),
    ]);
    const out = new Map<string, { received: number; completed: number; awaiting: number }>();
    const at = (w: string) => {
      const v = out.get(w) ?? { received: 0, completed: 0, awaiting: 0 };
      out.set(w, v);
      return v;
    };
    for (const r of received) at(r.window_id).received = Number(r.n);
    for (const r of completed) at(r.window_id).completed = Number(r.n);
    for (const r of awaiting) at(r.window_id).awaiting = Number(r.n);
    return out;
  }

  /** Records cards (from a supervision sweep); returns how many were new. */
  async recordCards(cards: readonly SupervisionCard[], actorId: string | null): Promise<number> {
    return withAudit(this.context.db, { actorId, at: isoNow(this.context) }, async (trx, audit) => {
      const added = await recordCards(trx, cards);
      if (added)
        await audit({
          action: 'supervision.sweep',
          entity: 'supervision',
          entityId: 'cards',
          after: { added },
        });
      return added;
    });
  }

  /**
   * Bulk loading of whole cases (the generator and migrations from other systems): the rows, every event
   * and the cards, in batches inside one transaction, with one audit row for the batch.
   */
  async importCases(cases: readonly ImportedCase[], actorId: string | null): Promise<void> {
    const at = isoNow(this.context);
    await withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      const rows = cases.map((c) => caseRow(c, at));
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto('hall_cases')
          .values(rows.slice(i, i + 500))
          .execute();
      const events = cases.flatMap((c) => eventRows(c.state.caseId, c.state.history));
      for (let i = 0; i < events.length; i += 1000)
        await trx
          .insertInto('case_events')
          .values(events.slice(i, i + 1000))
          .execute();
      const cards = cases.flatMap((c) => c.cards);
      for (let i = 0; i < cards.length; i += 1000)
        await trx
          .insertInto('supervision_cards')
          .values(cards.slice(i, i + 1000).map(cardRow))
          .execute();
      await audit({
        action: 'case.import',
        entity: 'case',
        entityId: 'batch',
        after: { cases: cases.length },
      });
    });
  }
}
