import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../core/errors.ts';
import { CSV_BOM } from './csv.ts';
import { DEFAULT_LICENSE, fiscalDataPackage, LINE_ITEMS_PATH } from './fiscal-data-package.ts';
import { fiscalModel } from './fiscal-model.ts';
import { parseCsv, samplePublished } from './test-support.ts';

function finalAccounts() {
  const p = samplePublished({ kind: 'finalAccounts', departmentId: 'dept-631', departmentCode: '631' });
  p.budget = { ...p.budget, kind: 'finalAccounts' };
  return p;
}

describe('fiscalDataPackage', () => {
  const { descriptor, csv, rows } = fiscalDataPackage([samplePublished()]);
  const resource = descriptor.resources[0];
  const fields = resource?.schema.fields ?? [];
  const names = fields.map((f) => f.name);

  it('is a fiscal-data-package descriptor with the package metadata', () => {
    expect(descriptor).toMatchObject({
      profile: 'fiscal-data-package',
      name: 'zhengwu-budget-2018',
      title: '秦皇岛市山海关区2018年部门预算公开数据',
      countryCode: 'CN',
      granularity: 'aggregated',
      fiscalPeriod: { start: '2018-01-01', end: '2018-12-31' },
      created: '2018-01-10T02:03:00.000Z',
      licenses: [DEFAULT_LICENSE],
    });
    expect(descriptor.name).toMatch(/^[-a-z0-9._/]+$/);
    expect(resource).toMatchObject({
      name: 'line-items',
      path: LINE_ITEMS_PATH,
      format: 'csv',
      encoding: 'utf-8',
    });
    expect(resource?.bytes).toBe(Buffer.byteLength(csv, 'utf8'));
  });

  it('describes exactly the CSV’s header, each field with a Chinese title', () => {
    const [header] = parseCsv(csv.slice(CSV_BOM.length));
    expect(names).toEqual(header);
    for (const f of fields) expect(f.title).toMatch(/\p{Script=Han}/u);
    expect(resource?.schema.primaryKey.every((k) => names.includes(k))).toBe(true);
  });

  it('has a primary key that is unique over the rows', () => {
    const keys = rows.map((r) => [r.departmentId, r.fiscalYear, r.budgetKind, r.version, r.line].join('|'));
    expect(new Set(keys).size).toBe(rows.length);
  });

  it('carries the logical model of the line-item resource', () => {
    expect(descriptor.model).toEqual(fiscalModel(resource?.name ?? '?', ['approved']));
    const used = new Set(
      Object.values(descriptor.model.dimensions).flatMap((d) =>
        Object.values(d.attributes).map((a) => a.source),
      ),
    );
    for (const m of Object.values(descriptor.model.measures)) used.add(m.source);
    expect([...used].sort()).toEqual([...names].sort());
  });

  it('leaves the measure’s phase out when 预算 and 决算 are mixed, and spans the years', () => {
    const pkg = fiscalDataPackage([finalAccounts(), samplePublished()]);
    expect(pkg.descriptor.model.measures.amount?.phase).toBeUndefined();
    expect(pkg.descriptor.name).toBe('zhengwu-budget-and-final-accounts-2018');
    expect(pkg.descriptor.title).toBe('秦皇岛市山海关区2018年部门预算、部门决算公开数据');
    expect(pkg.rows[0]?.budgetKind).toBe('budget');
    expect(fiscalDataPackage([finalAccounts()]).descriptor.model.measures.amount?.phase).toBe('executed');
  });

  it('takes the caller’s metadata, and refuses a name the Data Package spec does not allow', () => {
    const pkg = fiscalDataPackage([samplePublished()], {
      name: 'shanhaiguan-2018',
      title: '山海关区2018年部门预算',
      publisher: '秦皇岛市山海关区财政局',
      license: {
        name: 'CC-BY-4.0',
        title: '知识共享署名 4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
      },
      created: '2018-02-01T00:00:00Z',
    });
    expect(pkg.descriptor).toMatchObject({
      name: 'shanhaiguan-2018',
      title: '山海关区2018年部门预算',
      sources: [{ title: '秦皇岛市山海关区财政局' }],
      created: '2018-02-01T00:00:00Z',
    });
    expect(pkg.descriptor.licenses[0]?.name).toBe('CC-BY-4.0');
    expect(() => fiscalDataPackage([samplePublished()], { name: '山海关' })).toThrow(InvalidInput);
  });

  it('makes a valid empty package from no budgets', () => {
    const pkg = fiscalDataPackage([]);
    expect(pkg.rows).toEqual([]);
    expect(parseCsv(pkg.csv.slice(1))).toEqual([names]);
    expect(pkg.descriptor.fiscalPeriod).toBeUndefined();
    expect(pkg.descriptor.created).toBeUndefined();
  });
});
