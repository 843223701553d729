import { describe, expect, it } from 'vitest';
import { parseCsv, samplePublished } from './test-support.ts';

describe('parseCsv (the tests’ RFC 4180 reader)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x,1","he said ""hi""","two\r\nlines"\r\n,\r\n')).toEqual([
      ['a', 'b'],
      ['x,1', 'he said "hi"', 'two\r\nlines'],
      ['', ''],
    ]);
    expect(parseCsv('a\r\nb')).toEqual([['a'], ['b']]);
  });

  it('rejects what RFC 4180 does not allow', () => {
    expect(() => parseCsv('a"b\r\n')).toThrow();
    expect(() => parseCsv('"a"b\r\n')).toThrow();
    expect(() => parseCsv('"open\r\n')).toThrow();
    expect(() => parseCsv('a\rb')).toThrow();
  });
});

describe('samplePublished', () => {
  it('is the 2018 sample budget of 山海关区政务服务中心', () => {
    const { meta, budget } = samplePublished();
    expect(budget.fiscalYear).toBe(meta.fiscalYear);
    expect(budget.stated.expenditureTotal?.fen).toBe(82_900_000);
  });
});
