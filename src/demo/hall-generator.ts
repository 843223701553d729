/**
 * A realistic year of a service hall, generated: a district center with stationed departments and 20
 * windows staffed by two people each, a catalogue of 300 items (即办件, 承诺件, 联办件 and 上报件), and
 * cases received on the year's working days, each taken through the core's state machine (corrections,
 * 二次受理 reviews, returns, special procedures, reporting up, joint completion, and some finished late),
 * with the supervision cards issued by the end of the year. Seeded (mulberry32): the same options give
 * the same hall. The cases are written in batches, each batch one transaction (CaseRepository.importCases).
 */
import { Worker } from 'node:worker_threads';
import { officialCalendar, type WorkCalendar } from '../core/hall/calendar.ts';
import type { CaseAction, CaseState } from '../core/hall/case-status.ts';
import { openCase, transitionCase } from '../core/hall/case-transition.ts';
import { residentIdCheckChar } from '../core/hall/resident-id.ts';
import type { ItemKind, ServiceItem } from '../core/hall/service-item.ts';
import { supervise } from '../core/hall/supervision.ts';
import { addWorkdays, dayEndsAt } from '../core/hall/workdays.ts';
import { addDays, type IsoDate, shanghaiDate } from '../core/workflow/deadlines.ts';
import type { PersonalDataCipher } from '../store/personal-data.ts';
import type { ImportedCase } from '../store/repositories/hall-cases.ts';
import type { HallWindow } from '../store/repositories/hall-organisation.ts';
import type { Repositories } from '../store/repositories/index.ts';
import { cachedCalendar } from './cached-calendar.ts';

/** mulberry32: a small, fast, seeded 32-bit PRNG; floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HALL_DEPARTMENTS = [
  '山海关区市场监督管理局',
  '山海关区自然资源和规划局',
  '山海关区住房和城乡建设局',
  '山海关区人力资源和社会保障局',
  '山海关区民政局',
  '山海关区卫生健康局',
  '山海关区交通运输局',
  '山海关区文化广电和旅游局',
  '山海关区公安分局',
  '山海关区税务局',
  '山海关区生态环境分局',
  '山海关区农业农村局',
] as const;

export interface HallSetup {
  centerId: string;
  windows: HallWindow[];
  /** Window id → the staff who work it. */
  staff: Map<string, string[]>;
  managerId: string;
  items: ServiceItem[];
}

export interface HallGeneratorOptions {
  windows?: number;
  items?: number;
  cases: number;
  /** The last year (default 2024): the horizon is its end. */
  year?: number;
  /**
   * The first year (default: `year`). A hall receives some 200,000 cases a year, so 10 million cases are
   * its history of many years: the cases are spread evenly over the working days of `fromYear` … `year`.
   */
  fromYear?: number;
  /**
   * Instead of whole years: the working days from `from` to the day before `until` (Beijing time), and the
   * horizon `until` itself: a hall as it stands at a moment, with the cases still open then (the demo).
   */
  span?: { from: IsoDate; until: Date };
  seed?: number;
  /** Cases per transaction. */
  batch?: number;
  /**
   * Resuming an interrupted run into the same database: the cases before this number are written already
   * (each case has its own random stream, so the rest come out as they would have). Default 0.
   */
  startAt?: number;
  /**
   * Worker threads that simulate and encrypt the cases while this thread writes them (default 0: all in
   * this thread). They need `dataKey`. The cases are the same either way.
   */
  workers?: number;
  /** The master key `cipher` was made from, for the workers' own ciphers. */
  dataKey?: Buffer;
  /** Called after each batch with the cases written so far. */
  progress?: (written: number) => void;
}

const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const int = (random: () => number, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** The catalogue: `count` valid items spread over the departments, of every kind. */
export function generateCatalogue(count: number, random: () => number): ServiceItem[] {
  const items: ServiceItem[] = [];
  for (let n = 0; n < count; n++) {
    const d = n % HALL_DEPARTMENTS.length;
    const department = HALL_DEPARTMENTS[d] as string;
    const r = random();
    const kind: ItemKind = r < 0.3 ? 'immediate' : r < 0.85 ? 'committed' : r < 0.95 ? 'joint' : 'escalated';
    const promised = kind === 'immediate' ? 0 : int(random, 3, 15);
    const legal = kind === 'immediate' ? 0 : Math.min(60, promised + int(random, 0, promised));
    items.push({
      code: `130303-D${String(d + 1).padStart(2, '0')}-${String(n + 1).padStart(4, '0')}`,
      name: `${department.replace('山海关区', '')}事项${n + 1}`,
      department,
      kind,
      legalDays: legal,
      promisedDays: promised,
      materials: [
        { name: '申请书', form: 'original', copies: 1, required: true, note: '' },
        { name: '申请人身份证明', form: 'originalAndCopy', copies: 1, required: true, note: '' },
        ...(random() < 0.6
          ? [{ name: '相关证明材料', form: 'copy' as const, copies: 1, required: true, note: '' }]
          : []),
      ],
      fees: [],
      specialProcedures:
        kind !== 'immediate' && random() < 0.3
          ? [{ kind: 'expertReview', name: '专家评审', maxDays: null }]
          : [],
      legalBasis: ['《中华人民共和国行政许可法》'],
      jointDepartments:
        kind === 'joint' ? [HALL_DEPARTMENTS[(d + 1) % HALL_DEPARTMENTS.length] as string] : [],
      reportTo: kind === 'escalated' ? '秦皇岛市人民政府' : null,
    });
  }
  return items;
}

/** The center, its departments, windows and staff, a manager, and the catalogue, written through the repositories. */
export async function setUpHall(
  repos: Repositories,
  options: { windows?: number; items?: number; seed?: number } = {},
): Promise<HallSetup> {
  const random = mulberry32(options.seed ?? 2024);
  const tag = Math.floor(random() * 1e9).toString(36);
  const center = await repos.hall.createCenter({ name: '山海关区政务服务中心', level: 'district' }, null);
  for (const name of HALL_DEPARTMENTS)
    await repos.hall.stationDepartment({ centerId: center.id, name }, null);
  const windows: HallWindow[] = [];
  const staff = new Map<string, string[]>();
  const count = options.windows ?? 20;
  for (let i = 0; i < count; i++) {
    const department = HALL_DEPARTMENTS[i % HALL_DEPARTMENTS.length] as string;
    const w = await repos.hall.createWindow(
      {
        centerId: center.id,
        number: String(i + 1).padStart(2, '0'),
        name: `${department.replace('山海关区', '')}窗口`,
        department,
        kind: 'department',
      },
      null,
    );
    if (w === 'duplicate') throw new Error('窗口重复');
    windows.push(w);
    const people: string[] = [];
    for (let k = 0; k < 2; k++) {
      const u = await repos.users.create(
        {
          username: `w${tag}-${i + 1}-${k + 1}`,
          displayName: `窗口人员${i + 1}-${k + 1}`,
          passwordHash: 'x',
          roles: ['windowStaff'],
        },
        null,
      );
      if (u === 'duplicate') throw new Error('用户名重复');
      await repos.hall.assignStaff({ windowId: w.id, userId: u.id, fromDate: '2000-01-01' }, null);
      people.push(u.id);
    }
    staff.set(w.id, people);
  }
  const manager = await repos.users.create(
    { username: `m${tag}`, displayName: '业务科', passwordHash: 'x', roles: ['hallManager'] },
    null,
  );
  if (manager === 'duplicate') throw new Error('用户名重复');
  const items = generateCatalogue(options.items ?? 300, random);
  await repos.serviceItems.upsert(items, null);
  return { centerId: center.id, windows, staff, managerId: manager.id, items };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英';

function applicant(random: () => number) {
  const name =
    pick(random, [...SURNAMES]) + pick(random, [...GIVEN]) + (random() < 0.6 ? pick(random, [...GIVEN]) : '');
  const birth = `${int(random, 1950, 2004)}${String(int(random, 1, 12)).padStart(2, '0')}${String(int(random, 1, 28)).padStart(2, '0')}`;
  const body = `130303${birth}${String(int(random, 0, 999)).padStart(3, '0')}`;
  const idNumber = body + residentIdCheckChar(body);
  const phone = `1${pick(random, ['3', '5', '7', '8', '9'])}${String(int(random, 0, 999_999_999)).padStart(9, '0')}`;
  return { name, idNumber, phone };
}

/** An instant on a date, Beijing time, `minutes` after 08:30. */
const on = (date: IsoDate, minutes: number) =>
  new Date(Date.parse(`${date}T08:30:00+08:00`) + minutes * 60_000);

class Story {
  state: CaseState;
  ended = false;
  constructor(
    state: CaseState,
    private readonly item: ServiceItem,
    private readonly calendar: WorkCalendar,
    private readonly horizon: Date,
  ) {
    this.state = state;
  }

  get last(): Date {
    return new Date((this.state.history.at(-1) as { at: string }).at);
  }

  /** Applies the action at `when` (not before the last event); stops the story at the horizon. */
  act(action: CaseAction, when: Date, actorId: string): boolean {
    if (this.ended) return false;
    const t = when < this.last ? new Date(this.last.getTime() + 60_000) : when;
    if (t >= this.horizon) {
      this.ended = true;
      return false;
    }
    const r = transitionCase(this.state, action, {
      now: t,
      actorId,
      item: this.item,
      calendar: this.calendar,
    });
    if (!r.ok) throw new Error(`生成的办件不合规则（${action.type}）：${r.error.message}`);
    this.state = r.state;
    return true;
  }
}

/** One case's story from receipt to wherever the year ends it. */
export function simulateCase(input: {
  caseId: string;
  window: HallWindow;
  item: ServiceItem;
  received: Date;
  receivedOn: IsoDate;
  staff: readonly string[];
  managerId: string;
  horizon: Date;
  random: () => number;
  calendar?: WorkCalendar;
}): CaseState {
  const { item, random, staff, managerId } = input;
  const calendar = input.calendar ?? officialCalendar;
  const clerk = pick(random, staff);
  const story = new Story(
    openCase(
      { caseId: input.caseId, windowId: input.window.id },
      { now: input.received, actorId: clerk, item },
    ),
    item,
    calendar,
    input.horizon,
  );
  const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
  const workday = (k: number, m: number, from: IsoDate = input.receivedOn) =>
    on(addWorkdays(from, k, calendar), m);
  /**
   * The applicant comes back: after a correction notice with the missing materials, which the window then
   * decides on (即办件 on the spot); after a return with a revised application, which 业务科 reviews.
   */
  const resubmit = (missing: string[] | null) => {
    const k = int(random, 1, 3);
    if (random() < 0.1) {
      story.act({ type: 'withdraw', reason: '申请人撤回申请' }, workday(k, 60), clerk);
      return false;
    }
    if (!missing) {
      story.act({ type: 'resubmit', supplied: [], note: '已按要求修改' }, workday(k, 60), clerk);
      story.act({ type: 'approveResubmission' }, workday(k, 360), managerId);
      return !story.ended;
    }
    story.act({ type: 'resubmit', supplied: missing }, workday(k, 60), clerk);
    const decision: CaseAction =
      item.kind === 'immediate' ? { type: 'completeOnSpot', result: '补正后当场办结' } : { type: 'accept' };
    story.act(decision, workday(k, 80), clerk);
    return !story.ended;
  };
  const r = random();
  if (r < 0.015) {
    story.act({ type: 'reject', reason: '不属于本窗口受理范围' }, minutes(input.received, 30), clerk);
    return story.state;
  }
  if (r < 0.095) {
    const missing = [item.materials[0]?.name ?? '申请书'];
    story.act({ type: 'requestCorrection', missing }, minutes(input.received, 20), clerk);
    if (!resubmit(missing) || item.kind === 'immediate') return story.state;
  } else if (item.kind === 'immediate') {
    story.act(
      { type: 'completeOnSpot', result: '当场办结' },
      minutes(input.received, int(random, 10, 40)),
      clerk,
    );
    return story.state;
  } else {
    story.act({ type: 'accept' }, random() < 0.9 ? minutes(input.received, 15) : workday(1, 30), clerk);
  }
  if (story.ended) return story.state;
  const acceptedOn = story.state.episode?.clockStart ?? input.receivedOn;
  const handler = pick(random, staff);
  story.act({ type: 'assign', handlerId: handler }, minutes(story.last, 30), clerk);
  const procedure = item.specialProcedures[0];
  if (procedure && random() < 0.15) {
    story.act(
      { type: 'pause', procedure: procedure.name, reason: '组织专家评审' },
      workday(2, 60, acceptedOn),
      handler,
    );
    story.act({ type: 'resume', reason: '专家评审结束' }, workday(5, 60, acceptedOn), handler);
  }
  if (random() < 0.03) {
    story.act(
      { type: 'return', reason: '经审查不符合条件，退回申请人修改' },
      workday(2, 300, acceptedOn),
      handler,
    );
    if (random() < 0.5 || !resubmit(null)) return story.state;
  }
  const from = story.state.episode?.clockStart ?? acceptedOn;
  if (item.kind === 'escalated') {
    story.act(
      { type: 'reportUp' },
      workday(random() < 0.94 ? int(random, 1, 2) : int(random, 4, 5), 120, from),
      handler,
    );
    story.act(
      { type: 'complete', result: '上级机关已批复' },
      workday(int(random, 6, 12), 420, from),
      handler,
    );
    return story.state;
  }
  const late = random();
  const days =
    late < 0.88
      ? int(random, 1, item.promisedDays)
      : late < 0.98
        ? int(random, item.promisedDays + 1, Math.max(item.promisedDays + 1, item.legalDays))
        : item.legalDays + int(random, 1, 5);
  const action: CaseAction =
    item.kind === 'joint'
      ? {
          type: 'complete',
          result: '联合审批通过',
          subCases: [item.department, ...item.jointDepartments].map((department) => ({
            department,
            status: 'completed',
          })),
        }
      : { type: 'complete', result: '准予许可' };
  story.act(action, workday(days, 450, from), handler);
  return story.state;
}

/** What generating cases needs besides the store: plain data, so that worker threads can have it. */
export interface HallPlan {
  setup: HallSetup;
  seed: number;
  cases: number;
  /** The working days the cases are received on, in order. */
  days: IsoDate[];
  /** ISO: the end of the last year; later steps are not taken. */
  horizon: string;
}

export interface GeneratedBatch {
  cases: ImportedCase[];
  events: number;
  cards: number;
}

export function planHall(setup: HallSetup, options: HallGeneratorOptions): HallPlan {
  const span = options.span;
  if (span) {
    const days: IsoDate[] = [];
    for (let d = span.from; d < shanghaiDate(span.until); d = addDays(d, 1))
      if (officialCalendar.isWorkday(d)) days.push(d);
    if (!days.length) throw new RangeError(`${span.from} 到 ${span.until.toISOString()} 之间没有工作日`);
    return {
      setup,
      seed: options.seed ?? 2024,
      cases: options.cases,
      days,
      horizon: span.until.toISOString(),
    };
  }
  const year = options.year ?? 2024;
  const fromYear = options.fromYear ?? year;
  if (!Number.isInteger(fromYear) || fromYear > year)
    throw new RangeError(`起始年份应不晚于 ${year}：${fromYear}`);
  const days: IsoDate[] = [];
  for (let d = `${fromYear}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1))
    if (officialCalendar.isWorkday(d)) days.push(d);
  return {
    setup,
    seed: options.seed ?? 2024,
    cases: options.cases,
    days,
    horizon: dayEndsAt(`${year}-12-31`),
  };
}

const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0');

/**
 * A time-ordered id in the layout of a version-7 UUID (RFC 9562): the milliseconds of `at` in the first 48
 * bits, then the version, 74 bits from `random` and the variant. Generated cases get their receipt time
 * here, so their rows and events are appended to the primary-key indexes instead of scattered over them
 * (random v4 ids made each insert touch a random page once the indexes outgrew the cache).
 */
export function timeOrderedId(at: Date, random: () => number): string {
  const ms = at.getTime();
  const r16 = () => Math.floor(random() * 0x10000);
  const time = hex(ms, 12);
  return [
    time.slice(0, 8),
    time.slice(8, 12),
    hex(0x7000 | (r16() & 0x0fff), 4),
    hex(0x8000 | (r16() & 0x3fff), 4),
    hex(r16(), 4) + hex(r16(), 4) + hex(r16(), 4),
  ].join('-');
}

/** Each case its own seeded stream: a case is the same whichever batch, thread or order makes it. */
const caseRandom = (seed: number, n: number) => mulberry32((Math.imul(n + 1, 0x9e3779b1) + seed) >>> 0);

const tailHashes = new WeakMap<PersonalDataCipher, Map<string, string>>();

/**
 * Cases `from` … `to` - 1 of the plan: each taken through the core (simulateCase), its applicant's
 * identity number and phone encrypted, its supervision cards issued by the horizon.
 */
export function generateBatch(
  plan: HallPlan,
  cipher: PersonalDataCipher,
  from: number,
  to: number,
  calendar: WorkCalendar,
): GeneratedBatch {
  const { setup, days } = plan;
  const horizon = new Date(plan.horizon);
  const byDepartment = new Map<string, ServiceItem[]>();
  for (const i of setup.items) byDepartment.set(i.department, [...(byDepartment.get(i.department) ?? []), i]);
  // Hash the four digits once per distinct tail: 10,000 tails at most.
  const tails = tailHashes.get(cipher) ?? new Map<string, string>();
  tailHashes.set(cipher, tails);
  const cases: ImportedCase[] = [];
  let events = 0;
  let cards = 0;
  for (let n = from; n < to; n++) {
    const random = caseRandom(plan.seed, n);
    const day = days[Math.floor((n * days.length) / plan.cases)] as IsoDate;
    const window = pick(random, setup.windows);
    const item = pick(random, byDepartment.get(window.department) ?? setup.items);
    const received = on(day, int(random, 0, 540));
    const state = simulateCase({
      caseId: timeOrderedId(received, random),
      window,
      item,
      received,
      receivedOn: day,
      staff: setup.staff.get(window.id) ?? [],
      managerId: setup.managerId,
      horizon,
      random,
      calendar,
    });
    const person = applicant(random);
    const tail = person.phone.slice(-4);
    const tailHash = tails.get(tail) ?? cipher.phoneTailHash(tail);
    tails.set(tail, tailHash);
    const caseCards = supervise(state.history, item, calendar, horizon);
    events += state.history.length;
    cards += caseCards.length;
    cases.push({
      caseNumber: `${day.replaceAll('-', '')}${String(n + 1).padStart(8, '0')}`,
      applicantName: person.name,
      idNumberEnc: cipher.encrypt(person.idNumber),
      phoneEnc: cipher.encrypt(person.phone),
      phoneTailHash: tailHash,
      state,
      cards: caseCards,
    });
  }
  return { cases, events, cards };
}

/** Worker threads making batches, each request answered in turn by the next worker. */
function workerPool(plan: HallPlan, dataKey: Buffer, count: number) {
  // The worker is TypeScript like everything here: it registers tsx's loader before importing it (a
  // loader registered in this thread does not carry over to workers on Node 20).
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./hall-generator-worker.ts', import.meta.url).href)}); })`;
  const workers = Array.from(
    { length: count },
    () => new Worker(boot, { eval: true, workerData: { plan, dataKey: new Uint8Array(dataKey) } }),
  );
  const waiting = new Map<number, { resolve: (b: GeneratedBatch) => void; reject: (e: unknown) => void }>();
  const fail = (e: unknown) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  for (const w of workers) {
    w.on('message', (m: { id: number; batch?: GeneratedBatch; error?: string }) => {
      const k = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.batch) k?.resolve(m.batch);
      else k?.reject(new Error(m.error));
    });
    w.on('error', fail);
  }
  let next = 0;
  return {
    make(from: number, to: number): Promise<GeneratedBatch> {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[id % count]?.postMessage({ id, from, to });
      });
    },
    close: () => Promise.all(workers.map((w) => w.terminate())),
  };
}

/**
 * Generates `cases` cases received over the working days of `fromYear` … `year` (evenly, in order) and
 * writes them with their cards, batch by batch, each batch one transaction (CaseRepository.importCases).
 * The horizon is the end of `year`: later steps are not taken. With `workers`, worker threads simulate the
 * next batches while this thread writes the current one.
 */
export async function generateHallYear(
  repos: Repositories,
  cipher: PersonalDataCipher,
  setup: HallSetup,
  options: HallGeneratorOptions,
): Promise<{ cases: number; events: number; cards: number }> {
  const plan = planHall(setup, options);
  const batchSize = options.batch ?? 2000;
  const workers = options.workers ?? 0;
  if (workers > 0 && !options.dataKey) throw new Error('生成器的工作线程需要数据密钥（dataKey）');
  const calendar = cachedCalendar(officialCalendar);
  const pool = workers > 0 && options.dataKey ? workerPool(plan, options.dataKey, workers) : null;
  const make = (from: number, to: number) =>
    pool ? pool.make(from, to) : Promise.resolve(generateBatch(plan, cipher, from, to, calendar));
  let written = options.startAt ?? 0;
  let events = 0;
  let cards = 0;
  let from = written;
  const ahead: Promise<GeneratedBatch>[] = [];
  const request = () => {
    if (from >= options.cases) return;
    const to = Math.min(options.cases, from + batchSize);
    const batch = make(from, to);
    // Handled when its turn comes; until then a failure must not count as unhandled.
    batch.catch(() => {});
    ahead.push(batch);
    from = to;
  };
  try {
    for (let k = 0; k < Math.max(1, 2 * workers); k++) request();
    for (let batch = ahead.shift(); batch; batch = ahead.shift()) {
      const b = await batch;
      request();
      await repos.cases.importCases(b.cases, null);
      written += b.cases.length;
      events += b.events;
      cards += b.cards;
      options.progress?.(written);
    }
  } finally {
    await pool?.close();
  }
  return { cases: written, events, cards };
}
