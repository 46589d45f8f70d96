import { describe, expect, it } from 'vitest';
import type { WrittenScenario } from '../../harness/guide/features.ts';
import { checkCoverage } from '../../harness/reporting/guide-coverage.ts';
import { hashStepText, loadGuide, loadGuideText, type Guide } from '../../harness/guide/guide.ts';

const guide = loadGuide();
const guideText = loadGuideText(guide);
const actionIds = guide.steps.filter((s) => s.kind === 'action').map((s) => s.id);
const scenarioFor = (id: string, line = 1): WrittenScenario => ({
  name: `verifies ${id}`,
  file: 'features/x.feature',
  line,
  scenarioLine: line,
  tags: [`guide:${id}`],
  parameters: {},
});
const everyActionCovered = actionIds.map((id, i) => scenarioFor(id, i + 1));

describe('guide coverage gate', () => {
  it('passes when every action step has a scenario and the guide is unchanged', () => {
    expect(checkCoverage(guide, guideText, everyActionCovered, []).problems).toEqual([]);
  });

  it('keeps the guide copy and its steps.json in step: every text and hash matches', () => {
    const { rows } = checkCoverage(guide, guideText, everyActionCovered, []);
    expect(rows.filter((r) => r.stale).map((r) => r.step.id)).toEqual([]);
  });

  it('names the guide step left without a scenario', () => {
    const withoutOne = everyActionCovered.filter((s) => !s.tags.includes('guide:password.4'));
    expect(checkCoverage(guide, guideText, withoutOne, []).problems).toEqual([
      expect.stringMatching(/^Guide step password\.4 describes an action but no scenario verifies it/),
    ]);
  });

  it('names the stale step when one word of the guide changes', () => {
    const edited = guideText.replace(
      'Type the actual password in the second field.',
      'Type the current password in the second field.',
    );
    const { problems, rows } = checkCoverage(guide, edited, everyActionCovered, []);
    expect(rows.filter((r) => r.stale).map((r) => r.step.id)).toEqual(['phone.3']);
    expect(problems).toEqual([
      expect.stringContaining('Guide step phone.3 is stale: the guide now reads “Type the current password'),
    ]);
  });

  it('keeps a step stale until its hash is re-pinned', () => {
    const reworded: Guide = {
      ...guide,
      steps: guide.steps.map((s) =>
        s.id === 'phone.3' ? { ...s, text: 'Type the current password in the second field.' } : s,
      ),
    };
    const edited = guideText.replace('Type the actual password', 'Type the current password');
    expect(checkCoverage(reworded, edited, everyActionCovered, []).problems).toEqual([
      expect.stringContaining('phone.3 is stale'),
    ]);
    const repinned: Guide = {
      ...reworded,
      steps: reworded.steps.map((s) => (s.id === 'phone.3' ? { ...s, textHash: hashStepText(s.text) } : s)),
    };
    expect(checkCoverage(repinned, edited, everyActionCovered, []).problems).toEqual([]);
  });

  it('refuses a tag naming a step the guide does not have, and a scenario naming none', () => {
    const scenarios = [
      ...everyActionCovered,
      scenarioFor('password.9', 99),
      { ...scenarioFor('x', 100), tags: ['sign-in'] },
    ];
    expect(checkCoverage(guide, guideText, scenarios, []).problems).toEqual([
      'features/x.feature:99 “verifies password.9” is tagged @guide:password.9, which is not a step of the guide.',
      'features/x.feature:100 “verifies x” names no guide step (add a @guide:<step id> tag).',
    ]);
  });

  it('notices guide text that no step id covers', () => {
    const grown = `${guideText}\n  • Finally, sign out of every device.\n`;
    expect(checkCoverage(guide, grown, everyActionCovered, []).problems).toEqual([
      'The guide has text no step id covers: “Finally, sign out of every device.”. Add it to guides/strengthening-account-security/steps.json.',
    ]);
  });

  it('marks every prose step with its reason', () => {
    expect(guide.steps.filter((s) => s.kind !== 'action' && !s.reason)).toEqual([]);
  });

  it('shows each scenario with its latest result', () => {
    const written = everyActionCovered.find((s) => s.tags.includes('guide:sign-in.1'))!;
    const results = [
      {
        scenario: { file: written.file, line: written.line, name: written.name },
        status: 'failed' as const,
        tags: written.tags,
        guideSteps: ['sign-in.1'],
        records: [],
        error: 'x',
        attachments: [],
        findings: [],
      },
    ];
    const row = checkCoverage(guide, guideText, everyActionCovered, results).rows.find(
      (r) => r.step.id === 'sign-in.1',
    );
    expect(row?.scenarios.map((s) => s.result)).toEqual(['failed']);
  });
});
