/**
 * Per-jurisdiction audit settings: rules turned off, severities changed,
 * tolerances. Read from a JSON file (see docs/audit-config.md).
 */
import { z } from 'zod';

const SeveritySchema = z.enum(['error', 'warning', 'info']);

export const AuditConfigSchema = z.strictObject({
  rules: z
    .record(
      z.string(),
      z.strictObject({
        enabled: z.boolean().optional(),
        severity: SeveritySchema.optional(),
      }),
    )
    .default({}),
  tolerance: z
    .strictObject({
      /** Extra absolute tolerance, in 分, on top of the one derived from stated precision. */
      absoluteFen: z.number().int().min(0).default(0),
      /** Multiplies the rounding tolerance derived from stated precision. */
      roundingFactor: z.number().min(0).max(100).default(1),
    })
    .default({ absoluteFen: 0, roundingFactor: 1 }),
  /** Days allowed between approval and publication. */
  publicationDays: z.number().int().min(1).max(365).default(20),
  /** Tables a disclosure must contain (keys of TableKind). */
  requiredTables: z
    .array(z.string())
    .default([
      'incomeExpenditureSummary',
      'revenueSummary',
      'expenditureSummary',
      'appropriationSummary',
      'generalBudgetByFunction',
      'generalBudgetBasicByEconomic',
      'threePublic',
      'governmentFund',
    ]),
});
export type AuditConfig = z.infer<typeof AuditConfigSchema>;

export const DEFAULT_AUDIT_CONFIG: AuditConfig = AuditConfigSchema.parse({});

export function parseAuditConfig(json: unknown): AuditConfig {
  return AuditConfigSchema.parse(json);
}
