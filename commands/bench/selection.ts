// Which scenarios the benchmark times: the suite (all, or --limit of them spread evenly), half of it, and the one a
// QA engineer re-runs; and how each selection is passed to the floor, Playwright and cucumber-js.
import { toGeneratedSpecs } from '../../harness/config/feature-selection.ts';
import type { WrittenScenario } from '../../harness/guide/features.ts';
import { hasOwnJourney } from './journeys.ts';

export type SizeName = 'one' | 'half' | 'whole';

export interface BenchSelection {
  all: WrittenScenario[];
  /** "The suite": every scenario, or --limit of them. */
  measured: WrittenScenario[];
  half: WrittenScenario[];
  /** The guide's first scenario, sign-in.feature's first. */
  first: WrittenScenario;
  /** One and the suite (and half of it, in the long form): the sizes the fits of start-up and marginal cost are drawn through. */
  sizes: { name: SizeName; scenarios: WrittenScenario[] }[];
}

export function benchSelection(all: WrittenScenario[], limit?: number, long = false): BenchSelection {
  if (all.length === 0) throw new Error('No scenario is written in features/: nothing to time.');
  /** Evenly spread over the feature files (they are read in order), so a limited suite keeps roughly the same mix. */
  const bucket = (i: number) => Math.floor((i * (limit ?? all.length)) / all.length);
  const measured = limit && limit < all.length ? all.filter((_, i) => bucket(i) !== bucket(i - 1)) : all;
  const half = measured.filter((_, i) => i % 2 === 0);
  const first = all.find((s) => s.file === 'features/strengthening-account-security/sign-in.feature') ?? all[0]!;
  return {
    all,
    measured,
    half,
    first,
    sizes: [
      { name: 'one', scenarios: [first] },
      // A straight line needs two sizes; the long form's third says whether the growth is one.
      ...(long ? [{ name: 'half' as const, scenarios: half }] : []),
      { name: 'whole', scenarios: measured },
    ],
  };
}

export const location = (s: WrittenScenario) => `${s.file}:${s.line}`;

/** How many scenarios each feature file has. */
export const perFeature = (all: WrittenScenario[]) =>
  Object.fromEntries(
    [...new Set(all.map((s) => s.file))].map((file) => [file, all.filter((s) => s.file === file).length]),
  );

/** `playwright test` arguments for a selection: none for the whole suite, generated spec lines otherwise. */
export const specsOf = (scenarios: WrittenScenario[], all: WrittenScenario[]) =>
  scenarios.length === all.length ? [] : toGeneratedSpecs(scenarios.map(location), all);

/** cucumber-js arguments for a selection: none for the whole suite, `file:line`s otherwise. */
export const featureArgsOf = (scenarios: WrittenScenario[], all: WrittenScenario[]) =>
  scenarios.length === all.length ? [] : scenarios.map(location);

/**
 * The floor's mix is the suite's: each scenario is given as `<feature file>#<its place among the file's scenarios>`,
 * and the floor runs the journey of that place in the file's plan (commands/bench/journeys.ts), so any selection costs
 * the floor what the same scenarios cost the browser.
 */
export const floorArgsOf = (scenarios: WrittenScenario[], all: WrittenScenario[]) =>
  scenarios.map((s) => `${s.file}#${all.filter((other) => other.file === s.file).indexOf(s)}`);

/** The note for feature files whose scenarios the floor times with another file's journey. */
export function borrowedJourneys(scenarios: WrittenScenario[]): string {
  const without = [...new Set(scenarios.map((s) => s.file).filter((file) => !hasOwnJourney(file)))];
  return without.length ? `; ${without.join(', ')} without a journey of its own: choose-profile's stands in` : '';
}
