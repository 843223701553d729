import { describe, expect, it } from 'vitest';
import { businessRegistrationItem as item, registrationCompletion } from './business-registration.ts';
import { type JointCase, moveSubCase, startJointCase } from './joint-case.ts';
import { validateServiceItem } from './service-item.ts';
import { usccCheckChar } from './uscc.ts';

const ctx = { now: new Date('2024-03-04T02:00:00Z'), actorId: 'lead' };

function allDone(): JointCase {
  const departments = [item.department, ...item.jointDepartments];
  const windows = Object.fromEntries(departments.map((d, i) => [d, `W${i}`]));
  const r = startJointCase({ caseId: 'J', item, leadWindowId: 'W0', windows }, ctx);
  if (!r.ok) throw new Error(r.message);
  let j = r.joint;
  for (const d of departments) {
    for (const [move, text] of [
      ['start', null],
      ['complete', '同意'],
    ] as const) {
      const m = moveSubCase(j, d, move, text, ctx);
      if (!m.ok) throw new Error(m.message);
      j = m.joint;
    }
  }
  return j;
}

describe('三证合一 / 一照一码 business registration', () => {
  it('is a valid joint item', () => {
    expect(validateServiceItem(item)).toEqual({ ok: true, item });
  });

  it('completes with a valid unified social credit code', () => {
    const r = registrationCompletion(allDone(), '91350100M000100Y43');
    expect(r).toEqual({
      ok: true,
      warnings: [],
      action: {
        type: 'complete',
        result: '核发营业执照，统一社会信用代码 91350100M000100Y43',
        subCases: [item.department, ...item.jointDepartments].map((department) => ({
          department,
          status: 'completed',
        })),
      },
    });
  });

  it('refuses a corrupted code, and warns about a broken organisation code', () => {
    expect(registrationCompletion(allDone(), '91350100M000100Y44')).toEqual({
      ok: false,
      message: '统一社会信用代码校验码不符，请核对代码',
    });
    const body = '91130303M000100Y5';
    const r = registrationCompletion(allDone(), body + usccCheckChar(body));
    expect(r.ok && r.warnings).toEqual(['主体标识码（组织机构代码）的校验码不符，请核对']);
  });
});
