import { existsSync, readFileSync } from 'node:fs';
import { REPORTS_DIR } from './reports-dir.ts';

/** One scenario's outcome, read from Playwright's JSON report. */
export interface ScenarioResult {
  title: string;
  file: string;
  line: number;
  tags: string[];
  /** passed, failed, skipped, or flaky (failed, then passed on retry). */
  outcome: 'passed' | 'failed' | 'skipped' | 'flaky';
  error: string | undefined;
  /** Files attached by the last attempt: evidence screenshots, the trace of a failure. */
  attachments: { name: string; path: string }[];
}

interface JsonSpec {
  title: string;
  file: string;
  line: number;
  tags: string[];
  tests: {
    status: 'expected' | 'unexpected' | 'flaky' | 'skipped';
    results: { error?: { message?: string }; attachments?: { name: string; path?: string }[] }[];
  }[];
}
interface JsonSuite {
  title: string;
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}

export const PLAYWRIGHT_RESULTS = `${REPORTS_DIR}/playwright-results.json`;

const OUTCOMES = { expected: 'passed', unexpected: 'failed', flaky: 'flaky', skipped: 'skipped' } as const;

export function readScenarioResults(path = PLAYWRIGHT_RESULTS): ScenarioResult[] {
  if (!existsSync(path)) return [];
  const report = JSON.parse(readFileSync(path, 'utf8')) as { suites: JsonSuite[] };
  const results: ScenarioResult[] = [];
  const walk = (suite: JsonSuite, parents: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const error = test.results.find((r) => r.error?.message)?.error?.message;
        results.push({
          title: [...parents, spec.title].filter(Boolean).join(' › '),
          file: spec.file,
          line: spec.line,
          tags: spec.tags.map((tag) => tag.replace(/^@/, '')),
          outcome: OUTCOMES[test.status],
          error: error && stripAnsi(error),
          attachments: (test.results.at(-1)?.attachments ?? []).flatMap(({ name, path }) =>
            path ? [{ name, path }] : [],
          ),
        });
      }
    }
    for (const child of suite.suites ?? [])
      walk(child, suite.title.endsWith('.spec.js') ? parents : [...parents, suite.title]);
  };
  for (const suite of report.suites) walk(suite, []);
  return results;
}

export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
