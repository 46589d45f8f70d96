import type { PlaywrightTestConfig, PlaywrightWorkerOptions } from '@playwright/test';

/**
 * What a run may leave out to finish sooner. The defaults keep everything a person reading a report needs; each
 * option's cost and what it gives up are measured by `npm run bench -- --levers` and written in the README ("Speed").
 *   GUIDE_EVIDENCE=each-step     (default) a picture of each guide step: always in `@guide-path` scenarios and where
 *                                a step failed, elsewhere once per worker (harness/step-pictures.ts)
 *   GUIDE_EVIDENCE=every-step    a picture after every guide step of every scenario, as Allure showed before
 *   GUIDE_EVIDENCE=failures      a screenshot only where a guide step failed
 *   GUIDE_TRACES=evidence-run    (default) no trace while scenarios pass; a failed scenario is run once more, traced
 *                                (its evidence run), up to GUIDE_EVIDENCE_RUNS of them a run
 *   GUIDE_TRACES=off             no evidence run, no Playwright trace, not even of a failure
 */
export interface SpeedOptions {
  evidence: 'each-step' | 'every-step' | 'failures';
  traces: 'evidence-run' | 'off';
}

const CHOICES = {
  GUIDE_EVIDENCE: ['each-step', 'every-step', 'failures'],
  GUIDE_TRACES: ['evidence-run', 'off'],
} as const;

function choice<Name extends keyof typeof CHOICES>(env: NodeJS.ProcessEnv, name: Name): (typeof CHOICES)[Name][number] {
  const allowed = CHOICES[name];
  const value = env[name];
  if (value === undefined || value === '') return allowed[0];
  if ((allowed as readonly string[]).includes(value)) return value as (typeof CHOICES)[Name][number];
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`;
  throw new Error(`${name}=${value} is not a choice: use ${list} (the first is the default).`);
}

export function speedOptions(env: NodeJS.ProcessEnv = process.env): SpeedOptions {
  return {
    evidence: choice(env, 'GUIDE_EVIDENCE'),
    traces: choice(env, 'GUIDE_TRACES'),
  };
}

/**
 * How a run gets a failure's evidence without a green run paying for it (issue 34; decision 12). The first attempt
 * of a scenario records no trace and is the verdict; a scenario whose first attempt failed runs once more at once,
 * as Playwright's retry, with the whole trace: its evidence run. The trace keeps the DOM snapshots the trace viewer
 * shows before and after every action, without the screencast's frames (the film strip; the failure's own
 * screenshot stays). Recording the trace for every scenario cost 12% of the CPU of 16 passing ones, and 8 to 10 ms
 * per Playwright call (docs/benchmark.md). The evidence runs of one run are capped (`evidenceRunCap`,
 * harness/reporting/evidence-budget.ts): a failure beyond the cap keeps its screenshot and says why it has no trace.
 */
export function evidenceSettings(
  traces: SpeedOptions['traces'],
): Pick<PlaywrightTestConfig, 'retries'> & Pick<PlaywrightWorkerOptions, 'trace' | 'video'> {
  if (traces === 'off') return { retries: 0, trace: 'off', video: 'off' };
  return { retries: 1, trace: { mode: 'on-first-retry', screenshots: false }, video: 'on-first-retry' };
}
