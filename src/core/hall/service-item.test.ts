import { describe, expect, it } from 'vitest';
import { committedItem, escalatedItem, immediateItem } from './sample-catalogue.ts';
import { type ServiceItemInput, validateCatalogue, validateServiceItem } from './service-item.ts';

const minimal: ServiceItemInput = {
  code: 'TEST-0001',
  name: '测试事项',
  department: '某局',
  kind: 'committed',
  legalDays: 20,
  promisedDays: 5,
  legalBasis: ['《某条例》'],
};

function messages(input: unknown): string[] {
  const r = validateServiceItem(input);
  return r.ok ? [] : r.issues.map((i) => i.message);
}

describe('service items', () => {
  it('fills defaults for a minimal committed item', () => {
    const r = validateServiceItem(minimal);
    expect(r.ok && r.item).toMatchObject({ materials: [], fees: [], jointDepartments: [], reportTo: null });
  });

  it('the promised limit may not exceed the legal limit', () => {
    expect(messages({ ...minimal, promisedDays: 21 })).toEqual([
      '承诺时限（21个工作日）不能超过法定时限（20个工作日）',
    ]);
    expect(messages({ ...minimal, promisedDays: 20 })).toEqual([]);
  });

  it('immediate items have 0-day limits and no special procedures; others at least 1 day', () => {
    expect(messages({ ...immediateItem, promisedDays: 1, legalDays: 1 })).toEqual([
      '即办件当场办结，法定时限和承诺时限都应为0个工作日',
    ]);
    expect(messages({ ...immediateItem, specialProcedures: committedItem.specialProcedures })).toEqual([
      '即办件不能有特别程序',
    ]);
    expect(messages({ ...minimal, promisedDays: 0 })).toEqual([
      '承诺件的承诺时限至少为1个工作日；当场办结的应为即办件',
    ]);
  });

  it('joint items list other departments; escalated items name the higher authority', () => {
    expect(messages({ ...minimal, kind: 'joint' })).toEqual(['联办件应列出参与联办的其他部门']);
    expect(messages({ ...minimal, kind: 'joint', jointDepartments: ['某局', '税务局'] })).toEqual([
      '牵头部门不应再列为联办部门',
    ]);
    expect(messages({ ...minimal, jointDepartments: ['税务局'] })).toEqual(['只有联办件有联办部门']);
    expect(messages({ ...escalatedItem, reportTo: null })).toEqual(['上报件应写明上报的审批机关']);
  });

  it('rejects bad fields with Chinese messages', () => {
    expect(messages({ ...minimal, legalDays: 2.5, promisedDays: 1 })).toEqual(['法定时限应为整数个工作日']);
    expect(messages({ ...minimal, legalBasis: [] })).toEqual(['应至少列出一项设定依据']);
    expect(messages({ ...minimal, kind: 'urgent' })).toEqual(['办件类型应为即办件、承诺件、联办件或上报件']);
    expect(messages({ ...minimal, fees: [{ name: '工本费', amountFen: 10.5, basis: '某文件' }] })).toEqual([
      '收费金额应为整数“分”',
    ]);
    const twice = { name: '申请书', form: 'original' };
    expect(messages({ ...minimal, materials: [twice, twice] })).toEqual(['申请材料“申请书”重复列出']);
  });

  it('a catalogue may not use a code twice; issues carry the item index', () => {
    const r = validateCatalogue([minimal, { ...minimal, name: '另一个' }, { ...minimal, name: '' }]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues).toEqual([
      { path: '2.name', message: '事项名称不能为空' },
      { path: '', message: '事项编码“TEST-0001”重复' },
    ]);
  });
});
