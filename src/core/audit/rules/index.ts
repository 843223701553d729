/** Every audit rule, in report order. */
import type { Rule } from '../rule.ts';
import { arithmeticRules } from './arithmetic.ts';
import { completenessRules } from './completeness.ts';
import { crossSectionRules } from './cross-section.ts';
import { plausibilityRules } from './plausibility.ts';
import { timeRules } from './time.ts';
import { wordingRules } from './wording.ts';

export const ALL_RULES: readonly Rule[] = [
  ...completenessRules,
  ...arithmeticRules,
  ...crossSectionRules,
  ...timeRules,
  ...plausibilityRules,
  ...wordingRules,
];
