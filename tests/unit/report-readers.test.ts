import { ACCESSIBILITY_MEDIA_TYPE } from '../../harness/scenario/accessibility.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCucumberOutcomes } from '../../harness/reporting/cucumber-json.ts';
import type { WrittenScenario } from '../../harness/guide/features.ts';
import { OUTCOME_ATTACHMENT, outcomeBody, type OutcomeRecord } from '../../harness/scenario/outcome.ts';
import { reportPaths } from '../../harness/config/reports-dir.ts';
import { FINDING_ATTACHMENT, FINDING_MEDIA_TYPE, findingBody } from '../../harness/scenario/finding.ts';
import { STEPS_HELD_ATTACHMENT, STEPS_HELD_MEDIA_TYPE, stepsHeldBody } from '../../harness/scenario/steps-held.ts';
import { NOTE_ATTACHMENT, NOTE_MEDIA_TYPE, noteBody } from '../../harness/scenario/note.ts';
import { finding } from '../support/findings.ts';
import { readPlaywrightOutcomes } from '../../harness/reporting/results.ts';
import { EVIDENCE_LEFT_OUT, leftOutSentence } from '../../harness/reporting/evidence-budget.ts';
import {
  compareOutcomes,
  failed,
  outcome,
  scenarioKey,
  scenarioStatus,
  tally,
} from '../../harness/reporting/scenario-outcome.ts';

const dir = mkdtempSync(join(tmpdir(), 'report-readers-'));
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};
const base64 = (text: string) => Buffer.from(text).toString('base64');

const renamed: OutcomeRecord = {
  guideStep: 'account.2',
  kind: 'renamed',
  guideSays: 'click on “Your Account” there.',
  siteShowed: 'The menu has “Account” instead.',
};
const behaviour: OutcomeRecord = {
  guideStep: 'account.3',
  kind: 'behaviour',
  guideSays: 'you will access the settings of your account.',
  siteShowed: 'The settings did not open.',
  evidence: 'expect(locator).toBeVisible() failed',
};

const contrast = finding({ guideStep: 'account.2' });
const hoverNote = { guideStep: 'account.1', says: 'Hovering over the profile name “Sam” opens nothing; a click does.' };

const written = (name: string, line: number, tags: string[]): WrittenScenario => ({
  name,
  file: 'features/choose-profile.feature',
  line,
  scenarioLine: line,
  tags,
  parameters: {},
});
const WRITTEN = [
  written('Opens the menu', 32, ['guide:account.1', 'guide:account.2', 'guide:account.3']),
  written('Shows the profiles', 16, ['guide:profile.1']),
  written('Sometimes slow', 40, ['guide:account.4']),
  written('Not here', 50, ['guide:account.5']),
];

describe('the Playwright JSON reader', () => {
  const spec = (title: string, tags: string[], results: unknown[]) => ({
    title,
    file: 'features/choose-profile.feature.spec.js',
    line: 99,
    tags: tags.map((tag) => `@${tag}`),
    tests: [{ results }],
  });
  const path = write('playwright-results.json', {
    suites: [
      {
        title: 'features/choose-profile.feature.spec.js',
        suites: [
          {
            title: 'Choose a profile',
            specs: [
              spec(
                'Opens the menu',
                ['guide:account.1', 'guide:account.2', 'guide:account.3'],
                [
                  {
                    status: 'failed',
                    error: { message: '\u001b[31mGuideDrift: Guide step account.2\u001b[39m' },
                    attachments: [
                      { name: 'screenshot after guide step account.2', contentType: 'image/png', path: '/tmp/a.png' },
                      { name: OUTCOME_ATTACHMENT, contentType: 'application/json', body: base64(outcomeBody(renamed)) },
                      {
                        name: OUTCOME_ATTACHMENT,
                        contentType: 'application/json',
                        body: base64(outcomeBody(behaviour)),
                      },
                      {
                        name: FINDING_ATTACHMENT,
                        contentType: FINDING_MEDIA_TYPE,
                        body: base64(findingBody(contrast)),
                      },
                      {
                        name: STEPS_HELD_ATTACHMENT,
                        contentType: STEPS_HELD_MEDIA_TYPE,
                        body: base64(stepsHeldBody(['account.1'])),
                      },
                      { name: NOTE_ATTACHMENT, contentType: NOTE_MEDIA_TYPE, body: base64(noteBody(hoverNote)) },
                    ],
                  },
                ],
              ),
              spec('Shows the profiles', ['guide:profile.1'], [{ status: 'passed', attachments: [] }]),
              spec('Sometimes slow', ['guide:account.4'], [{ status: 'timedOut' }, { status: 'passed' }]),
              spec('Not here', ['guide:account.5'], [{ status: 'skipped' }]),
            ],
          },
        ],
      },
    ],
  });
  const outcomes = readPlaywrightOutcomes(path, WRITTEN) ?? [];

  it('names each scenario by its feature file, line and name', () => {
    expect(outcomes.map((o) => o.scenario)).toEqual([
      { file: 'features/choose-profile.feature', line: 32, name: 'Opens the menu' },
      { file: 'features/choose-profile.feature', line: 16, name: 'Shows the profiles' },
      { file: 'features/choose-profile.feature', line: 40, name: 'Sometimes slow' },
      { file: 'features/choose-profile.feature', line: 50, name: 'Not here' },
    ]);
  });

  it('gives each its status by the one rule', () => {
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'passed', 'flaky', 'skipped']);
  });

  it('reads the records in the order the checks failed, and the guide steps from the tags', () => {
    expect(outcomes[0]?.records).toEqual([renamed, behaviour]);
    expect(outcomes[0]?.guideSteps).toEqual(['account.1', 'account.2', 'account.3']);
    expect(outcomes[0]?.error).toBe('GuideDrift: Guide step account.2');
    expect(outcomes[0]?.attachments).toEqual([{ name: 'screenshot after guide step account.2', path: '/tmp/a.png' }]);
  });

  it('reads the site’s findings apart from the records, and the guide steps found true', () => {
    expect(outcomes[0]?.findings).toEqual([contrast]);
    expect(outcomes[0]?.held).toEqual(['account.1']);
    expect(outcomes[1]?.findings).toEqual([]);
    expect(outcomes[1]?.held).toBeUndefined();
  });

  it('reads the notes of a sentence’s alternatives apart from the records, which they never join', () => {
    expect(outcomes[0]?.notes).toEqual([hoverNote]);
    expect(outcomes[0]?.records).not.toContainEqual(expect.objectContaining({ says: hoverNote.says }));
    expect(outcomes[1]?.notes).toBeUndefined();
  });

  it('refuses a record that is not one', () => {
    const broken = write('broken.json', {
      suites: [
        {
          title: 'x',
          specs: [
            spec(
              'Opens the menu',
              [],
              [{ status: 'failed', attachments: [{ name: OUTCOME_ATTACHMENT, body: base64('{"kind":"gone"}') }] }],
            ),
          ],
        },
      ],
    });
    expect(() => readPlaywrightOutcomes(broken, WRITTEN)).toThrow(/not a guide outcome record/);
  });

  it('says when there is no report', () => {
    expect(readPlaywrightOutcomes(join(dir, 'none.json'), WRITTEN)).toBeUndefined();
  });
});

describe('the Cucumber JSON reader', () => {
  const step = (status: string, embeddings: OutcomeRecord[] = []) => ({
    result: { status, ...(status === 'failed' && { error_message: 'Drift (renamed): …' }) },
    embeddings: [
      { mime_type: 'image/png', data: base64('png') },
      // An accessibility record is JSON too, but no outcome record: the reader must leave it alone.
      { mime_type: ACCESSIBILITY_MEDIA_TYPE, data: base64('{"step":"sign-in.2","violations":[]}') },
      ...embeddings.map((r) => ({ mime_type: 'application/json', data: base64(outcomeBody(r)) })),
    ],
  });
  const scenario = (name: string, line: number, tags: string[], steps: unknown[]) => ({
    type: 'scenario',
    name,
    line,
    tags: tags.map((tag) => ({ name: `@${tag}` })),
    steps,
    after: [{ result: { status: 'passed' } }],
  });
  const path = write('cucumber.json', [
    {
      uri: './features/choose-profile.feature',
      elements: [
        { type: 'background', name: '', line: 3, steps: [] },
        scenario(
          'Opens the menu',
          32,
          ['guide:account.2'],
          [step('passed'), step('failed', [renamed]), step('skipped')],
        ),
        scenario('Shows the profiles', 16, ['guide:profile.1'], [step('passed'), step('passed')]),
        scenario('Not here', 50, ['guide:account.5'], [step('passed'), step('skipped')]),
        // A retried scenario appears once per attempt.
        scenario('Sometimes slow', 40, ['guide:account.4'], [step('failed', [behaviour])]),
        scenario('Sometimes slow', 40, ['guide:account.4'], [step('passed')]),
      ],
    },
  ]);
  const outcomes = readCucumberOutcomes(path) ?? [];

  it('gives each scenario its status by the same rule', () => {
    expect(outcomes.map((o) => [o.scenario.line, o.status])).toEqual([
      [32, 'failed'],
      [16, 'passed'],
      [50, 'skipped'],
      [40, 'flaky'],
    ]);
  });

  it('reads the records from the JSON attachments', () => {
    expect(outcomes[0]?.records).toEqual([renamed]);
    expect(outcomes[0]?.guideSteps).toEqual(['account.2']);
    expect(outcomes[3]?.records).toEqual([behaviour]);
  });

  it('matches the Playwright reader scenario for scenario', () => {
    const playwright = readPlaywrightOutcomes(join(dir, 'playwright-results.json'), WRITTEN) ?? [];
    expect(compareOutcomes(['Playwright', playwright], ['cucumber-js', outcomes])).toEqual([]);
  });
});

describe('the Playwright JSON reader, of a failure and its evidence run', () => {
  const drifted = {
    status: 'failed',
    error: { message: 'GuideDrift: Guide step account.2' },
    attachments: [
      { name: 'screenshot', contentType: 'image/png', path: '/tmp/first.png' },
      { name: OUTCOME_ATTACHMENT, contentType: 'application/json', body: base64(outcomeBody(renamed)) },
      { name: STEPS_HELD_ATTACHMENT, contentType: STEPS_HELD_MEDIA_TYPE, body: base64(stepsHeldBody(['account.1'])) },
    ],
  };
  const evidence = (status: string, records: OutcomeRecord[]) => ({
    status,
    retry: 1,
    ...(status === 'failed' && { error: { message: 'the evidence run’s own words' } }),
    attachments: [
      { name: 'screenshot', contentType: 'image/png', path: '/tmp/second.png' },
      ...records.map((r) => ({
        name: OUTCOME_ATTACHMENT,
        contentType: 'application/json',
        body: base64(outcomeBody(r)),
      })),
      { name: STEPS_HELD_ATTACHMENT, contentType: STEPS_HELD_MEDIA_TYPE, body: base64(stepsHeldBody(['account.3'])) },
      { name: 'trace', contentType: 'application/zip', path: '/tmp/x-retry1/trace.zip' },
    ],
  });
  const spec = (title: string, results: unknown[]) => ({
    title,
    file: 'features/choose-profile.feature.spec.js',
    tags: [],
    tests: [{ results }],
  });
  const path = write('evidence-runs.json', {
    suites: [
      {
        specs: [
          spec('Opens the menu', [drifted, evidence('failed', [renamed])]),
          spec('Shows the profiles', [drifted, evidence('passed', [])]),
          spec('Sometimes slow', [
            { ...drifted, annotations: [{ type: EVIDENCE_LEFT_OUT, description: leftOutSentence(10) }] },
          ]),
        ],
      },
    ],
  });
  const [twice, flaky, leftOut] = readPlaywrightOutcomes(path, WRITTEN) ?? [];

  it('takes the verdict, its records, error and steps found true from the first attempt only', () => {
    expect(twice).toMatchObject({ status: 'failed', records: [renamed], held: ['account.1'] });
    expect(twice?.error).toBe('GuideDrift: Guide step account.2');
    expect(flaky).toMatchObject({ status: 'flaky', records: [renamed], held: ['account.1'] });
  });

  it('attaches the evidence run’s trace to the failure, and keeps what it came to apart', () => {
    expect(twice?.attachments).toEqual([
      { name: 'screenshot', path: '/tmp/first.png' },
      { name: 'trace', path: '/tmp/x-retry1/trace.zip' },
    ]);
    expect(twice?.evidenceRun).toEqual({ ran: true, status: 'failed', records: [renamed] });
    expect(flaky?.evidenceRun).toEqual({ ran: true, status: 'passed', records: [] });
  });

  it('says why a failure has no evidence run when the run’s cap left it out', () => {
    expect(leftOut?.status).toBe('failed');
    expect(leftOut?.evidenceRun).toEqual({ ran: false, why: leftOutSentence(10) });
    expect(leftOut?.attachments).toEqual([{ name: 'screenshot', path: '/tmp/first.png' }]);
  });
});

describe('the status rule', () => {
  it('reads a scenario’s attempts in order', () => {
    expect(scenarioStatus([])).toBe('not run');
    expect(scenarioStatus(['passed'])).toBe('passed');
    expect(scenarioStatus(['failed'])).toBe('failed');
    expect(scenarioStatus(['failed', 'passed'])).toBe('flaky');
    expect(scenarioStatus(['skipped'])).toBe('skipped');
  });

  it('keeps the first attempt as the verdict, whatever a later one does', () => {
    expect(scenarioStatus(['failed', 'failed'])).toBe('failed');
    expect(scenarioStatus(['failed', 'skipped'])).toBe('failed');
    expect(scenarioStatus(['passed', 'failed'])).toBe('passed');
  });
});

describe('reportPaths', () => {
  it('puts every report under the folder given', () => {
    const paths = reportPaths('elsewhere');
    for (const [name, path] of Object.entries(paths)) expect(path, name).toMatch(/^elsewhere/);
    expect(paths.playwrightJson).toBe('elsewhere/playwright-results.json');
    expect(paths.cucumberJsJson).toBe('elsewhere/cucumber-js/report.json');
  });
});

describe('one scenario outcome', () => {
  const made = (attempts: ('passed' | 'failed' | 'skipped')[], tags = ['sign-in', 'guide:sign-in.2']) =>
    outcome({
      scenario: { file: 'features/sign-in.feature', line: 9, name: 'Signs in' },
      attempts,
      tags,
      records: [],
      error: undefined,
      attachments: [],
    });

  it('takes its guide steps from its tags and its status from its attempts', () => {
    expect(made(['failed', 'passed'])).toMatchObject({ guideSteps: ['sign-in.2'], status: 'flaky' });
    expect(made([], ['sign-in']).guideSteps).toEqual([]);
  });

  it('counts as failed when it failed or was flaky, and is tallied by status', () => {
    const outcomes = [made(['passed']), made(['failed']), made(['failed', 'passed']), made(['skipped']), made([])];
    expect(outcomes.map(failed)).toEqual([false, true, true, false, false]);
    expect(tally(outcomes)).toEqual({ passed: 1, failed: 1, flaky: 1, skipped: 1, 'not run': 1 });
    expect(scenarioKey(outcomes[0]!)).toBe('features/sign-in.feature:9 Signs in');
  });
});

describe('the readers’ edge cases', () => {
  it('Playwright: an interrupted attempt fails, and two examples of one outline get their lines in written order', () => {
    const example = (results: unknown[]) => ({
      title: 'Refuses a phone number',
      file: 'features/add-phone.feature.spec.js',
      tags: [],
      tests: [{ results }],
    });
    const path = write('outline.json', {
      suites: [{ specs: [example([{ status: 'interrupted' }]), example([{ status: 'passed' }])] }],
    });
    const written = [12, 13].map((line) => ({
      name: 'Refuses a phone number',
      file: 'features/add-phone.feature',
      line,
      scenarioLine: 8,
      tags: [],
      parameters: {},
    }));
    expect(readPlaywrightOutcomes(path, written)?.map((o) => [o.scenario.line, o.status])).toEqual([
      [12, 'failed'],
      [13, 'passed'],
    ]);
  });

  it('Cucumber: an undefined or pending step fails the attempt; no report is undefined', () => {
    const scenario = (line: number, status: string) => ({
      type: 'scenario',
      name: `s${line}`,
      line,
      steps: [{ result: { status: 'passed' } }, { result: { status } }],
    });
    const path = write('undefined.json', [
      {
        uri: 'features/a.feature',
        elements: [scenario(3, 'undefined'), scenario(7, 'pending'), scenario(9, 'passed')],
      },
    ]);
    expect(readCucumberOutcomes(path)?.map((o) => o.status)).toEqual(['failed', 'failed', 'passed']);
    expect(readCucumberOutcomes(join(dir, 'none.json'))).toBeUndefined();
  });
});

describe('what the reports read of an error message', () => {
  it('is nothing but Allure’s site-defect category (docs/architecture.md says so)', async () => {
    const { CATEGORY_RULES } = await import('../../harness/reporting/allure-categories.mjs');
    const byMessage = CATEGORY_RULES.filter((rule) => 'message' in rule.matchers).map((rule) => rule.id);
    expect(byMessage).toEqual(['site-defect']);
  });
});
