/** The service item catalogue: one row per item code, the ServiceItem as JSON, versioned. */
import { type ServiceItem, ServiceItemSchema } from '../../core/hall/service-item.ts';
import { parseJson, toJson, validated } from '../json.ts';
import { withAudit } from '../with-audit.ts';
import { isoNow, type RepositoryContext } from './context.ts';

export interface CatalogueEntry {
  item: ServiceItem;
  version: number;
  updatedAt: string;
}

export class ServiceItemRepository {
  constructor(private readonly context: RepositoryContext) {}

  /**
   * Creates the items that are new and replaces those that changed (version + 1), in one transaction;
   * unchanged items are left alone. Returns how many were created and updated.
   */
  async upsert(
    items: readonly ServiceItem[],
    actorId: string | null,
  ): Promise<{ created: number; updated: number }> {
    const valid = items.map((i) => validated(ServiceItemSchema, i, `事项（${i.code}）`));
    const at = isoNow(this.context);
    return withAudit(this.context.db, { actorId, at }, async (trx, audit) => {
      let created = 0;
      let updated = 0;
      for (const item of valid) {
        const before = await trx
          .selectFrom('service_items')
          .selectAll()
          .where('code', '=', item.code)
          .executeTakeFirst();
        const json = toJson(item);
        const columns = {
          name: item.name,
          department: item.department,
          kind: item.kind,
          item: json,
          updated_at: at,
        };
        if (!before) {
          await trx
            .insertInto('service_items')
            .values({ code: item.code, ...columns, version: 1 })
            .execute();
          await audit({
            action: 'serviceItem.create',
            entity: 'serviceItem',
            entityId: item.code,
            after: item,
          });
          created++;
        } else if (before.item !== json) {
          await trx
            .updateTable('service_items')
            .set({ ...columns, version: before.version + 1 })
            .where('code', '=', item.code)
            .execute();
          await audit({
            action: 'serviceItem.update',
            entity: 'serviceItem',
            entityId: item.code,
            before: JSON.parse(before.item),
            after: item,
          });
          updated++;
        }
      }
      return { created, updated };
    });
  }

  async get(code: string): Promise<CatalogueEntry | undefined> {
    const r = await this.context.db
      .selectFrom('service_items')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirst();
    return (
      r && {
        item: parseJson(ServiceItemSchema, r.item, `事项（${r.code}）`),
        version: r.version,
        updatedAt: r.updated_at,
      }
    );
  }

  /** Every item, by code. */
  async list(): Promise<ServiceItem[]> {
    const rows = await this.context.db.selectFrom('service_items').select(['code', 'item']).execute();
    // Sorted here by code points: the dialects' collations would order hyphens each its own way.
    return rows
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((r) => parseJson(ServiceItemSchema, r.item, `事项（${r.code}）`));
  }
}
