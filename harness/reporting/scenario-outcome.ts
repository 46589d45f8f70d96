import { guideStepIdsOf } from '../guide/features.ts';
import type { OutcomeRecord } from '../scenario/outcome.ts';
import type { FindingRecord } from '../scenario/finding.ts';
import type { AccessibilityRecord } from '../scenario/accessibility.ts';
import type { LookRecord } from './guide-looks.ts';
import type { NoteRecord } from '../scenario/note.ts';

/** What one attempt at a scenario came to, in any runner. */
export type AttemptStatus = 'passed' | 'failed' | 'skipped';

/** What each of Playwright's test statuses (its JSON report's and its reporter API's) comes to as an attempt. */
export const PLAYWRIGHT_ATTEMPT: Record<'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted', AttemptStatus> = {
  passed: 'passed',
  skipped: 'skipped',
  failed: 'failed',
  timedOut: 'failed',
  interrupted: 'failed',
};

/**
 * A scenario's first attempt is its verdict. flaky: failed, then passed on its evidence run (the traced second
 * attempt of a failure, harness/config/speed-options.ts), which fails the run as a failure does. not run: the report
 * has no attempt at it.
 */
export type ScenarioStatus = 'passed' | 'failed' | 'flaky' | 'skipped' | 'not run';

/** One scenario of a run, as every report reads it: the harness/*-outcomes readers make these. */
export interface ScenarioOutcome {
  /** The scenario as written: its feature file, the line of the scenario (or of its example row), its name. */
  scenario: { file: string; line: number; name: string };
  status: ScenarioStatus;
  /** Tags without "@". */
  tags: string[];
  /** The guide steps it is tagged with. */
  guideSteps: string[];
  /** What its failed checks found, in the order they failed, in its first attempt (the verdict): the guide drifting. */
  records: OutcomeRecord[];
  /** The guide steps it followed and found true (first attempt), where the runner's report has them. */
  held?: string[];
  /** Alternatives of a guide step's sentence that did not work while another did (first attempt): shown, never counted. */
  notes?: NoteRecord[];
  /** What it met of the site's own defects, which leave the guide true (harness/scenario/finding.ts); first attempt. */
  findings: FindingRecord[];
  /** The first attempt's error as the runner printed it: shown to people, never read for meaning. */
  error: string | undefined;
  /** What the accessibility scans of its guide steps' pages found (first attempt), where the runner's report has it. */
  accessibility?: AccessibilityRecord[];
  /** How its guide steps' pictures compare with the accepted ones (first attempt; guide-path scenarios only). */
  looks?: LookRecord[];
  /** Files attached by the first attempt (evidence screenshots, the failure's screenshot), and its evidence run's trace. */
  attachments: { name: string; path: string }[];
  /** A failed scenario's evidence run, where the runner made one or said why not (harness/config/speed-options.ts). */
  evidenceRun?: EvidenceRun;
  /** Why it was skipped, when it was and the runner's report says (a skip annotation). */
  skipReason?: string;
  /** Its test's id in the Playwright report (`index.html#?testId=…`), where the runner has one. */
  testId?: string;
}

/**
 * The traced second attempt of a failed scenario: what it came to and the records it left, apart from the verdict's;
 * or why the runner made none (the run's cap on evidence runs). Its trace is among the scenario's attachments.
 */
export type EvidenceRun = { ran: true; status: AttemptStatus; records: OutcomeRecord[] } | { ran: false; why: string };

/**
 * The one rule, for every runner, of what a scenario's attempts (in order) come to: the first attempt is the
 * verdict, whatever a later one does; a failure that passes on a later attempt is flaky, never passed.
 */
export function scenarioStatus(attempts: AttemptStatus[]): ScenarioStatus {
  const [first, ...later] = attempts;
  if (first === undefined) return 'not run';
  if (first === 'failed') return later.includes('passed') ? 'flaky' : 'failed';
  return first;
}

/** A failed scenario with no trace of its own: its trace is what a person opens first (the drift sweep checks it). */
export const hasTrace = (o: Pick<ScenarioOutcome, 'attachments'>) => o.attachments.some((a) => a.name === 'trace');

/** `features/x.feature:12 Scenario name`: how two runs of the same scenario find each other. */
export function scenarioKey({ scenario }: Pick<ScenarioOutcome, 'scenario'>): string {
  return `${scenario.file}:${scenario.line} ${scenario.name}`;
}

export function outcome(
  fields: Omit<ScenarioOutcome, 'guideSteps' | 'status' | 'findings'> & {
    attempts: AttemptStatus[];
    findings?: FindingRecord[];
  },
): ScenarioOutcome {
  const { attempts, findings = [], ...rest } = fields;
  return { ...rest, findings, status: scenarioStatus(attempts), guideSteps: guideStepIdsOf(rest) };
}

export const failed = (o: ScenarioOutcome) => o.status === 'failed' || o.status === 'flaky';

/**
 * Failed because of the site's findings only: no check of the guide failed, and the scenario met findings (a broken
 * security promise fails the scenario that checks it, as the site profile says). Such a failure says nothing against
 * the guide: its steps were followed.
 */
export const failedOnFindingsOnly = (o: ScenarioOutcome) =>
  failed(o) && o.records.length === 0 && o.findings.length > 0;

/** Failed for the guide: a check of the guide failed, or the scenario failed and nothing explains it. */
export const failedForTheGuide = (o: ScenarioOutcome) => failed(o) && !failedOnFindingsOnly(o);
/** Lines saying where two runs disagree: a scenario only one of them ran, or a different status. */
export function compareOutcomes(
  [nameA, a]: [string, ScenarioOutcome[]],
  [nameB, b]: [string, ScenarioOutcome[]],
): string[] {
  const byKeyB = new Map(b.map((o) => [scenarioKey(o), o.status]));
  const keysA = new Set(a.map(scenarioKey));
  return [
    ...a.flatMap((o) => {
      const key = scenarioKey(o);
      const other = byKeyB.get(key);
      if (other === undefined) return [`only ${nameA} has ${key}`];
      return other === o.status ? [] : [`${key}: ${o.status} under ${nameA}, ${other} under ${nameB}`];
    }),
    ...b.filter((o) => !keysA.has(scenarioKey(o))).map((o) => `only ${nameB} has ${scenarioKey(o)}`),
  ];
}

/** How many scenarios came to each status. */
export function tally(outcomes: ScenarioOutcome[]): Record<ScenarioStatus, number> {
  const counts = { passed: 0, failed: 0, flaky: 0, skipped: 0, 'not run': 0 };
  for (const o of outcomes) counts[o.status] += 1;
  return counts;
}
