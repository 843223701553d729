/**
 * The hall's part of the authorisation matrix (src/server/api-matrix.test.ts): the rows for the hall
 * routes, and how to call each with valid input over a small hall (a center, its departments' windows,
 * the sample catalogue and the 三证合一 joint item) built once per test server.
 */
import { randomUUID } from 'node:crypto';
import { businessRegistrationItem } from '../core/hall/business-registration.ts';
import { officialCalendar } from '../core/hall/calendar.ts';
import type { CaseAction } from '../core/hall/case-status.ts';
import { openCase, transitionCase } from '../core/hall/case-transition.ts';
import {
  type PreApprovalActionType,
  type PreApprovalProject,
  submitPreApproval,
  transitionPreApproval,
} from '../core/hall/pre-approval.ts';
import { committedItem, sampleItems } from '../core/hall/sample-catalogue.ts';
import type { ServiceItem } from '../core/hall/service-item.ts';
import { catalogueToXlsx } from '../render/xlsx/catalogue-xlsx.ts';
import { PersonalDataCipher } from '../store/personal-data.ts';
import type { TestServer } from './test-server.ts';

/** The key the test server protects personal data with. */
export const TEST_DATA_KEY = Buffer.alloc(32, 9);

export const HALL_MATRIX = `
GET /api/hall/centers                                  .    Y      .       .        .        Y    Y
POST /api/hall/centers                                 .    Y      .       .        .        Y    .
GET /api/hall/centers/:id/departments                  .    Y      .       .        .        Y    Y
POST /api/hall/centers/:id/departments                 .    Y      .       .        .        Y    .
GET /api/hall/windows                                  .    Y      .       .        .        Y    Y
POST /api/hall/windows                                 .    Y      .       .        .        Y    .
GET /api/hall/people                                   .    Y      .       .        .        Y    Y
GET /api/hall/staff                                    .    Y      .       .        .        Y    Y
POST /api/hall/staff                                   .    Y      .       .        .        Y    .
POST /api/hall/staff/:id/end                           .    Y      .       .        .        Y    .
GET /api/hall/items                                    Y    Y      Y       Y        Y        Y    Y
PUT /api/hall/items                                    .    Y      .       .        .        Y    .
GET /api/hall/items/:code                              Y    Y      Y       Y        Y        Y    Y
GET /api/hall/catalogue.xlsx                           Y    Y      Y       Y        Y        Y    Y
POST /api/hall/catalogue.xlsx                          .    Y      .       .        .        Y    .
POST /api/hall/cases                                   .    .      .       .        .        Y    Y
POST /api/hall/cases#otherWindow                       .    .      .       .        .        Y    .
GET /api/hall/cases/mine                               .    Y      .       .        .        Y    Y
GET /api/hall/cases/:id                                .    Y      .       .        .        Y    Y
GET /api/hall/cases/:id#otherWindow                    .    Y      .       .        .        Y    .
POST /api/hall/cases/:id/actions                       .    .      .       .        .        Y    Y
POST /api/hall/cases/:id/actions#review                .    .      .       .        .        Y    .
GET /api/hall/cases/:id/joint                          .    Y      .       .        .        Y    Y
POST /api/hall/cases/:id/joint                         .    .      .       .        .        Y    Y
POST /api/hall/cases/:id/joint/changes                 .    .      .       .        .        Y    Y
GET /api/hall/query                                    Y    Y      Y       Y        Y        Y    Y
GET /api/hall/supervision                              .    Y      .       .        .        Y    .
POST /api/hall/supervision/sweep                       .    Y      .       .        .        Y    .
GET /api/hall/reports/daily/:date                      .    Y      .       .        .        Y    .
GET /api/hall/reports/daily/:date/xlsx                 .    Y      .       .        .        Y    .
GET /api/hall/reports/monthly/:month                   .    Y      .       .        .        Y    .
GET /api/hall/reports/monthly/:month/xlsx              .    Y      .       .        .        Y    .
GET /api/hall/reports/annual/:year                     .    Y      .       .        .        Y    .
GET /api/hall/dashboard                                Y    Y      Y       Y        Y        Y    Y
GET /api/hall/pre-approvals                            .    Y      .       .        .        Y    Y
GET /api/hall/pre-approvals/:id                        .    Y      .       .        .        Y    Y
POST /api/hall/pre-approvals                           .    .      .       .        .        Y    Y
POST /api/hall/pre-approvals/:id/actions               .    .      .       .        .        Y    .
POST /api/hall/pre-approvals/:id/actions#resubmit      .    .      .       .        .        Y    Y
`;

export interface HallWorld {
  centerId: string;
  /** The market regulator's window (the joint item's lead) and another window. */
  windowId: string;
  otherWindowId: string;
  /** A new case at the window, taken through `steps` first; with its applicant's phone. */
  newCase(
    item?: ServiceItem,
    steps?: CaseAction[],
    windowId?: string,
  ): Promise<{ id: string; caseNumber: string; version: number }>;
}

const worlds = new WeakMap<object, Promise<HallWorld>>();

export function hallWorld(server: TestServer): Promise<HallWorld> {
  const key = server.deps;
  let w = worlds.get(key);
  if (!w) {
    w = buildWorld(server);
    worlds.set(key, w);
  }
  return w;
}

export const TEST_PHONE = '13812345678';

async function buildWorld(server: TestServer): Promise<HallWorld> {
  const { repos } = server.deps;
  const center = await repos.hall.createCenter({ name: '矩阵区政务服务中心', level: 'district' }, null);
  const departments = [
    ...new Set(
      [...sampleItems, businessRegistrationItem].flatMap((i) => [i.department, ...i.jointDepartments]),
    ),
  ];
  const windows: Record<string, string> = {};
  for (const [n, name] of departments.entries()) {
    await repos.hall.stationDepartment({ centerId: center.id, name }, null);
    const w = await repos.hall.createWindow(
      {
        centerId: center.id,
        number: String(n + 1),
        name: `${name}窗口`,
        department: name,
        kind: 'department',
      },
      null,
    );
    if (w === 'duplicate') throw new Error('duplicate window');
    windows[name] = w.id;
  }
  await repos.serviceItems.upsert([...sampleItems, businessRegistrationItem], null);
  const cipher = new PersonalDataCipher(TEST_DATA_KEY);
  const windowId = windows[committedItem.department] as string;
  const otherWindowId = windows[departments.find((d) => d !== committedItem.department) as string] as string;
  let counter = 0;
  return {
    centerId: center.id,
    windowId,
    otherWindowId,
    async newCase(item = committedItem, steps = [], at = windowId) {
      const now = server.clock.now();
      let state = openCase({ caseId: randomUUID(), windowId: at }, { now, actorId: 'clerk', item });
      for (const action of steps) {
        const r = transitionCase(state, action, { now, actorId: 'clerk', item, calendar: officialCalendar });
        if (!r.ok) throw new Error(r.error.message);
        state = r.state;
      }
      const caseNumber = `TEST${Date.now()}${++counter}`;
      const created = await repos.cases.create(
        {
          caseNumber,
          applicantName: '张三',
          idNumberEnc: cipher.encrypt('11010519491231002X'),
          phoneEnc: cipher.encrypt(TEST_PHONE),
          phoneTailHash: cipher.phoneTailHash(TEST_PHONE),
          state: openCase({ caseId: state.caseId, windowId: at }, { now, actorId: 'clerk', item }),
        },
        'clerk',
      );
      if (created === 'duplicate') throw new Error('duplicate case');
      // Later steps through the repository, as the service would.
      let version = 1;
      for (let i = 1; i < state.history.length; i++) {
        const partial = { ...state, history: state.history.slice(0, i + 1) };
        const r = await repos.cases.append(partial, version, [], 'clerk');
        if (r === 'conflict') throw new Error('conflict');
        version = r.version;
      }
      return { id: created.id, caseNumber, version };
    },
  };
}

type Me = { id: string; username: string } | null;
type Call = { method: string; path: string; body?: unknown; raw?: Uint8Array };

/** Window staff work the hall's window today (so that their row shows what their own window allows). */
async function staffTheWindow(server: TestServer, me: Me, windowId: string) {
  if (me) await server.deps.repos.hall.assignStaff({ windowId, userId: me.id, fromDate: '2000-01-01' }, null);
}

const get = (path: string): Call => ({ method: 'GET', path });
const unique = () => Math.random().toString(36).slice(2, 8);
const returned: CaseAction = { type: 'return', reason: '经营场所不符合要求' };
const resubmitReturned: CaseAction = { type: 'resubmit', supplied: ['经营场所平面图'] };

let projectSerial = 0;

/** A project to register at the hall's center, with a project code no other test has used. */
export async function testProject(server: TestServer): Promise<PreApprovalProject> {
  const serial = String((Date.now() % 900_000) + ++projectSerial).padStart(6, '0');
  return {
    projectName: `山海关古城停车场建设项目${unique()}`,
    projectCode: `2024-130303-48-01-${serial}`,
    constructionUnit: '秦皇岛市山海关区城市建设投资有限公司',
    location: '山海关区古城南门外',
    totalInvestmentFen: 3_560_000_000,
    content: '新建停车位420个及配套设施',
    centerId: (await hallWorld(server)).centerId,
    authority: '秦皇岛市行政审批局',
  };
}

/** A pre-approval registered by a clerk and taken through `steps` (as 业务科 would), straight in the store. */
async function preApproval(server: TestServer, steps: PreApprovalActionType[] = []) {
  const project = await testProject(server);
  const now = server.clock.now();
  let state = submitPreApproval(
    { projectId: randomUUID(), projectName: project.projectName },
    { now, actorId: 'clerk' },
  );
  await server.deps.repos.preApprovals.create(project, state, 'clerk');
  for (const type of steps) {
    const r = transitionPreApproval(
      state,
      { type, reason: '请补充用地预审意见' },
      { now, actorId: 'manager' },
    );
    if (!r.ok) throw new Error(r.message);
    if (
      (await server.deps.repos.preApprovals.append(r.state, state.history.length, 'manager')) === 'conflict'
    )
      throw new Error('conflict');
    state = r.state;
  }
  return { id: state.projectId, version: state.history.length };
}

export const HALL_CALLS: Record<string, (w: unknown, me: Me, server: TestServer) => Promise<Call>> = {
  'GET /api/hall/centers': async () => get('/api/hall/centers'),
  'POST /api/hall/centers': async () => ({
    method: 'POST',
    path: '/api/hall/centers',
    body: { name: `新区政务服务中心${unique()}`, level: 'district' },
  }),
  'GET /api/hall/centers/:id/departments': async (_w, _me, s) =>
    get(`/api/hall/centers/${(await hallWorld(s)).centerId}/departments`),
  'POST /api/hall/centers/:id/departments': async (_w, _me, s) => ({
    method: 'POST',
    path: `/api/hall/centers/${(await hallWorld(s)).centerId}/departments`,
    body: { name: `进驻部门${unique()}` },
  }),
  'GET /api/hall/windows': async () => get('/api/hall/windows'),
  'POST /api/hall/windows': async (_w, _me, s) => ({
    method: 'POST',
    path: '/api/hall/windows',
    body: {
      centerId: (await hallWorld(s)).centerId,
      number: `N${unique()}`,
      name: '新窗口',
      department: committedItem.department,
      kind: 'comprehensive',
    },
  }),
  'GET /api/hall/people': async () => get('/api/hall/people'),
  'GET /api/hall/staff': async () => get('/api/hall/staff'),
  'POST /api/hall/staff': async (_w, _me, s) => {
    const u = await s.user(`staff-${unique()}`, ['windowStaff']);
    return {
      method: 'POST',
      path: '/api/hall/staff',
      body: { windowId: (await hallWorld(s)).windowId, userId: u.id, fromDate: '2024-01-01' },
    };
  },
  'POST /api/hall/staff/:id/end': async (_w, _me, s) => {
    const u = await s.user(`staff-${unique()}`, ['windowStaff']);
    const a = await s.deps.repos.hall.assignStaff(
      { windowId: (await hallWorld(s)).windowId, userId: u.id, fromDate: '2024-01-01' },
      null,
    );
    return { method: 'POST', path: `/api/hall/staff/${a.id}/end`, body: { toDate: '2024-06-30' } };
  },
  'GET /api/hall/items': async () => get('/api/hall/items'),
  'PUT /api/hall/items': async () => ({
    method: 'PUT',
    path: '/api/hall/items',
    body: { items: [{ ...committedItem, promisedDays: 9 }] },
  }),
  'GET /api/hall/items/:code': async () => get(`/api/hall/items/${committedItem.code}`),
  'GET /api/hall/catalogue.xlsx': async () => get('/api/hall/catalogue.xlsx'),
  'POST /api/hall/catalogue.xlsx': async () => ({
    method: 'POST',
    path: '/api/hall/catalogue.xlsx',
    raw: await catalogueToXlsx(sampleItems),
  }),
  'POST /api/hall/cases': async (_w, me, s) => {
    const w = await hallWorld(s);
    await staffTheWindow(s, me, w.windowId);
    return {
      method: 'POST',
      path: '/api/hall/cases',
      body: {
        windowId: w.windowId,
        itemCode: committedItem.code,
        applicant: { name: '李四', idNumber: '11010519491231002X', phone: TEST_PHONE },
      },
    };
  },
  'POST /api/hall/cases#otherWindow': async (_w, me, s) => {
    const w = await hallWorld(s);
    await staffTheWindow(s, me, w.otherWindowId);
    return {
      method: 'POST',
      path: '/api/hall/cases',
      body: {
        windowId: w.windowId,
        itemCode: committedItem.code,
        applicant: { name: '李四', idNumber: '11010519491231002X', phone: TEST_PHONE },
      },
    };
  },
  'GET /api/hall/cases/mine': async () => get('/api/hall/cases/mine'),
  'GET /api/hall/cases/:id': async (_w, me, s) => {
    const w = await hallWorld(s);
    await staffTheWindow(s, me, w.windowId);
    return get(`/api/hall/cases/${(await w.newCase()).id}`);
  },
  'GET /api/hall/cases/:id#otherWindow': async (_w, me, s) => {
    const w = await hallWorld(s);
    await staffTheWindow(s, me, w.otherWindowId);
    return get(`/api/hall/cases/${(await w.newCase()).id}`);
  },
  'POST /api/hall/cases/:id/actions': async (_w, me, s) => {
    const w = await hallWorld(s);
    await staffTheWindow(s, me, w.windowId);
    const c = await w.newCase();
    return {
      method: 'POST',
      path: `/api/hall/cases/${c.id}/actions`,
      body: { version: c.version, action: { type: 'accept' } },
    };
  },
  'POST /api/hall/cases/:id/actions#review': async (_w, me, s) => {
    const w = await hallWorld(s);
    await staffTheWindow(s, me, w.windowId);
    const c = await w.newCase(committedItem, [{ type: 'accept' }, returned, resubmitReturned]);
    return {
      method: 'POST',
      path: `/api/hall/cases/${c.id}/actions`,
      body: { version: c.version, action: { type: 'approveResubmission' } },
    };
  },
  'GET /api/hall/cases/:id/joint': async (_w, me, s) => {
    const w = await hallWorld(s);
    await staffTheWindow(s, me, w.windowId);
    const c = await w.newCase(businessRegistrationItem, [{ type: 'accept' }]);
    await s.services.hall.joint.start({ id: 'manager', roles: ['hallManager'], departmentIds: [] }, c.id);
    return get(`/api/hall/cases/${c.id}/joint`);
  },
  'POST /api/hall/cases/:id/joint': async (_w, me, s) => {
    const w = await hallWorld(s);
    await staffTheWindow(s, me, w.windowId);
    const c = await w.newCase(businessRegistrationItem, [{ type: 'accept' }]);
    return { method: 'POST', path: `/api/hall/cases/${c.id}/joint`, body: {} };
  },
  'POST /api/hall/cases/:id/joint/changes': async (_w, me, s) => {
    const w = await hallWorld(s);
    await staffTheWindow(s, me, w.windowId);
    const c = await w.newCase(businessRegistrationItem, [{ type: 'accept' }]);
    const j = await s.services.hall.joint.start(
      { id: 'manager', roles: ['hallManager'], departmentIds: [] },
      c.id,
    );
    return {
      method: 'POST',
      path: `/api/hall/cases/${c.id}/joint/changes`,
      body: {
        version: j.version,
        change: { type: 'subCase', department: businessRegistrationItem.department, move: 'start' },
      },
    };
  },
  'GET /api/hall/query': async (_w, _me, s) => {
    const c = await (await hallWorld(s)).newCase();
    return get(`/api/hall/query?caseNumber=${c.caseNumber}&phoneTail=${TEST_PHONE.slice(-4)}`);
  },
  'GET /api/hall/supervision': async () => get('/api/hall/supervision'),
  'POST /api/hall/supervision/sweep': async () => ({
    method: 'POST',
    path: '/api/hall/supervision/sweep',
    body: {},
  }),
  'GET /api/hall/reports/daily/:date': async () => get('/api/hall/reports/daily/2024-10-16'),
  'GET /api/hall/reports/daily/:date/xlsx': async () => get('/api/hall/reports/daily/2024-10-16/xlsx'),
  'GET /api/hall/reports/monthly/:month': async () => get('/api/hall/reports/monthly/2024-02'),
  'GET /api/hall/reports/monthly/:month/xlsx': async () => get('/api/hall/reports/monthly/2024-02/xlsx'),
  'GET /api/hall/reports/annual/:year': async () => get('/api/hall/reports/annual/2023'),
  'GET /api/hall/dashboard': async () => get('/api/hall/dashboard'),
  'GET /api/hall/pre-approvals': async () => get('/api/hall/pre-approvals'),
  'GET /api/hall/pre-approvals/:id': async (_w, _me, s) =>
    get(`/api/hall/pre-approvals/${(await preApproval(s)).id}`),
  'POST /api/hall/pre-approvals': async (_w, _me, s) => ({
    method: 'POST',
    path: '/api/hall/pre-approvals',
    body: await testProject(s),
  }),
  'POST /api/hall/pre-approvals/:id/actions': async (_w, _me, s) => {
    const p = await preApproval(s);
    return {
      method: 'POST',
      path: `/api/hall/pre-approvals/${p.id}/actions`,
      body: { version: p.version, action: { type: 'passPreliminary' } },
    };
  },
  'POST /api/hall/pre-approvals/:id/actions#resubmit': async (_w, _me, s) => {
    const p = await preApproval(s, ['return']);
    return {
      method: 'POST',
      path: `/api/hall/pre-approvals/${p.id}/actions`,
      body: { version: p.version, action: { type: 'resubmit', reason: '已补充用地预审意见' } },
    };
  },
};
