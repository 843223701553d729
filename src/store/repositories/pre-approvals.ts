/**
 * Investment project pre-approvals (项目预审) and their append-only history. `pre_approval_events` holds
 * every transition (who, when, from, to, why); the row holds the project and caches the status, with
 * `version` counting the events: a transition names the version it was based on, and one
 * UPDATE … WHERE id = ? AND version = ? decides whether it lands or is a 'conflict'. The event, the row
 * and the audit row are written in one transaction. Nothing updates or deletes an event. Which
 * transitions are allowed is the core's business (core/hall/pre-approval.ts).
 */
import type { Selectable } from 'kysely';
import type {
  PreApproval,
  PreApprovalEvent,
  PreApprovalProject,
  PreApprovalStatus,
} from '../../core/hall/pre-approval.ts';
import type { PreApprovalEventsTable, PreApprovalsTable } from '../schema.ts';
import { withAudit } from '../with-audit.ts';
import { isoNow, notFound, type RepositoryContext } from './context.ts';

export interface PreApprovalRecord extends PreApprovalProject {
  id: string;
  status: PreApprovalStatus;
  version: number;
  submittedAt: string;
  submittedBy: string;
  updatedAt: string;
}

export interface PreApprovalFilter {
  centerId?: string;
  statuses?: readonly PreApprovalStatus[];
  /** The normalised project code, exactly. */
  projectCode?: string;
  limit?: number;
}

const toRecord = (r: Selectable<PreApprovalsTable>): PreApprovalRecord => ({
  id: r.id,
  centerId: r.center_id,
  projectCode: r.project_code,
  projectName: r.project_name,
  constructionUnit: r.construction_unit,
  location: r.location,
  totalInvestmentFen: r.total_investment_fen,
  content: r.content,
  authority: r.authority,
  status: r.status as PreApprovalStatus,
  version: r.version,
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by,
  updatedAt: r.updated_at,
});

const eventRow = (id: string, e: PreApprovalEvent): Selectable<PreApprovalEventsTable> => ({
  pre_approval_id: id,
  seq: e.seq,
  at: e.at,
  actor_id: e.actorId,
  type: e.type,
  from_status: e.from,
  to_status: e.to,
  reason: e.reason,
});

const toEvent = (r: Selectable<PreApprovalEventsTable>): PreApprovalEvent => ({
  seq: r.seq,
  type: r.type as PreApprovalEvent['type'],
  at: r.at,
  actorId: r.actor_id,
  from: r.from_status as PreApprovalStatus | null,
  to: r.to_status as PreApprovalStatus,
  reason: r.reason,
});

/** The audited facts of a project (all of them: nothing here is personal data). */
const audited = (p: PreApprovalProject) => ({
  projectCode: p.projectCode,
  projectName: p.projectName,
  constructionUnit: p.constructionUnit,
  location: p.location,
  totalInvestmentFen: p.totalInvestmentFen,
  content: p.content,
  centerId: p.centerId,
  authority: p.authority,
});

export class PreApprovalRepository {
  constructor(private readonly context: RepositoryContext) {}

  /** A new pre-approval with its submission event (`state` from submitPreApproval; its projectId is the id). */
  async create(project: PreApprovalProject, state: PreApproval, actorId: string): Promise<PreApprovalRecord> {
    const at = isoNow(this.context);
    const first = state.history[0];
    if (!first || state.history.length !== 1) throw new Error('新的项目预审应只有申报一条记录');
    return withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      const row: Selectable<PreApprovalsTable> = {
        id: state.projectId,
        center_id: project.centerId,
        project_code: project.projectCode,
        project_name: project.projectName,
        construction_unit: project.constructionUnit,
        location: project.location,
        total_investment_fen: project.totalInvestmentFen,
        content: project.content,
        authority: project.authority,
        status: state.status,
        version: 1,
        submitted_at: first.at,
        submitted_by: first.actorId,
        updated_at: at,
      };
      await trx.insertInto('pre_approvals').values(row).execute();
      await trx.insertInto('pre_approval_events').values(eventRow(row.id, first)).execute();
      await audit({
        action: 'preApproval.submit',
        entity: 'preApproval',
        entityId: row.id,
        after: { ...audited(project), status: state.status, version: 1 },
      });
      return toRecord(row);
    });
  }

  /**
   * Appends the last event of `state.history` when the pre-approval is still at `expectedVersion` and
   * updates the cached status. Returns the new record or 'conflict'.
   */
  async append(
    state: PreApproval,
    expectedVersion: number,
    actorId: string,
  ): Promise<PreApprovalRecord | 'conflict'> {
    const at = isoNow(this.context);
    const event = state.history.at(-1);
    if (!event || state.history.length !== expectedVersion + 1 || event.seq !== expectedVersion)
      return 'conflict';
    return withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      const before = await trx
        .selectFrom('pre_approvals')
        .select(['status', 'version'])
        .where('id', '=', state.projectId)
        .executeTakeFirst();
      if (!before) throw notFound('项目预审', state.projectId);
      if (before.version !== expectedVersion) return 'conflict';
      const after = await trx
        .updateTable('pre_approvals')
        .set({ status: state.status, version: expectedVersion + 1, updated_at: at })
        .where('id', '=', state.projectId)
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst();
      if (!after) return 'conflict';
      await trx.insertInto('pre_approval_events').values(eventRow(state.projectId, event)).execute();
      await audit({
        action: `preApproval.${event.type}`,
        entity: 'preApproval',
        entityId: state.projectId,
        before: { status: before.status, version: before.version },
        after: { status: state.status, version: expectedVersion + 1, reason: event.reason },
      });
      return toRecord(after);
    });
  }

  async get(id: string): Promise<PreApprovalRecord | undefined> {
    const r = await this.context.db
      .selectFrom('pre_approvals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toRecord(r);
  }

  /** The history in order. */
  async history(id: string): Promise<PreApprovalEvent[]> {
    const rows = await this.context.db
      .selectFrom('pre_approval_events')
      .selectAll()
      .where('pre_approval_id', '=', id)
      .orderBy('seq')
      .execute();
    return rows.map(toEvent);
  }

  /** Newest submission first, at most `limit` (200). */
  async list(filter: PreApprovalFilter = {}): Promise<PreApprovalRecord[]> {
    let q = this.context.db.selectFrom('pre_approvals').selectAll();
    if (filter.centerId !== undefined) q = q.where('center_id', '=', filter.centerId);
    if (filter.statuses !== undefined) {
      if (!filter.statuses.length) return [];
      q = q.where('status', 'in', filter.statuses);
    }
    if (filter.projectCode !== undefined) q = q.where('project_code', '=', filter.projectCode);
    const rows = await q
      .orderBy('submitted_at', 'desc')
      .orderBy('id')
      .limit(filter.limit ?? 200)
      .execute();
    return rows.map(toRecord);
  }
}
