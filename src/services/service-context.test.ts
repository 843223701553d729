import { describe, expect, it } from 'vitest';
import { serviceConfigFromEnv } from './service-context.ts';

describe('serviceConfigFromEnv', () => {
  it('reads ZHENGWU_WARNING_DAYS, 1 when unset', () => {
    expect(serviceConfigFromEnv({})).toEqual({ warningDays: 1 });
    expect(serviceConfigFromEnv({ ZHENGWU_WARNING_DAYS: ' 3 ' })).toEqual({ warningDays: 3 });
    expect(serviceConfigFromEnv({ ZHENGWU_WARNING_DAYS: '0' })).toEqual({ warningDays: 0 });
  });

  it('refuses anything but 0 to 10, in Chinese', () => {
    for (const bad of ['-1', '11', '1.5', 'two', '1e1'])
      expect(() => serviceConfigFromEnv({ ZHENGWU_WARNING_DAYS: bad })).toThrow(
        `ZHENGWU_WARNING_DAYS 应为 0 到 10 的整数（0 表示不预警），收到“${bad}”。`,
      );
  });
});
