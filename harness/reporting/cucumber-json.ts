import { existsSync, readFileSync } from 'node:fs';
import { OUTCOME_MEDIA_TYPE, readOutcomeBody } from '../scenario/outcome.ts';
import { FINDING_MEDIA_TYPE, readFindingBody } from '../scenario/finding.ts';
import { readStepsHeldBody, STEPS_HELD_MEDIA_TYPE } from '../scenario/steps-held.ts';
import { NOTE_MEDIA_TYPE, readNoteBody } from '../scenario/note.ts';
import { outcome, scenarioKey, scenarioStatus, type AttemptStatus, type ScenarioOutcome } from './scenario-outcome.ts';

/**
 * The reader of a Cucumber JSON report: cucumber-js's own (reportPaths().cucumberJsJson), or the one playwright-bdd
 * writes of a Playwright run (reportPaths().cucumberJson). Cucumber JSON keeps no attachment names, so every
 * `application/json` attachment in it is an outcome record: nothing else of the harness attaches JSON.
 */

interface Step {
  result?: { status?: string; error_message?: string };
  embeddings?: { data: string; mime_type: string }[];
}
interface JsonFeature {
  uri: string;
  elements?: {
    name: string;
    line: number;
    type: string;
    tags?: { name: string }[];
    before?: Step[];
    steps?: Step[];
    after?: Step[];
  }[];
}

/** A step not passed nor skipped (failed, undefined, ambiguous, pending) fails the attempt. */
function attemptStatus(steps: Step[]): AttemptStatus {
  const statuses = steps.map((step) => step.result?.status ?? 'unknown');
  if (statuses.some((s) => s !== 'passed' && s !== 'skipped')) return 'failed';
  return statuses.includes('skipped') ? 'skipped' : 'passed';
}

/** Every scenario of the report, undefined when there is no report. A retried scenario appears once per attempt. */
export function readCucumberOutcomes(path: string): ScenarioOutcome[] | undefined {
  if (!existsSync(path)) return undefined;
  const features = JSON.parse(readFileSync(path, 'utf8')) as JsonFeature[];
  const byKey = new Map<string, ScenarioOutcome & { attempts: AttemptStatus[] }>();
  for (const feature of features) {
    const file = feature.uri.startsWith('./') ? feature.uri.slice(2) : feature.uri;
    for (const element of feature.elements ?? []) {
      if (element.type !== 'scenario') continue;
      const steps = [...(element.before ?? []), ...(element.steps ?? []), ...(element.after ?? [])];
      const attempt = attemptStatus(steps);
      const records = steps.flatMap((step) =>
        (step.embeddings ?? [])
          .filter((e) => e.mime_type === OUTCOME_MEDIA_TYPE)
          .map((e) => readOutcomeBody(Buffer.from(e.data, 'base64').toString('utf8'), path)),
      );
      const findings = steps.flatMap((step) =>
        (step.embeddings ?? [])
          .filter((e) => e.mime_type === FINDING_MEDIA_TYPE)
          .map((e) => readFindingBody(Buffer.from(e.data, 'base64').toString('utf8'), path)),
      );
      const held = steps.flatMap((step) =>
        (step.embeddings ?? [])
          .filter((e) => e.mime_type === STEPS_HELD_MEDIA_TYPE)
          .flatMap((e) => readStepsHeldBody(Buffer.from(e.data, 'base64').toString('utf8'), path)),
      );
      const notes = steps.flatMap((step) =>
        (step.embeddings ?? [])
          .filter((e) => e.mime_type === NOTE_MEDIA_TYPE)
          .map((e) => readNoteBody(Buffer.from(e.data, 'base64').toString('utf8'), path)),
      );
      const error = steps.find((step) => step.result?.error_message)?.result?.error_message;
      const scenario = { file, line: element.line, name: element.name };
      const seen = byKey.get(scenarioKey({ scenario }));
      // A later attempt adds only its status: the first is the verdict, as the Playwright reader reads it.
      if (seen) {
        const attempts = [...seen.attempts, attempt];
        byKey.set(scenarioKey({ scenario }), { ...seen, status: scenarioStatus(attempts), attempts });
        continue;
      }
      byKey.set(scenarioKey({ scenario }), {
        ...outcome({
          scenario,
          attempts: [attempt],
          tags: (element.tags ?? []).map((tag) => (tag.name.startsWith('@') ? tag.name.slice(1) : tag.name)),
          records,
          findings,
          ...(held.length && { held }),
          ...(notes.length && { notes }),
          error: attempt === 'failed' ? error : undefined,
          attachments: [],
        }),
        attempts: [attempt],
      });
    }
  }
  return [...byKey.values()].map(({ attempts: _attempts, ...o }) => o);
}
