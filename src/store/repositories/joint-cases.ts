/** Joint cases (联办件): sub-cases, joint review meetings and site surveys, as one versioned JSON record. */
import type { JointCase } from '../../core/hall/joint-case.ts';
import { parseUnknownJson, toJson } from '../json.ts';
import { withAudit } from '../with-audit.ts';
import { isoNow, type RepositoryContext } from './context.ts';
import type { JointRecord } from './hall-records.ts';

export type { JointRecord };

export class JointCaseRepository {
  constructor(private readonly context: RepositoryContext) {}

  async create(joint: JointCase, actorId: string | null): Promise<JointRecord | 'duplicate'> {
    const at = isoNow(this.context);
    return withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      const taken = await trx
        .selectFrom('joint_cases')
        .select('case_id')
        .where('case_id', '=', joint.caseId)
        .executeTakeFirst();
      if (taken) return 'duplicate';
      await trx
        .insertInto('joint_cases')
        .values({ case_id: joint.caseId, joint: toJson(joint), version: 1, updated_at: at })
        .execute();
      await audit({ action: 'jointCase.start', entity: 'case', entityId: joint.caseId, after: joint });
      return { joint, version: 1, updatedAt: at };
    });
  }

  async get(caseId: string): Promise<JointRecord | undefined> {
    const r = await this.context.db
      .selectFrom('joint_cases')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return (
      r && {
        joint: parseUnknownJson(r.joint, '联办件') as JointCase,
        version: r.version,
        updatedAt: r.updated_at,
      }
    );
  }

  /** Replaces the record when still at `expectedVersion`; 'conflict' otherwise. */
  async update(
    joint: JointCase,
    expectedVersion: number,
    action: string,
    actorId: string | null,
  ): Promise<JointRecord | 'conflict'> {
    const at = isoNow(this.context);
    return withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      const r = await trx
        .updateTable('joint_cases')
        .set({ joint: toJson(joint), version: expectedVersion + 1, updated_at: at })
        .where('case_id', '=', joint.caseId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return 'conflict';
      await audit({
        action: `jointCase.${action}`,
        entity: 'case',
        entityId: joint.caseId,
        after: joint.log.at(-1),
      });
      return { joint, version: expectedVersion + 1, updatedAt: at };
    });
  }
}
