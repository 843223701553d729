import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLine, normalizeText } from './normalize.ts';

describe('normalizeLine', () => {
  it('turns full-width digits and punctuation into ASCII and keeps Chinese quotes', () => {
    expect(normalizeLine('收入１２３．４５万元（含），：“三公”').text).toBe('收入123.45万元(含)，:“三公”');
  });
  it('replaces CJK radicals with the ideographs they stand in for', () => {
    expect(normalizeLine('⻓期⻔户⻚⾯').text).toBe('长期门户页面');
  });
  it('removes Word debris and maps columns back to the original', () => {
    const raw = '<!--[if !supportLists]-->一、<!--[endif]-->部门职责&nbsp;情况';
    const n = normalizeLine(raw);
    expect(n.text).toBe('一、部门职责 情况');
    expect(raw[n.map[2] as number]).toBe('部');
    expect(raw[n.map[n.text.length - 1] as number]).toBe('况');
  });
  it('keeps the map as long as the text for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const n = normalizeLine(s);
        expect(n.map.length).toBe(n.text.length);
        for (const c of n.map) expect(c).toBeLessThan(Math.max(s.length, 1));
      }),
    );
  });
  it('normalises whole texts line by line', () => {
    expect(normalizeText('１\n２')).toBe('1\n2');
  });
});
