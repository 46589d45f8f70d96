import { EVIDENCE_PREFIX } from '../guide/guide.ts';
import type { WrittenScenario } from '../guide/features.ts';
import { guideStepIdsOf } from '../guide/features.ts';
import type { ScenarioOutcome, ScenarioStatus } from './scenario-outcome.ts';

/**
 * What the guide leaves out: behaviour of the site a reader will meet that the guide doesn't mention. A scenario
 * that shows one is tagged @gap (the tag reaches every runner's output) and says the gap in one line, the first of
 * its description, after "Gap:":
 *
 *   @gap @guide:profile.2 @guide:account.6
 *   Scenario: With a Kids profile in use, the site says plainly that the password cannot be changed
 *     Gap: with a Kids profile in use the password cannot be changed; the guide lets the reader choose any profile.
 */
export const GAP_TAG = 'gap';
const NOTE_PREFIX = /^Gap:\s*/i;
/** The Allure label carrying a gap scenario's note. */
export const GAP_LABEL = 'guide-gap';

export interface GapEvidence {
  /** One run of the scenario (an outline's example row is one). */
  scenario: ScenarioOutcome['scenario'];
  status: ScenarioStatus;
  /** Its last screenshot after a guide step (or of its failure), when the runner's report keeps files. */
  picture?: string;
}

/** One gap of the guide, as every report shows it. */
export interface GuideGap {
  /** What the guide doesn't tell the reader, in one line. */
  note: string;
  /** The scenario as written: its feature file, the line of its Scenario (Outline), its name. */
  file: string;
  line: number;
  name: string;
  /** The guide steps it is about. */
  guideSteps: string[];
  /** Each run of it, with its verdict and picture; "not run" for a run the report does not have. */
  evidence: GapEvidence[];
}

/** A gap scenario's one-line note; an error when a scenario tagged @gap has none. */
export function gapNote(scenario: Pick<WrittenScenario, 'file' | 'scenarioLine' | 'description'>): string {
  const first = (scenario.description ?? '').split('\n')[0]?.trim() ?? '';
  const note = first.replace(NOTE_PREFIX, '').trim();
  if (!NOTE_PREFIX.test(first) || !note) {
    throw new Error(
      `${scenario.file}:${scenario.scenarioLine} is tagged @${GAP_TAG} but does not say the gap: write it as the first line under its Scenario line, “Gap: what the guide doesn't tell the reader”.`,
    );
  }
  return note.charAt(0).toUpperCase() + note.slice(1);
}

export const isGap = (scenario: { tags: string[] }) => scenario.tags.includes(GAP_TAG);

/**
 * The gaps the features mark, in their written order, each with the outcomes of its runs: from either runner's
 * outcomes (harness/reporting/results.ts, harness/reporting/cucumber-json.ts), matched by feature file and line.
 */
export function gatherGaps(written: WrittenScenario[], outcomes: ScenarioOutcome[]): GuideGap[] {
  const gaps = new Map<string, GuideGap>();
  for (const w of written.filter(isGap)) {
    const key = `${w.file}:${w.scenarioLine}`;
    let gap = gaps.get(key);
    if (!gap) {
      gap = {
        note: gapNote(w),
        file: w.file,
        line: w.scenarioLine,
        name: w.name,
        guideSteps: guideStepIdsOf(w),
        evidence: [],
      };
      gaps.set(key, gap);
    }
    const ran = outcomes.find((o) => o.scenario.file === w.file && o.scenario.line === w.line);
    const picture = ran && pictureOf(ran);
    gap.evidence.push({
      scenario: ran?.scenario ?? { file: w.file, line: w.line, name: w.name },
      status: ran?.status ?? 'not run',
      ...(picture && { picture }),
    });
  }
  return [...gaps.values()];
}

/** The scenario's picture: its last screenshot after a guide step, else the runner's screenshot of its failure. */
function pictureOf(o: ScenarioOutcome): string | undefined {
  const shots = o.attachments.filter((a) => a.name.startsWith(EVIDENCE_PREFIX));
  return (shots.at(-1) ?? o.attachments.find((a) => a.name === 'screenshot'))?.path;
}

/**
 * What a gap's check came to in this run: passed only when every run of it that ran passed the first time (a flaky
 * one failed its first attempt, the verdict).
 */
export function gapStatus(gap: GuideGap): 'passed' | 'failed' | 'not run' {
  const ran = gap.evidence.filter((e) => e.status !== 'not run' && e.status !== 'skipped');
  if (!ran.length) return 'not run';
  return ran.every((e) => e.status === 'passed') ? 'passed' : 'failed';
}
