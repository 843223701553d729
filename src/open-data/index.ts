/**
 * Open data of published budgets, as pure functions (no I/O, no clock: the caller passes the
 * publication's metadata). See docs/open-data.md.
 */
export { type BulkFile, type BulkOptions, budgetFileNames, bulkFiles, bulkZip } from './bulk.ts';
export { CSV_BOM, lineItemsCsv, neutraliseFormula } from './csv.ts';
export { type FieldSpec, LINE_ITEM_COLUMNS, LINE_ITEM_FIELDS } from './fields.ts';
export {
  DEFAULT_LICENSE,
  type FiscalDataPackage,
  type FiscalDataPackageDescriptor,
  fiscalDataPackage,
  LINE_ITEMS_PATH,
  type License,
  type PackageOptions,
} from './fiscal-data-package.ts';
export {
  BUDGET_FORMAT,
  type PublishedBudgetDocument,
  PublishedBudgetDocumentSchema,
  parsePublishedBudgetJson,
  publishedBudgetDocument,
  publishedBudgetJson,
} from './json.ts';
export {
  allLineItems,
  type Direction,
  type LineItem,
  lineItems,
  type Period,
  type Phase,
  type RowType,
  SECTION_NAMES,
  SECTIONS,
  type Section,
} from './line-items.ts';
export {
  type PublicationMeta,
  PublicationMetaSchema,
  type PublishedBudget,
} from './published-budget.ts';
export { fenToYuan } from './yuan.ts';
