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
import { outcome, type AttemptStatus, type ScenarioOutcome } from './scenario-outcome.ts';

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

const ATTEMPTS: Record<JsonResult['status'], AttemptStatus> = {
  passed: 'passed',
  skipped: 'skipped',
  failed: 'failed',
  timedOut: 'failed',
  interrupted: 'failed',
};

const GENERATED_SUFFIX = '.spec.js';

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
      const failures = test.results.filter((r) => ATTEMPTS[r.status] === 'failed' && r.error?.message);
      const error = failures.at(-1)?.error?.message;
      const last = test.results.at(-1);
      // The last attempt's records of each kind, read back and checked by their own reader.
      const lastOf = <T>(name: string, read: (body: string, where: string) => T): T[] =>
        (last?.attachments ?? []).filter((a) => a.name === name).map((a) => read(bodyOf(a), path));
      const accessibility = lastOf(ACCESSIBILITY_ATTACHMENT, readAccessibilityBody);
      const looks = lastOf(LOOK_ATTACHMENT, readLookBody);
      const findings = lastOf(FINDING_ATTACHMENT, readFindingBody);
      const held = lastOf(STEPS_HELD_ATTACHMENT, readStepsHeldBody).flat();
      const notes = lastOf(NOTE_ATTACHMENT, readNoteBody);
      const skipReason = [...(last?.annotations ?? []), ...(test.annotations ?? [])].find(
        (a) => a.type === 'skip' && a.description,
      )?.description;
      return outcome({
        findings,
        ...(held.length && { held }),
        ...(notes.length && { notes }),
        ...(last?.status === 'skipped' && skipReason && { skipReason }),
        ...(accessibility.length && { accessibility }),
        ...(looks.length && { looks }),
        scenario: { file, line: match?.line ?? 0, name: spec.title },
        ...(spec.id && { testId: spec.id }),
        attempts: test.results.map((r) => ATTEMPTS[r.status]),
        tags: spec.tags.map((tag) => (tag.startsWith('@') ? tag.slice(1) : tag)),
        records: test.results.flatMap((result) => recordsOf(result, path)),
        error: error && stripVTControlCharacters(error),
        attachments: (test.results.at(-1)?.attachments ?? []).flatMap(({ name, path: file }) =>
          file ? [{ name, path: file }] : [],
        ),
      });
    }),
  );
}

const bodyOf = (a: JsonAttachment) =>
  a.body !== undefined ? Buffer.from(a.body, 'base64').toString('utf8') : readFileSync(a.path ?? '', 'utf8');

function recordsOf(result: JsonResult, reportPath: string): OutcomeRecord[] {
  return (result.attachments ?? [])
    .filter((a) => a.name === OUTCOME_ATTACHMENT)
    .map((a) => readOutcomeBody(bodyOf(a), reportPath));
}
