import { causeKey, driftLine, type OutcomeRecord } from '../scenario/outcome.ts';
import { findingLine } from '../scenario/finding.ts';
import { groupCauses } from './cause-groups.ts';
import { failedForTheGuide, scenarioKey, type ScenarioOutcome } from './scenario-outcome.ts';
import type { SiteFinding } from './site-findings.ts';

/**
 * "What changed": each distinct cause of a failing run once, however many scenarios met it, in the words of its record,
 * with the guide steps it touches, where to look, and what to do next. Causes are grouped by their outcome record (the
 * change it names, or the guide step, the kind and what the site showed: causeKey), not by scenario: one renamed menu
 * entry is one cause in 40 scenarios, and in both guides that meet it; a check that failed because an earlier one of
 * the same guide step did is folded into it (harness/reporting/cause-groups.ts).
 */
export interface Cause {
  /** The guide drifting, a finding about the site, or a failure that named neither (a crash, a timeout). */
  answer: 'guide' | 'site' | 'unexplained';
  /** What changed, in one sentence. */
  line: string;
  guideSteps: string[];
  scenarios: string[];
  /** The first scenario's trace, when it has one: where a person looks first. */
  trace?: string;
  /** What to do about it, in one sentence. */
  next: string;
}

const NEXT_FOR_DRIFT: Record<OutcomeRecord['kind'], (r: OutcomeRecord) => string> = {
  renamed: () =>
    'if the site changed on purpose, correct the guide (suggested-guide.diff has the sentence); if not, tell the site’s team.',
  moved: () =>
    'if the site changed on purpose, correct where the guide sends the reader; if not, tell the site’s team.',
  missing: () =>
    'tell the site’s team the guide’s control is gone; if it went on purpose, the guide needs another way.',
  reordered: () => 'if the site changed on purpose, correct the order the guide gives; if not, tell the site’s team.',
  unusable: () => 'tell the site’s team: a reader cannot do this step (the trace shows what is in the way).',
  behaviour: (r) =>
    `open the trace at guide step ${r.guideStep}: the site answered otherwise than the guide says; tell the site’s team, or correct the guide if the site is right.`,
};

const NEXT_FOR_FINDING: Record<SiteFinding['record']['class'], string> = {
  accessibility: 'tell the site’s team; the guide is right and stays as it is.',
  security: 'tell the site’s team now: a security promise is broken; the guide is right and stays as it is.',
  resilience: 'tell the site’s team: a failed save is not handled as promised; the guide stays as it is.',
  looks: 'look at the pictures in the illustrated guide; if the new look is right, npm run guide:accept-pictures.',
};

const traceOf = (o: ScenarioOutcome) => o.attachments.find((a) => a.name === 'trace')?.path;

/** Every distinct cause of the run, the guide's drifts first, then the site's findings, then what named neither. */
export function whatChanged(outcomes: ScenarioOutcome[], findings: SiteFinding[]): Cause[] {
  const failedForGuide = outcomes.filter(failedForTheGuide);
  const recorded = failedForGuide.filter((o) => o.records.length > 0);
  const checks = recorded.map((o) =>
    o.records.map((record) => ({
      key: causeKey(record),
      guideStep: record.guideStep,
      namesAChange: record.rewrite !== undefined,
      record,
    })),
  );
  const drifts = groupCauses(checks).map(({ first: { record }, guideSteps, scenarios }): Cause => {
    const met = scenarios.map((i) => recorded[i]!);
    const trace = met.map(traceOf).find(Boolean);
    return {
      answer: 'guide',
      line: `Guide step ${record.guideStep}: ${driftLine(record)}`,
      guideSteps,
      scenarios: met.map(scenarioKey),
      ...(trace && { trace }),
      next: NEXT_FOR_DRIFT[record.kind](record),
    };
  });
  const unexplained = new Map<string, Cause>();
  for (const outcome of failedForGuide.filter((o) => o.records.length === 0)) {
    const line = firstLine(outcome.error);
    const cause: Cause = unexplained.get(line) ?? {
      answer: 'unexplained',
      line: `A scenario failed without naming a drift: ${line}`,
      guideSteps: [...outcome.guideSteps],
      scenarios: [],
      next: 'open the trace: a crash, a timeout or the site’s own error page; if the harness is wrong, fix the harness.',
    };
    unexplained.set(line, cause);
    cause.scenarios.push(scenarioKey(outcome));
    cause.trace ??= traceOf(outcome);
  }
  const siteCauses = findings.map(({ record, scenarios, guideSteps, policy }): Cause => ({
    answer: 'site',
    line: `${findingLine(record)} [${[record.rule, record.page && `on ${record.page}`].filter(Boolean).join(' ')}; ${policy === 'fail' ? 'fails the run' : 'a warning'}, as the site profile says]`,
    guideSteps,
    scenarios,
    next: NEXT_FOR_FINDING[record.class],
  }));
  return [...drifts, ...siteCauses, ...unexplained.values()];
}

function firstLine(error: string | undefined): string {
  return (error ?? 'no message').trim().split('\n')[0] ?? '';
}

/** The digest as terminal lines (also the nightly job's summary, as Markdown: digestMarkdown). */
export function digestLines(causes: Cause[]): string[] {
  if (causes.length === 0) return [];
  const lines = [`\nWhat changed (${causes.length} distinct cause(s), each once):`];
  causes.forEach((cause, i) => {
    lines.push(`  ${i + 1}. ${cause.line}`);
    lines.push(
      `     ${cause.scenarios.length} scenario(s)${cause.guideSteps.length ? `, guide step(s) ${cause.guideSteps.join(', ')}` : ''}${cause.trace ? `; trace: ${cause.trace}` : ''}`,
    );
    lines.push(`     Next: ${cause.next}`);
  });
  return lines;
}

export function digestMarkdown(causes: Cause[]): string {
  if (causes.length === 0) return '### What changed\n\nNothing: the guide holds and the site has no findings.\n';
  const rows = causes.map(
    (cause, i) =>
      `${i + 1}. **${cause.line.replace(/\n/g, ' ')}** (${cause.scenarios.length} scenario(s)${cause.guideSteps.length ? `; guide step(s) ${cause.guideSteps.join(', ')}` : ''})  \n   Next: ${cause.next}`,
  );
  return `### What changed (${causes.length} distinct cause(s))\n\n${rows.join('\n')}\n`;
}
