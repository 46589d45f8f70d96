// Which sentence of the guide costs what: the step times the suite's scenarios stored (harness/scenario/step-times.ts,
// GUIDE_STEP_TIMES=on), summed per guide step, with the parts the evidence takes (scans, pictures, looks) and the waits
// for the site's answers.
import { existsSync, readFileSync } from 'node:fs';
import { loadGuides, type Guide } from '../../harness/guide/guide.ts';
import { readStepTimesBody, STEP_TIMES_ATTACHMENT, type GuideStepTime } from '../../harness/scenario/step-times.ts';

export interface GuideStepCost {
  guideStep: string;
  /** The guide's sentence, as steps.json has it. */
  text: string;
  /** How many times a scenario did the step. */
  times: number;
  /** Summed over those times, in seconds. */
  seconds: number;
  scanSeconds: number;
  pictureSeconds: number;
  lookSeconds: number;
  /** Waiting for the site's answers after their first sign (a run before this part was timed: 0). */
  waitSeconds: number;
}

/** Per guide step, the most costly first; the sentence from the guide (none when no guide has the step). */
export function stepCosts(
  times: readonly GuideStepTime[],
  textOf: (id: string) => string = sentencesOf(loadGuides()),
): GuideStepCost[] {
  const costs = new Map<string, GuideStepCost>();
  for (const t of times) {
    const cost = costs.get(t.guideStep) ?? {
      guideStep: t.guideStep,
      text: textOf(t.guideStep),
      times: 0,
      seconds: 0,
      scanSeconds: 0,
      pictureSeconds: 0,
      lookSeconds: 0,
      waitSeconds: 0,
    };
    cost.times += 1;
    cost.seconds += t.ms / 1000;
    cost.scanSeconds += t.scanMs / 1000;
    cost.pictureSeconds += t.pictureMs / 1000;
    cost.lookSeconds += t.lookMs / 1000;
    cost.waitSeconds += t.waitMs / 1000;
    costs.set(t.guideStep, cost);
  }
  return [...costs.values()].sort((a, b) => b.seconds - a.seconds);
}

const sentencesOf = (guides: Guide[]) => (id: string) =>
  guides.flatMap((g) => g.steps).find((s) => s.id === id && s.kind === 'action')?.text ?? '';

interface JsonSuite {
  specs?: { tests: { results: { attachments?: { name: string; body?: string }[] }[] }[] }[];
  suites?: JsonSuite[];
}

/** The step times of every scenario's first attempt in a Playwright JSON report (none when it has none). */
export function readStepTimes(path: string): GuideStepTime[] {
  if (!existsSync(path)) return [];
  const report = JSON.parse(readFileSync(path, 'utf8')) as { suites?: JsonSuite[] };
  const walk = (suite: JsonSuite): GuideStepTime[] => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.flatMap((test) =>
        (test.results[0]?.attachments ?? [])
          .filter((a) => a.name === STEP_TIMES_ATTACHMENT && a.body !== undefined)
          .flatMap((a) => readStepTimesBody(Buffer.from(a.body!, 'base64').toString('utf8'), path)),
      ),
    ),
    ...(suite.suites ?? []).flatMap(walk),
  ];
  return (report.suites ?? []).flatMap(walk);
}
