import { describe, expect, it } from 'vitest';
import {
  allCenterIds,
  assignmentState,
  centerAssignments,
  centerTreeData,
  findCenter,
  organisationRequest,
  type ServiceCenterNode,
} from './organisation-logic.ts';

const tree: ServiceCenterNode[] = [
  {
    id: 'd',
    parentId: null,
    regionId: null,
    name: '山海关区政务服务中心',
    level: 'district',
    children: [
      {
        id: 't',
        parentId: 'd',
        regionId: null,
        name: '南关街道便民服务中心',
        level: 'township',
        children: [
          {
            id: 'v',
            parentId: 't',
            regionId: null,
            name: '南关社区便民服务站',
            level: 'village',
            children: [],
          },
        ],
      },
    ],
  },
];

describe('the organisation page logic', () => {
  it('finds a center at any depth and gives the tree antd shape', () => {
    expect(findCenter(tree, 'v')?.name).toBe('南关社区便民服务站');
    expect(findCenter(tree, 'x')).toBeUndefined();
    expect(allCenterIds(tree)).toEqual(['d', 't', 'v']);
    expect(centerTreeData(tree)).toEqual([
      {
        key: 'd',
        title: '山海关区政务服务中心',
        children: [
          {
            key: 't',
            title: '南关街道便民服务中心',
            children: [{ key: 'v', title: '南关社区便民服务站', children: [] }],
          },
        ],
      },
    ]);
  });

  it('says whether an assignment covers a day, both ends included', () => {
    const a = { fromDate: '2024-03-01', toDate: '2024-03-31' };
    expect(assignmentState(a, '2024-02-29')).toBe('upcoming');
    expect(assignmentState(a, '2024-03-01')).toBe('current');
    expect(assignmentState(a, '2024-03-31')).toBe('current');
    expect(assignmentState(a, '2024-04-01')).toBe('ended');
    expect(assignmentState({ fromDate: '2024-03-01', toDate: null }, '2030-01-01')).toBe('current');
  });

  it("lists a center's assignments: current first, by window number, other centers' left out", () => {
    const w = (id: string, number: string) => ({
      id,
      centerId: 'd',
      number,
      name: `${number}号`,
      department: '民政局',
      kind: 'department' as const,
    });
    const windows = [w('w10', '10'), w('w2', '2'), w('wa', 'A1')];
    const a = (id: string, windowId: string, fromDate: string, toDate: string | null = null) => ({
      id,
      windowId,
      userId: 'u',
      fromDate,
      toDate,
    });
    const rows = centerAssignments(
      windows,
      [
        a('ended', 'w2', '2024-01-01', '2024-02-01'),
        a('ten', 'w10', '2024-01-01'),
        a('two', 'w2', '2024-01-01'),
        a('letter', 'wa', '2024-01-01'),
        a('later', 'w2', '2024-07-01'),
        a('elsewhere', 'w-other-center', '2024-01-01'),
      ],
      '2024-06-01',
    );
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      ['two', 'current'],
      ['ten', 'current'],
      ['letter', 'current'],
      ['later', 'upcoming'],
      ['ended', 'ended'],
    ]);
  });
});

describe('what the dialogs post', () => {
  const district = tree[0] as ServiceCenterNode;
  const village = findCenter(tree, 'v') as ServiceCenterNode;

  it('a center gets the level below its parent, or district at the top', () => {
    expect(organisationRequest({ kind: 'center', parent: district }, { name: ' 北街街道 ' })).toEqual({
      path: '/api/hall/centers',
      body: { name: '北街街道', level: 'township', parentId: 'd' },
    });
    expect(organisationRequest({ kind: 'center', parent: null }, { name: '新区中心' })).toEqual({
      path: '/api/hall/centers',
      body: { name: '新区中心', level: 'district', parentId: null },
    });
    expect(organisationRequest({ kind: 'center', parent: village }, { name: 'x' })).toBe(
      '村（社区）便民服务站下不能再设服务中心。',
    );
    expect(organisationRequest({ kind: 'center', parent: null }, { name: '  ' })).toBe('请填写中心名称。');
  });

  it('an assignment without an end date is open-ended; missing fields are named', () => {
    const dialog = { kind: 'assign' as const, windows: [], people: new Map<string, string>() };
    expect(
      organisationRequest(dialog, { windowId: 'w', userId: 'u', fromDate: '2024-03-01', toDate: '' }),
    ).toEqual({
      path: '/api/hall/staff',
      body: { windowId: 'w', userId: 'u', fromDate: '2024-03-01', toDate: null },
    });
    expect(organisationRequest(dialog, { windowId: 'w' })).toBe('请选择窗口、人员和开始日期。');
    const end = {
      kind: 'end' as const,
      assignment: { id: 'a1', windowId: 'w', userId: 'u', fromDate: '2024-03-01', toDate: null },
      label: '',
    };
    expect(organisationRequest(end, { toDate: '2024-03-31' })).toEqual({
      path: '/api/hall/staff/a1/end',
      body: { toDate: '2024-03-31' },
    });
  });

  it('a window needs its number, name, department and kind', () => {
    const dialog = { kind: 'window' as const, center: district, departments: [] };
    expect(organisationRequest(dialog, { number: '3', name: '市场监管窗口', department: '市场监管局' })).toBe(
      '请填写窗口号、窗口名称，并选择部门和窗口类型。',
    );
    expect(
      organisationRequest(dialog, {
        number: '3',
        name: '市场监管窗口',
        department: '市场监管局',
        kind: 'department',
      }),
    ).toEqual({
      path: '/api/hall/windows',
      body: {
        centerId: 'd',
        number: '3',
        name: '市场监管窗口',
        department: '市场监管局',
        kind: 'department',
      },
    });
  });
});
