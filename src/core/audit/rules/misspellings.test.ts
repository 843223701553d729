import { describe, expect, it } from 'vitest';
import { findMisspellings } from './misspellings.ts';

describe('findMisspellings', () => {
  it('finds a dropped character in a standard term', () => {
    expect(findMisspellings('1、一般共预算拨款收入：指县级财政当年拨付的资金。')).toEqual([
      { found: '一般共预算', term: '一般公共预算', index: 2 },
    ]);
  });
  it('finds a changed character inside a long term', () => {
    expect(findMisspellings('机关运营经费为3万元').map((m) => m.term)).toEqual(['机关运行经费']);
  });
  it('accepts correct terms and accepted variants', () => {
    expect(
      findMisspellings('一般公共预算拨款收入；公务用车购置和运行费；机关运行费；政府性基金预算'),
    ).toEqual([]);
  });
});
