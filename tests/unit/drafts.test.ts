import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withoutDrafts } from '../../harness/config/generated-tests.ts';
import { closestExpression, missingStepLines, readDrafts } from '../../harness/guide/drafts.ts';
import { readScenarios, type WrittenScenario } from '../../harness/guide/features.ts';
import { loadGuide, loadGuideText } from '../../harness/guide/guide.ts';
import { checkCoverage } from '../../harness/reporting/guide-coverage.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

const DRAFT = `@draft
Feature: Sign out
  @guide:sign-out-x.1
  Scenario: Click Save
    When I click on the "Save" button
    And I click Save now
`;

describe("guide:init's drafts", () => {
  it('are left out of the scenarios a run counts, and read with their steps that have no definition', () => {
    dir = mkdtempSync(join(tmpdir(), 'drafts-'));
    mkdirSync(join(dir, 'features', 'g'), { recursive: true });
    mkdirSync(join(dir, 'steps'));
    writeFileSync(join(dir, 'features', 'g', 'a.feature'), DRAFT);
    writeFileSync(join(dir, 'steps', 'a.steps.ts'), "When('I click on the {string} button', () => {});\n");
    expect(readScenarios(join(dir, 'features'))).toEqual([]);
    expect(readScenarios(join(dir, 'features'), { drafts: true })).toHaveLength(1);
    const drafts = readDrafts(join(dir, 'features'), join(dir, 'steps'));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.guideSteps).toEqual(['sign-out-x.1']);
    expect(drafts[0]!.missing).toMatchObject([
      { line: 6, keyword: 'And', text: 'I click Save now', closest: 'I click on the {string} button' },
    ]);
    expect(missingStepLines(drafts)).toEqual([
      expect.stringMatching(
        /^ {2}\S+a\.feature:6 {2}And I click Save now {2}→ closest step definition: “I click on the \{string\} button”$/,
      ),
    ]);
  });

  it('name the closest step definition by its words, quoted labels and parameters alike', () => {
    const library = ['I sign out', 'I click on the {string} button', 'I see the message {string} above the form'];
    expect(closestExpression('I click on the "Save" button now', library)).toBe('I click on the {string} button');
    expect(closestExpression('I see the message "Saved" above it', library)).toBe(
      'I see the message {string} above the form',
    );
    expect(closestExpression('the weather is fine in Lisbon today', library)).toBeUndefined();
  });

  it('keep a selection from generating them', () => {
    expect(withoutDrafts('@sign-in or @phone')).toBe('(@sign-in or @phone) and not @draft');
  });

  it('are drafted, not verified, in the coverage gate: never covered', () => {
    const guide = loadGuide();
    const actions = guide.steps.filter((s) => s.kind === 'action');
    const scenario = (id: string, tags: string[] = []): WrittenScenario => ({
      name: id,
      file: 'features/x.feature',
      line: 1,
      scenarioLine: 1,
      tags: [`guide:${id}`, ...tags],
      parameters: {},
    });
    const [first, ...rest] = actions;
    const scenarios = [scenario(first!.id, ['draft']), ...rest.map((s) => scenario(s.id))];
    const { rows, problems } = checkCoverage(guide, loadGuideText(guide), scenarios, []);
    expect(rows.find((r) => r.step.id === first!.id)).toMatchObject({ scenarios: [], drafted: [scenarios[0]] });
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^Guide step ${first!.id} is drafted, not verified`))]);
  });
});
