import { describe, expect, it } from 'vitest';
import { beijingTime } from './time.ts';

describe('beijingTime', () => {
  it('shows UTC instants in Beijing time, 24-hour, whatever the machine zone', () => {
    expect(beijingTime('2024-06-02T16:30:00.000Z')).toBe('2024/6/3 00:30:00');
    expect(beijingTime('2024-06-03T01:05:09Z')).toBe('2024/6/3 09:05:09');
  });
});
