/**
 * Cases (办件) and their append-only history. `case_events` holds every transition (who, when, from, to,
 * why, and the whole event as JSON); the case row caches the replayed state for queries, with `version`
 * counting the events: a transition names the version it was based on, and one
 * UPDATE … WHERE id = ? AND version = ? decides whether it lands or is a 'conflict'. The event, the case
 * row, the supervision cards issued by then and the audit row are written in one transaction. Nothing
 * updates or deletes an event. Which transitions are allowed is the core's business (core/hall).
 */
import { type Kysely, PostgresAdapter, type Selectable, sql } from 'kysely';
import type { CaseEvent, CaseState, CaseStatus } from '../../core/hall/case-status.ts';
import type { SupervisionCard } from '../../core/hall/supervision.ts';
import { parseUnknownJson, toJson } from '../json.ts';
import type { Database, HallCasesTable } from '../schema.ts';
import { withAudit } from '../with-audit.ts';
import { isoNow, newId, notFound, type RepositoryContext } from './context.ts';
import type { CaseHeader } from './hall-records.ts';

export type { CaseHeader };

/** The case's state without its history (the history is in case_events). */
export type CaseSnapshot = Omit<CaseState, 'history'>;

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

/** A case a report reads: its receipt and closing time (as in its row) and its history up to the end read. */
export interface ActiveCase {
  id: string;
  receivedAt: string;
  closedAt: string | null;
  history: CaseEvent[];
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
   * closed before `start`, with its history up to `end`, in id order. What a daily report reads (and,
   * over a month, what the monthly report reads once for all its days).
   */
  async activeDuring(start: string, end: string): Promise<ActiveCase[]> {
    // Cases first, then their events by primary key: a join filtered on the events' time let SQLite walk
    // every earlier event of the hall's history through case_events_at_idx, so a day's report grew with
    // the whole year instead of with the day. The cases as two ranges of hall_cases_open_idx (closed_at,
    // received_at): the open ones, and those closed since `start`. With the OR in one query both databases
    // read every case received before `end`, the hall's whole history.
    const active = await this.activeIds(start, end);
    const ids = active.map((c) => c.id);
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
    return active
      .map((c) => ({
        ...c,
        history: (byCase.get(c.id) ?? []).sort((a, b) => a.seq - b.seq).map((x) => x.event),
      }))
      .filter((c) => c.history.length > 0);
  }

  /** The cases received before `end` and open or closed at or after `start`, in id order. */
  private async activeIds(
    start: string,
    end: string,
  ): Promise<{ id: string; receivedAt: string; closedAt: string | null }[]> {
    const db = this.context.db;
    const rows = await db
      .selectFrom('hall_cases')
      .select(['id', 'received_at', 'closed_at'])
      .where('closed_at', 'is', null)
      .where('received_at', '<', end)
      .unionAll(
        db
          .selectFrom('hall_cases')
          .select(['id', 'received_at', 'closed_at'])
          .where('closed_at', '>=', start)
          .where('received_at', '<', end),
      )
      .execute();
    return rows
      .map((r) => ({ id: r.id, receivedAt: r.received_at, closedAt: r.closed_at }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Cases not in a final status, with their history (for the supervision sweep). */
  async openCases(): Promise<{ id: string; history: CaseEvent[] }[]> {
    // The open cases first (hall_cases_open_idx), then their events by primary key: a join let the
    // databases scan every event of the hall's history to find those of the few open cases.
    const ids = (
      await this.context.db.selectFrom('hall_cases').select('id').where('closed_at', 'is', null).execute()
    ).map((r) => r.id);
    const out: { id: string; history: CaseEvent[] }[] = [];
    for (let k = 0; k < ids.length; k += ID_CHUNK) {
      const rows = await this.context.db
        .selectFrom('case_events')
        .select(['case_id', 'seq', 'event'])
        .where('case_id', 'in', ids.slice(k, k + ID_CHUNK))
        .execute();
      const byCase = new Map<string, { seq: number; event: CaseEvent }[]>();
      for (const r of rows) {
        const list = byCase.get(r.case_id) ?? [];
        list.push({ seq: r.seq, event: parseUnknownJson(r.event, '办件记录') as CaseEvent });
        byCase.set(r.case_id, list);
      }
      for (const [id, list] of byCase)
        out.push({ id, history: list.sort((a, b) => a.seq - b.seq).map((x) => x.event) });
    }
    return out;
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
   *
   * Each table's rows go in as one bound parameter per statement (up to BULK_ROWS rows): on PostgreSQL
   * `insert … select * from unnest($1::text[], $2::int[], …)`, one array per column; on SQLite
   * `insert … select value->>0, … from json_each($1)`, the rows as one JSON array of arrays. Kysely's
   * multi-row VALUES built and compiled a node per value (17 per case, 10 per event) and the databases
   * parsed as many placeholders; this is less work on both sides (writing 20,000 generated cases: SQLite
   * 2.0 → 1.8 s, PostgreSQL 3.8 → 3.4 s). Same rows, same values, still parameterised statements.
   */
  async importCases(cases: readonly ImportedCase[], actorId: string | null): Promise<void> {
    const at = isoNow(this.context);
    const postgres = this.context.db.getExecutor().adapter instanceof PostgresAdapter;
    await withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      await bulkInsert(
        trx,
        postgres,
        'hall_cases',
        CASE_COLUMNS,
        cases.map((c) => caseRow(c, at)),
      );
      await bulkInsert(
        trx,
        postgres,
        'case_events',
        EVENT_COLUMNS,
        cases.flatMap((c) => eventRows(c.state.caseId, c.state.history)),
      );
      await bulkInsert(
        trx,
        postgres,
        'supervision_cards',
        CARD_COLUMNS,
        cases.flatMap((c) => c.cards.map(cardRow)),
      );
      await audit({
        action: 'case.import',
        entity: 'case',
        entityId: 'batch',
        after: { cases: cases.length },
      });
    });
  }
}

/** Rows per bulk statement: bounds the size of the one parameter (a few MB). */
const BULK_ROWS = 5000;

type ColumnType = 'text' | 'int';

const CASE_COLUMNS = {
  id: 'text',
  case_number: 'text',
  window_id: 'text',
  item_code: 'text',
  kind: 'text',
  status: 'text',
  version: 'int',
  received_at: 'text',
  closed_at: 'text',
  handler_id: 'text',
  received_by: 'text',
  applicant_name: 'text',
  id_number_enc: 'text',
  phone_enc: 'text',
  phone_tail_hash: 'text',
  state: 'text',
  updated_at: 'text',
} as const satisfies Record<keyof HallCasesTable, ColumnType>;

const EVENT_COLUMNS = {
  case_id: 'text',
  seq: 'int',
  at: 'text',
  actor_id: 'text',
  type: 'text',
  from_status: 'text',
  to_status: 'text',
  reason: 'text',
  episode: 'int',
  event: 'text',
} as const satisfies Record<keyof ReturnType<typeof eventRows>[number], ColumnType>;

const CARD_COLUMNS = {
  id: 'text',
  case_id: 'text',
  episode: 'int',
  kind: 'text',
  deadline_kind: 'text',
  deadline: 'text',
  issued_at: 'text',
  window_id: 'text',
  staff_id: 'text',
  provisional: 'int',
  message: 'text',
} as const satisfies Record<keyof ReturnType<typeof cardRow>, ColumnType>;

/**
 * Inserts `rows` into `table`, BULK_ROWS per statement, each statement's rows bound as one value: column
 * arrays for PostgreSQL's unnest, a JSON array of arrays for SQLite's json_each. Table, column names and
 * casts come from the constants above, never from input.
 */
async function bulkInsert<R extends object>(
  db: Kysely<Database>,
  postgres: boolean,
  table: 'hall_cases' | 'case_events' | 'supervision_cards',
  columns: { readonly [K in keyof R]: ColumnType },
  rows: readonly R[],
): Promise<void> {
  const names = Object.keys(columns) as (keyof R & string)[];
  const into = sql`insert into ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})`;
  for (let i = 0; i < rows.length; i += BULK_ROWS) {
    const chunk = rows.slice(i, i + BULK_ROWS);
    if (postgres) {
      const arrays = names.map((n) => {
        const values = chunk.map((r) => r[n] ?? null);
        return columns[n] === 'int' ? sql`${values}::int[]` : sql`${values}::text[]`;
      });
      await sql`${into} select * from unnest(${sql.join(arrays)})`.execute(db);
    } else {
      const json = JSON.stringify(chunk.map((r) => names.map((n) => r[n] ?? null)));
      const picks = names.map((_, k) => sql`value ->> ${sql.lit(k)}`);
      await sql`${into} select ${sql.join(picks)} from json_each(${json})`.execute(db);
    }
  }
}
