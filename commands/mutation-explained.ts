// The mutants of the focused scope that survive on purpose, each with why no test should kill it (an equivalent
// mutant, words only a person reads). `npm run mutation` fails on any survivor not listed here (commands/mutation-report.ts).

/**
 * A survivor is found by its file, Stryker's mutator and the code it replaced, never by line: an edit elsewhere in the
 * file keeps the explanation. `replacement` tells apart mutants of the same code when only one of them is explained.
 */
export interface Explanation {
  file: string;
  /** Stryker's mutator name: ConditionalExpression, StringLiteral, EqualityOperator, … */
  mutator: string;
  /** The code Stryker replaced, as written (whitespace is collapsed before comparing). */
  original: string;
  replacement?: string;
  /** Why the mutant may live, in one sentence. */
  reason: string;
}

export const EXPLAINED: readonly Explanation[] = [];
