import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type DeadlineSubject,
  daysBetween,
  deadlineStatus,
  isOverdue,
  overdueList,
  publicationDeadline,
  shanghaiDate,
} from './deadlines.ts';

/** Midday in Beijing on a date. */
const noon = (date: string) => new Date(`${date}T12:00:00+08:00`);
const approved = (approvedAt: string): DeadlineSubject => ({
  status: 'approved',
  approvedAt,
  publishedAt: null,
});

describe('the publication deadline (批复后20日内)', () => {
  it('is 20 calendar days after the approval date: 2018-01-25 → 2018-02-14, overdue from 02-15', () => {
    expect(publicationDeadline('2018-01-25')).toBe('2018-02-14');
    const b = approved('2018-01-25');
    expect(deadlineStatus(b, noon('2018-02-13'))).toEqual({
      state: 'due',
      deadline: '2018-02-14',
      daysRemaining: 1,
    });
    expect(deadlineStatus(b, noon('2018-02-14'))).toEqual({
      state: 'due',
      deadline: '2018-02-14',
      daysRemaining: 0,
    });
    expect(isOverdue(b, noon('2018-02-14'))).toBe(false);
    expect(isOverdue(b, noon('2018-02-15'))).toBe(true);
    expect(deadlineStatus(b, noon('2018-02-15'))).toEqual({
      state: 'overdue',
      deadline: '2018-02-14',
      daysOverdue: 1,
    });
  });

  it('crosses month and year ends, and February in leap and common years', () => {
    expect(publicationDeadline('2018-01-31')).toBe('2018-02-20');
    expect(publicationDeadline('2019-02-10')).toBe('2019-03-02');
    expect(publicationDeadline('2020-02-10')).toBe('2020-03-01');
    expect(publicationDeadline('2020-02-09')).toBe('2020-02-29');
    expect(publicationDeadline('2018-12-20')).toBe('2019-01-09');
    expect(publicationDeadline('2018-04-30')).toBe('2018-05-20');
  });

  it('takes the number of days as configured', () => {
    expect(publicationDeadline('2018-01-25', 15)).toBe('2018-02-09');
    expect(isOverdue(approved('2018-01-25'), noon('2018-02-10'), 15)).toBe(true);
    expect(isOverdue(approved('2018-01-25'), noon('2018-02-10'))).toBe(false);
    expect(() => publicationDeadline('2018-01-25', -1)).toThrow(RangeError);
    expect(() => publicationDeadline('2018-01-25', 2.5)).toThrow(RangeError);
  });

  it('counts approval timestamps by their date in Shanghai, not in UTC', () => {
    // 2018-01-25 23:30 in Beijing is 15:30 UTC the same day; 00:30 on the 26th is 16:30 UTC on the 25th.
    expect(publicationDeadline('2018-01-25T15:30:00Z')).toBe('2018-02-14');
    expect(publicationDeadline('2018-01-25T16:30:00Z')).toBe('2018-02-15');
    expect(publicationDeadline(new Date('2018-01-24T16:00:00Z'))).toBe('2018-02-14');
    expect(publicationDeadline('2018-01-25T08:00:00+08:00')).toBe('2018-02-14');
  });

  it('turns overdue at midnight in Shanghai (16:00 UTC), whatever the server’s zone', () => {
    const b = approved('2018-01-25T09:00:00+08:00');
    expect(isOverdue(b, new Date('2018-02-14T15:59:59.999Z'))).toBe(false);
    expect(isOverdue(b, new Date('2018-02-14T16:00:00Z'))).toBe(true);
  });

  it('refuses timestamps without a zone and dates that do not exist', () => {
    expect(() => shanghaiDate('2018-01-25T10:00:00')).toThrow(RangeError);
    expect(() => shanghaiDate('2018-02-30')).toThrow(RangeError);
    expect(() => shanghaiDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('runs only for approved budgets; a published one reports whether it was late', () => {
    const now = noon('2018-03-01');
    expect(deadlineStatus({ status: 'submitted', approvedAt: null, publishedAt: null }, now)).toEqual({
      state: 'notApplicable',
    });
    expect(deadlineStatus({ status: 'draft', approvedAt: null, publishedAt: null }, now).state).toBe(
      'notApplicable',
    );
    const onTime = {
      status: 'published',
      approvedAt: '2018-01-25',
      publishedAt: '2018-02-14T15:00:00Z',
    } as const;
    expect(deadlineStatus(onTime, now)).toEqual({
      state: 'published',
      deadline: '2018-02-14',
      publishedOn: '2018-02-14',
      daysLate: 0,
    });
    expect(isOverdue(onTime, now)).toBe(false);
    const late = { ...onTime, publishedAt: '2018-02-14T16:00:00Z' };
    expect(deadlineStatus(late, now)).toMatchObject({ publishedOn: '2018-02-15', daysLate: 1 });
  });
});

describe('the overdue list', () => {
  it('lists approved, unpublished budgets past their deadline, most overdue first', () => {
    const budgets = [
      { id: 'a', ...approved('2018-01-25') }, // deadline 02-14: 14 days overdue on 02-28
      { id: 'b', ...approved('2018-02-05') }, // deadline 02-25: 3 days
      { id: 'c', ...approved('2018-02-08') }, // deadline 02-28: due today
      { id: 'd', ...approved('2018-01-01') }, // deadline 01-21: 38 days
      {
        id: 'e',
        status: 'published',
        approvedAt: '2018-01-01',
        publishedAt: '2018-02-20T00:00:00Z',
      } as const,
      { id: 'f', status: 'submitted', approvedAt: null, publishedAt: null } as const,
      { id: 'g', ...approved('2018-02-05T10:00:00+08:00') }, // same as b
    ];
    const list = overdueList(budgets, noon('2018-02-28'));
    expect(list.map((o) => [o.budget.id, o.deadline, o.daysOverdue])).toEqual([
      ['d', '2018-01-21', 38],
      ['a', '2018-02-14', 14],
      ['b', '2018-02-25', 3],
      ['g', '2018-02-25', 3],
    ]);
  });
});

describe('date arithmetic', () => {
  it('adds days and counts them back, for any date and any number of days', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -1000, max: 1000 }),
        (d, n) => {
          const date = shanghaiDate(d);
          expect(daysBetween(date, addDays(date, n))).toBe(n);
          expect(addDays(addDays(date, n), -n)).toBe(date);
        },
      ),
    );
  });
});
