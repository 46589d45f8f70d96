import type { PlaywrightWorkerOptions } from '@playwright/test';

/**
 * What a run may leave out to finish sooner. The defaults keep everything a person reading a report needs; each
 * option's cost and what it gives up are measured by `npm run bench -- --levers` and written in the README ("Speed").
 *   GUIDE_EVIDENCE=each-step     (default) a picture of each guide step: always in `@guide-path` scenarios and where
 *                                a step failed, elsewhere once per worker (harness/step-pictures.ts)
 *   GUIDE_EVIDENCE=every-step    a picture after every guide step of every scenario, as Allure showed before
 *   GUIDE_EVIDENCE=failures      a screenshot only where a guide step failed
 *   GUIDE_TRACES=off             no Playwright trace, not even of a failure
 */
export interface SpeedOptions {
  evidence: 'each-step' | 'every-step' | 'failures';
  traces: 'retain-on-failure' | 'off';
}

const CHOICES = {
  GUIDE_EVIDENCE: ['each-step', 'every-step', 'failures'],
  GUIDE_TRACES: ['retain-on-failure', 'off'],
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
 * Playwright's `use.trace` for the choice. A trace is recorded for every scenario and kept only for a failed one,
 * with the DOM snapshots the trace viewer shows before and after every action, but without the screencast's frames
 * (the viewer's film strip; the failure's own screenshot stays). CPU time of 16 passing scenarios (sign-in and
 * choose-profile features, 1 worker, median of 4 runs, load 3 to 12 on 2 cores, so walls meant nothing): no trace
 * 17.1 s; `retain-on-failure` 20.3 s (+19%); without screenshots 19.1 s (+12%); `on-first-retry` with one retry
 * 17.2 s, as it records nothing while scenarios pass, but it runs every failing scenario twice, its trace is of the
 * retry, and a failure that passes on its retry leaves no trace at all: not every failure would have one.
 */
export function traceSetting(traces: SpeedOptions['traces']): PlaywrightWorkerOptions['trace'] {
  return traces === 'off' ? 'off' : { mode: 'retain-on-failure', screenshots: false };
}
