import { existsSync, readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { readScenarios, type WrittenScenario } from '../guide/features.ts';
import { OUTCOME_ATTACHMENT, readOutcomeBody, type OutcomeRecord } from '../scenario/outcome.ts';
import { ACCESSIBILITY_ATTACHMENT, readAccessibilityBody } from '../scenario/accessibility.ts';
import { FINDING_ATTACHMENT, readFindingBody } from '../scenario/finding.ts';
import { readStepsHeldBody, STEPS_HELD_ATTACHMENT } from '../scenario/steps-held.ts';
import { NOTE_ATTACHMENT, readNoteBody } from '../scenario/note.ts';
import { LOOK_ATTACHMENT, readLookBody } from './guide-looks.ts';
import { reportPaths } from '../config/reports-dir.ts';
import { EVIDENCE_LEFT_OUT } from './evidence-budget.ts';
import { outcome, PLAYWRIGHT_ATTEMPT, type EvidenceRun, type ScenarioOutcome } from './scenario-outcome.ts';

/**
 * The reader of Playwright's JSON report: a single run's, or the one `playwright merge-reports` writes from a
 * sharded run's blobs (merge.config.ts), which has the same shape.
 */

interface JsonAttachment {
  name: string;
  contentType?: string;
  path?: string;
  /** Base64. */
  body?: string;
}
interface JsonAnnotation {
  type: string;
  description?: string;
}
interface JsonResult {
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  annotations?: JsonAnnotation[];
  error?: { message?: string };
  attachments?: JsonAttachment[];
}
interface JsonSpec {
  title: string;
  /** The generated test file, relative to the test folder: features/x.feature.spec.js. */
  file: string;
  tags: string[];
  /** The test's id, as the HTML report's `#?testId=` takes it. */
  id?: string;
  tests: { results: JsonResult[]; annotations?: JsonAnnotation[] }[];
}
interface JsonSuite {
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}

const GENERATED_SUFFIX = '.spec.js';

/** What a failure's evidence run adds to its scenario's files: what it was run for (harness/config/speed-options.ts). */
const EVIDENCE_RUN_FILES = new Set(['trace', 'video']);

/** Every scenario of the report, undefined when there is no report. */
export function readPlaywrightOutcomes(
  path = reportPaths().playwrightJson,
  written: WrittenScenario[] = readScenarios(),
): ScenarioOutcome[] | undefined {
  if (!existsSync(path)) return undefined;
  const report = JSON.parse(readFileSync(path, 'utf8')) as { suites?: JsonSuite[] };
  const specs: JsonSpec[] = [];
  const walk = (suite: JsonSuite) => {
    specs.push(...(suite.specs ?? []));
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);

  // The report gives lines of the generated file; the feature file's line is found by name, in written order.
  const taken = new Set<WrittenScenario>();
  return specs.flatMap((spec) =>
    spec.tests.map((test) => {
      const file = spec.file.endsWith(GENERATED_SUFFIX) ? spec.file.slice(0, -GENERATED_SUFFIX.length) : spec.file;
      const match = written.find((w) => !taken.has(w) && w.file === file && w.name === spec.title);
      if (match) taken.add(match);
      // The first attempt is the verdict; a second one is a failure's evidence run, kept apart.
      const [verdict, evidence] = test.results;
      const error = verdict && PLAYWRIGHT_ATTEMPT[verdict.status] === 'failed' ? verdict.error?.message : undefined;
      // The verdict's records of each kind, read back and checked by their own reader.
      const verdictOf = <T>(name: string, read: (body: string, where: string) => T): T[] =>
        (verdict?.attachments ?? []).filter((a) => a.name === name).map((a) => read(bodyOf(a), path));
      const accessibility = verdictOf(ACCESSIBILITY_ATTACHMENT, readAccessibilityBody);
      const looks = verdictOf(LOOK_ATTACHMENT, readLookBody);
      const findings = verdictOf(FINDING_ATTACHMENT, readFindingBody);
      const held = verdictOf(STEPS_HELD_ATTACHMENT, readStepsHeldBody).flat();
      const notes = verdictOf(NOTE_ATTACHMENT, readNoteBody);
      const skipReason = [...(verdict?.annotations ?? []), ...(test.annotations ?? [])].find(
        (a) => a.type === 'skip' && a.description,
      )?.description;
      const evidenceRun = evidenceRunOf(verdict, evidence, path);
      const files = (attachments: JsonAttachment[] = [], keep: (name: string) => boolean = () => true) =>
        attachments.flatMap(({ name, path: file }) => (file && keep(name) ? [{ name, path: file }] : []));
      return outcome({
        findings,
        ...(held.length && { held }),
        ...(notes.length && { notes }),
        ...(verdict?.status === 'skipped' && skipReason && { skipReason }),
        ...(accessibility.length && { accessibility }),
        ...(looks.length && { looks }),
        scenario: { file, line: match?.line ?? 0, name: spec.title },
        ...(spec.id && { testId: spec.id }),
        attempts: test.results.map((r) => PLAYWRIGHT_ATTEMPT[r.status]),
        tags: spec.tags.map((tag) => (tag.startsWith('@') ? tag.slice(1) : tag)),
        records: verdict ? recordsOf(verdict, path) : [],
        error: error && stripVTControlCharacters(error),
        attachments: [
          ...files(verdict?.attachments),
          ...files(evidence?.attachments, (name) => EVIDENCE_RUN_FILES.has(name)),
        ],
        ...(evidenceRun && { evidenceRun }),
      });
    }),
  );
}

/** The evidence run of a failed verdict: the second attempt, or the runner's note of why there was none. */
function evidenceRunOf(
  verdict: JsonResult | undefined,
  evidence: JsonResult | undefined,
  reportPath: string,
): EvidenceRun | undefined {
  if (evidence)
    return { ran: true, status: PLAYWRIGHT_ATTEMPT[evidence.status], records: recordsOf(evidence, reportPath) };
  const leftOut = verdict?.annotations?.find((a) => a.type === EVIDENCE_LEFT_OUT);
  return leftOut ? { ran: false, why: leftOut.description ?? '' } : undefined;
}

const bodyOf = (a: JsonAttachment) =>
  a.body !== undefined ? Buffer.from(a.body, 'base64').toString('utf8') : readFileSync(a.path ?? '', 'utf8');

function recordsOf(result: JsonResult, reportPath: string): OutcomeRecord[] {
  return (result.attachments ?? [])
    .filter((a) => a.name === OUTCOME_ATTACHMENT)
    .map((a) => readOutcomeBody(bodyOf(a), reportPath));
}
