import { describe, expect, it } from 'vitest';
import { gradeOf } from './grade.ts';

describe('gradeOf', () => {
  it('keeps the text and reads its number', () => {
    expect(gradeOf('≥98%')).toEqual({ text: '≥98%', value: 98 });
    expect(gradeOf(' ＜９０％ ')).toEqual({ text: '＜９０％', value: 90 });
    expect(gradeOf('3.5天以内')).toEqual({ text: '3.5天以内', value: 3.5 });
    expect(gradeOf('按时完成')).toEqual({ text: '按时完成', value: null });
  });

  it('treats an empty input as no standard', () => {
    expect(gradeOf('   ')).toBeNull();
  });
});
