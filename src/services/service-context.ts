/**
 * What every service holds: the store, the repositories, the clock and the configuration. Services own the
 * access checks (core/access/policy.ts) and call the repositories; routes only translate HTTP.
 */
import { DEFAULT_LOCKOUT, type LockoutPolicy } from '../core/access/password-policy.ts';
import { ZhengwuError } from '../core/errors.ts';
import { DEFAULT_PUBLICATION_DAYS } from '../core/workflow/deadlines.ts';
import type { OutputFormat } from '../render/render-disclosure.ts';
import type { Store } from '../store/database.ts';
import { createRepositories, type Repositories } from '../store/repositories/index.ts';

export interface PasswordHashing {
  /** argon2id memory in KiB (default 64 MiB, argon2's default). */
  memoryCost: number;
  timeCost: number;
}

export interface ServiceConfig {
  /** The formats rendered and kept with every publication (JSON is always kept). */
  publicationFormats: readonly OutputFormat[];
  /** A session ends after this many minutes without a request… */
  sessionIdleMinutes: number;
  /** …and at the latest this many hours after login. */
  sessionMaxHours: number;
  lockout: LockoutPolicy;
  publicationDays: number;
  hashing: PasswordHashing;
  /**
   * The 32-byte key protecting applicants' identity numbers and phones (src/store/personal-data.ts);
   * null: ZHENGWU_DATA_KEY or the data directory's key file, read when first needed.
   */
  dataKey: Buffer | null;
  /** E-supervision: warn this many working days before a promised deadline (0: no warnings). */
  warningDays: number;
}

export const DEFAULT_SERVICE_CONFIG: ServiceConfig = {
  publicationFormats: ['html', 'docx', 'xlsx', 'pdf'],
  sessionIdleMinutes: 120,
  sessionMaxHours: 12,
  lockout: DEFAULT_LOCKOUT,
  publicationDays: DEFAULT_PUBLICATION_DAYS,
  hashing: { memoryCost: 65536, timeCost: 3 },
  dataKey: null,
  warningDays: 1,
};

export interface ServiceDeps {
  store: Store;
  repos: Repositories;
  now: () => Date;
  config: ServiceConfig;
}

/** The settings read from the environment (ZHENGWU_WARNING_DAYS); the rest keep their defaults. */
export function serviceConfigFromEnv(env: Record<string, string | undefined>): Partial<ServiceConfig> {
  const raw = env.ZHENGWU_WARNING_DAYS?.trim() || String(DEFAULT_SERVICE_CONFIG.warningDays);
  if (!/^\d{1,2}$/.test(raw) || Number(raw) > 10)
    throw new ZhengwuError(
      'INVALID_INPUT',
      `ZHENGWU_WARNING_DAYS 应为 0 到 10 的整数（0 表示不预警），收到“${raw}”。`,
    );
  return { warningDays: Number(raw) };
}

export function serviceDeps(
  store: Store,
  options: { now?: () => Date; config?: Partial<ServiceConfig> } = {},
): ServiceDeps {
  const now = options.now ?? (() => new Date());
  return {
    store,
    repos: createRepositories(store.db, { now }),
    now,
    config: { ...DEFAULT_SERVICE_CONFIG, ...options.config },
  };
}

/** Runs `work` with repositories bound to one transaction: all its writes and audit rows, or none. */
export function inTransaction<T>(deps: ServiceDeps, work: (repos: Repositories) => Promise<T>): Promise<T> {
  return deps.store.db.transaction().execute((trx) => work(createRepositories(trx, { now: deps.now })));
}
