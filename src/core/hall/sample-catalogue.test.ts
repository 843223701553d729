import { describe, expect, it } from 'vitest';
import { sampleItems } from './sample-catalogue.ts';
import { validateCatalogue } from './service-item.ts';

describe('the sample catalogue', () => {
  it('is valid and has an immediate, a committed and an escalated item', () => {
    expect(validateCatalogue(sampleItems)).toEqual({ ok: true, items: sampleItems });
    expect(sampleItems.map((i) => i.kind)).toEqual(['immediate', 'committed', 'escalated']);
  });
});
