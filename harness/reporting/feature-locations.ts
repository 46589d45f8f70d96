import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Location, Reporter, TestCase, TestResult, TestStep } from '@playwright/test/reporter';

/** One test's entry in the data bddgen writes at the end of each generated spec (between its two markers). */
interface BddTestData {
  pwTestLine: number;
  steps: { pwStepLine: number; gherkinStepLine: number }[];
}

export interface SpecMap {
  feature: string;
  /** Per test (by its line in the spec), each Gherkin step's line in the feature by its call's line in the spec. */
  tests: Map<number, Map<number, number>>;
}

/**
 * Reads bddgen's output: its first line names the feature, and each line between `// bdd-data-start` and
 * `// bdd-data-end` is one test's JSON. playwright-bdd 9.2 keeps its own reader of it (BddDataExtractor) private.
 */
export function readSpecMap(specText: string): SpecMap | undefined {
  const lines = specText.split('\n');
  const feature = /^\/\/ Generated from: (.+)$/.exec(lines[0] ?? '')?.[1]?.trim();
  const start = lines.findIndex((l) => l.endsWith('// bdd-data-start'));
  const end = lines.findIndex((l) => l.endsWith('// bdd-data-end'));
  if (!feature || start < 0 || end < start) return undefined;
  const tests = new Map<number, Map<number, number>>();
  for (const line of lines.slice(start + 1, end)) {
    const data = JSON.parse(line.trim().replace(/,$/, '')) as BddTestData;
    tests.set(data.pwTestLine, new Map(data.steps.map((s) => [s.pwStepLine, s.gherkinStepLine])));
  }
  return { feature, tests };
}

/** Where a Gherkin step of a generated test is written in its feature file; undefined for any other step. */
export function featureLocation(map: SpecMap, testLine: number, step: Location): Location | undefined {
  const line = map.tests.get(testLine)?.get(step.line);
  return line === undefined ? undefined : { file: resolve(map.feature), line, column: 1 };
}

/**
 * Points each Gherkin step of a Playwright result at its line in the `.feature` file rather than at the generated
 * spec, so the HTML report (listed right after this reporter) shows `features/sign-in.feature:14`. playwright-bdd 9.2 runs
 * steps with the spec's location and has no option for it (vitalets/playwright-bdd#181).
 */
export default class FeatureLocations implements Reporter {
  readonly #maps = new Map<string, SpecMap | undefined>();

  #mapOf(specFile: string): SpecMap | undefined {
    if (!this.#maps.has(specFile)) {
      let map: SpecMap | undefined;
      try {
        map = readSpecMap(readFileSync(specFile, 'utf8'));
      } catch {
        map = undefined;
      }
      this.#maps.set(specFile, map);
    }
    return this.#maps.get(specFile);
  }

  readonly #ended: [TestCase, TestResult][] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    this.#ended.push([test, result]);
  }

  /**
   * At the end, not as each test ends: the Cucumber reporters (listed before this one) find each Gherkin step by its
   * place in the spec, and must have finished with the steps before they are pointed elsewhere.
   */
  onEnd(): void {
    for (const [test, result] of this.#ended) this.#rewrite(test, result);
  }

  #rewrite(test: TestCase, result: TestResult): void {
    if (!test.location.file.endsWith('.feature.spec.js')) return;
    const map = this.#mapOf(test.location.file);
    if (!map) return;
    const rewrite = (step: TestStep) => {
      if (step.location && relative(step.location.file, test.location.file) === '') {
        const location = featureLocation(map, test.location.line, step.location);
        if (location) (step as { location?: Location }).location = location;
      }
      step.steps.forEach(rewrite);
    };
    result.steps.forEach(rewrite);
  }

  printsToStdio(): boolean {
    return false;
  }
}
