/** The service item catalogue: read by anyone (the service guide), maintained by the hall; XLSX in and out. */
import type { Actor } from '../core/access/roles.ts';
import { ZhengwuError } from '../core/errors.ts';
import { type ServiceItem, validateCatalogue } from '../core/hall/service-item.ts';
import { catalogueFromXlsx } from '../import/xlsx/catalogue-xlsx.ts';
import { catalogueToXlsx } from '../render/xlsx/catalogue-xlsx.ts';
import { authorize } from './authorize.ts';
import type { HallContext } from './hall-context.ts';

export class CatalogueService {
  constructor(private readonly hall: HallContext) {}

  async list(actor: Actor | null): Promise<ServiceItem[]> {
    authorize(actor, 'hall.catalogue.view', { type: 'system' });
    return this.hall.deps.repos.serviceItems.list();
  }

  async get(actor: Actor | null, code: string): Promise<ServiceItem> {
    authorize(actor, 'hall.catalogue.view', { type: 'system' });
    return this.hall.item(code);
  }

  /** Creates new items and updates changed ones (all valid, or nothing is saved). */
  async save(actor: Actor | null, input: readonly unknown[]): Promise<{ created: number; updated: number }> {
    authorize(actor, 'hall.catalogue.manage', { type: 'system' });
    const r = validateCatalogue(input);
    if (!r.ok)
      throw new ZhengwuError(
        'INVALID_INPUT',
        `事项目录有误：${r.issues
          .slice(0, 5)
          .map((i) => `${i.path ? `${i.path}：` : ''}${i.message}`)
          .join('；')}。`,
        r.issues,
      );
    return this.hall.deps.repos.serviceItems.upsert(r.items, actor?.id ?? null);
  }

  async exportXlsx(actor: Actor | null): Promise<Uint8Array> {
    return catalogueToXlsx(await this.list(actor));
  }

  async importXlsx(actor: Actor | null, bytes: Uint8Array): Promise<{ created: number; updated: number }> {
    authorize(actor, 'hall.catalogue.manage', { type: 'system' });
    const r = await catalogueFromXlsx(bytes);
    if (!r.ok)
      throw new ZhengwuError(
        'INVALID_INPUT',
        `事项目录文件有误：${r.issues
          .slice(0, 5)
          .map((i) => `${i.path ? `${i.path}：` : ''}${i.message}`)
          .join('；')}。`,
        r.issues,
      );
    return this.hall.deps.repos.serviceItems.upsert(r.items, actor?.id ?? null);
  }
}
