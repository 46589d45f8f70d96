import { existsSync, readFileSync } from 'node:fs';

/** Where cucumber-js writes its Cucumber JSON (cucumber.mjs). */
export const CUCUMBER_JS_JSON = 'reports/cucumber-js/report.json';

/** One scenario's outcome, read from a Cucumber JSON report: cucumber-js's own, or the one playwright-bdd writes. */
export interface CucumberOutcome {
  /** `features/x.feature:12 Scenario name`: the line of the scenario, or of its example row. */
  key: string;
  outcome: 'passed' | 'failed' | 'not run';
}

interface JsonFeature {
  uri: string;
  elements?: { name: string; line: number; type: string; before?: Step[]; steps?: Step[]; after?: Step[] }[];
}
interface Step {
  result?: { status?: string };
}

export function readCucumberOutcomes(path: string): CucumberOutcome[] | undefined {
  if (!existsSync(path)) return undefined;
  const features = JSON.parse(readFileSync(path, 'utf8')) as JsonFeature[];
  return features.flatMap((feature) =>
    (feature.elements ?? [])
      .filter((element) => element.type === 'scenario')
      .map((element) => {
        const steps = [...(element.before ?? []), ...(element.steps ?? []), ...(element.after ?? [])];
        const statuses = steps.map((step) => step.result?.status ?? 'unknown');
        const outcome = statuses.some((s) => s !== 'passed' && s !== 'skipped')
          ? 'failed'
          : statuses.some((s) => s === 'passed')
            ? 'passed'
            : 'not run';
        return { key: `${feature.uri.replace(/^\.\//, '')}:${element.line} ${element.name}`, outcome } as const;
      }),
  );
}

/** Lines saying where two runs disagree: a scenario only one of them ran, or a different outcome. */
export function compareOutcomes(
  [nameA, a]: [string, { key: string; outcome: string }[]],
  [nameB, b]: [string, { key: string; outcome: string }[]],
): string[] {
  const byKeyB = new Map(b.map((o) => [o.key, o.outcome]));
  const keysA = new Set(a.map((o) => o.key));
  return [
    ...a.flatMap(({ key, outcome }) => {
      const other = byKeyB.get(key);
      if (other === undefined) return [`only ${nameA} has ${key}`];
      return other === outcome ? [] : [`${key}: ${outcome} under ${nameA}, ${other} under ${nameB}`];
    }),
    ...b.filter((o) => !keysA.has(o.key)).map((o) => `only ${nameB} has ${o.key}`),
  ];
}
