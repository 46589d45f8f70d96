import { relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { FullConfig, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { causeKey, driftLine, OUTCOME_ATTACHMENT, readOutcomeBody } from '../scenario/outcome.ts';
import { FINDING_ATTACHMENT, findingKey, findingLine, readFindingBody } from '../scenario/finding.ts';
import { groupCauses, type FailedCheck } from './cause-groups.ts';
import { PLAYWRIGHT_ATTEMPT, scenarioStatus, type ScenarioStatus } from './scenario-outcome.ts';

/**
 * What `npm run guide` prints while it runs: progress, each cause of failure once as it is first met, and at the end
 * the failed scenarios grouped by cause.
 * Attachments, code frames and traces are the reports' (the verdict table and the "what changed" digest follow from
 * scripts/guide.ts). GUIDE_TERMINAL=full gives Playwright's own list of every scenario with its whole error.
 */
export interface FailedScenario {
  /** The feature file and the scenario's name, as a QA engineer finds it. */
  where: string;
  /** Its failed checks in the order they failed: at least one. */
  checks: TerminalCheck[];
}

/** A failed check in the words every report uses, and what makes two checks one cause (harness/reporting/cause-groups.ts). */
export interface TerminalCheck extends FailedCheck {
  line: string;
}

/** A group of failed scenarios with one cause, in the order the causes were first met. */
export interface CauseGroup {
  cause: string;
  scenarios: string[];
}

/** How many scenarios each cause lists before "and N more": the reports list them all. */
export const SCENARIOS_PER_CAUSE = 3;

export function groupByCause(failed: FailedScenario[]): CauseGroup[] {
  return groupCauses(failed.map((f) => f.checks)).map((group) => ({
    cause: group.first.line,
    scenarios: group.scenarios.map((i) => failed[i]!.where),
  }));
}

/** The lines printed at the end of the run for its failed scenarios: a cause, then where it was met. */
export function causeLines(groups: CauseGroup[], reportsDir: string): string[] {
  if (groups.length === 0) return [];
  const total = groups.reduce((sum, g) => sum + g.scenarios.length, 0);
  const lines = [`\n${total} scenario(s) failed, by cause (${groups.length}):`];
  groups.forEach((group, i) => {
    lines.push(`  ${i + 1}. ${group.cause}`);
    for (const where of group.scenarios.slice(0, SCENARIOS_PER_CAUSE)) lines.push(`     ✘ ${where}`);
    const more = group.scenarios.length - SCENARIOS_PER_CAUSE;
    if (more > 0) lines.push(`     … and ${more} more`);
  });
  lines.push(`  Every failure with its pictures and trace: ${reportsDir}/playwright-html/index.html`);
  return lines;
}

/** The failed checks a failed result carries: its outcome records, else its findings, else its error. */
export function checksOf(result: Pick<TestResult, 'attachments' | 'errors'>): TerminalCheck[] {
  const bodies = (name: string) =>
    result.attachments.flatMap((a) => (a.name === name && a.body ? [a.body.toString('utf8')] : []));
  const records = bodies(OUTCOME_ATTACHMENT).map((body) => readOutcomeBody(body, 'a failed scenario'));
  if (records.length > 0) {
    return records.map((read) => ({
      line: `${read.guideStep}: ${driftLine(read)}`,
      key: causeKey(read),
      guideStep: read.guideStep,
      namesAChange: read.rewrite !== undefined,
    }));
  }
  const findings = bodies(FINDING_ATTACHMENT).map((body) => readFindingBody(body, 'a failed scenario'));
  if (findings.length > 0) {
    // Each finding is a cause of its own: a site can break two promises in one scenario.
    return findings.map((read) => ({
      line: `${read.guideStep}: ${findingLine(read)}`,
      key: findingKey(read),
      guideStep: read.guideStep,
      namesAChange: true,
    }));
  }
  const message = stripVTControlCharacters(result.errors[0]?.message ?? 'failed, with no message');
  const line = message.trim().split('\n')[0] ?? 'failed';
  return [{ line, key: line, guideStep: '', namesAChange: true }];
}

/** `features/x.feature › Scenario`: the generated spec named back as the feature it was compiled from. */
export function whereOf(test: Pick<TestCase, 'location' | 'title'>, rootDir: string): string {
  const file = relative(rootDir, test.location.file)
    .replace(/^\.features-gen\//, '')
    .replace(/\.spec\.js$/, '');
  return `${file} › ${test.title}`;
}

/**
 * What a test's end means here: its first attempt is the verdict (harness/reporting/scenario-outcome.ts), so a failure
 * whose evidence run follows is told once that run ends; one that passed on it is flaky, a failure.
 */
export function terminalVerdict(
  test: Pick<TestCase, 'results' | 'retries'>,
  result: Pick<TestResult, 'retry' | 'status'>,
): ScenarioStatus | 'to follow' {
  const attempts = test.results.map((r) => PLAYWRIGHT_ATTEMPT[r.status]);
  if (attempts[0] === 'failed' && result.retry < test.retries) return 'to follow';
  return scenarioStatus(attempts);
}

/** How often a run without a terminal to redraw (CI) says how far it is: every this many scenarios. */
const PROGRESS_EVERY = 10;

export default class CompactTerminal implements Reporter {
  #total = 0;
  #done = 0;
  #passed = 0;
  #skipped = 0;
  #rootDir = process.cwd();
  readonly #failed: FailedScenario[] = [];
  readonly #tty = Boolean(process.stdout.isTTY);
  readonly #reportsDir = process.env.GUIDE_REPORTS_DIR ?? 'reports';

  onBegin(config: FullConfig, suite: Suite): void {
    this.#total = suite.allTests().length;
    this.#rootDir = config.rootDir;
    console.log(`Verifying the guide: ${this.#total} scenario(s) on ${config.workers} worker(s).`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const verdict = terminalVerdict(test, result);
    if (verdict === 'to follow') return;
    this.#done++;
    if (verdict === 'skipped') this.#skipped++;
    else if (verdict === 'passed') this.#passed++;
    else {
      // The first attempt is the verdict, and its cause the failure's: the evidence run only adds the trace.
      const first = test.results[0] ?? result;
      const failed = { where: whereOf(test, this.#rootDir), checks: checksOf(first) };
      if (verdict === 'flaky') failed.where += ' (passed on its evidence run: flaky)';
      // Each cause is said once as it is first met; the scenarios it fails are listed by cause at the end.
      const met = new Set(this.#failed.flatMap((earlier) => earlier.checks.map((c) => c.key)));
      if (!failed.checks.some((c) => met.has(c.key))) {
        this.#clearProgress();
        console.log(`  ✘ ${failed.checks[0]!.line}\n      first met in ${failed.where}`);
      }
      this.#failed.push(failed);
    }
    this.#progress();
  }

  onEnd(): void {
    this.#clearProgress();
    const failed = this.#failed.length;
    console.log(
      `Ran ${this.#done} of ${this.#total} scenario(s): ${this.#passed} passed, ${failed} failed, ${this.#skipped} skipped.`,
    );
    for (const line of causeLines(groupByCause(this.#failed), this.#reportsDir)) console.log(line);
  }

  onError(error: { message?: string }): void {
    this.#clearProgress();
    console.error(stripVTControlCharacters(error.message ?? 'An error outside any scenario.'));
  }

  printsToStdio(): boolean {
    return true;
  }

  #line(): string {
    return `[${this.#done}/${this.#total}] ${this.#passed} passed, ${this.#failed.length} failed, ${this.#skipped} skipped`;
  }

  #progress(): void {
    if (this.#tty) process.stdout.write(`\r${this.#line()}`);
    // The last one too: the line a QA engineer re-running one scenario waits for (the reports follow).
    else if (this.#done % PROGRESS_EVERY === 0 || this.#done === this.#total) console.log(this.#line());
  }

  #clearProgress(): void {
    if (this.#tty) process.stdout.write('\r\u001b[2K');
  }
}
