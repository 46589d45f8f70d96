/**
 * What a run may leave out to finish sooner. The defaults keep everything a person reading a report needs; each
 * option's cost and what it gives up are measured by `npm run bench -- --levers` and written in the README ("Speed").
 *   GUIDE_EVIDENCE=failures  a screenshot only where a guide step failed, not after every guide step
 *   GUIDE_TRACES=off         no Playwright trace, not even of a failure
 */
export interface SpeedOptions {
  evidence: 'every-step' | 'failures';
  traces: 'retain-on-failure' | 'off';
}

const CHOICES = {
  GUIDE_EVIDENCE: ['every-step', 'failures'],
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
