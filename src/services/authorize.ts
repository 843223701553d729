/**
 * The one place services turn a policy decision into an error. Reading something one may not see is
 * reported as "not found", so that unpublished budgets do not reveal that they exist; everything else is
 * 401 for the public (log in first) and 403 for the logged in.
 */
import { type Action, can, type Resource } from '../core/access/policy.ts';
import type { Actor } from '../core/access/roles.ts';
import { ZhengwuError } from '../core/errors.ts';

const HIDDEN_WHEN_DENIED: ReadonlySet<Action> = new Set(['budget.view', 'document.view']);

export function authorize(actor: Actor | null, action: Action, resource: Resource, what = '该记录'): void {
  const decision = can(actor, action, resource);
  if (decision.allowed) return;
  if (HIDDEN_WHEN_DENIED.has(action)) throw new ZhengwuError('NOT_FOUND', `${what}不存在或尚未公开。`);
  const reason = decision.reason ?? '无权执行此操作。';
  throw new ZhengwuError(actor === null ? 'UNAUTHENTICATED' : 'FORBIDDEN', reason);
}

export function requireLogin(actor: Actor | null): Actor {
  if (actor === null) throw new ZhengwuError('UNAUTHENTICATED', '请先登录。');
  return actor;
}
