import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  featureFileOf,
  fullyPicturedResults,
  keptAttachments,
  slimAllureHistory,
  placeFeatures,
  relabel,
  storyName,
  SUPPORTING_EPIC,
  withoutTrackers,
  type AllureResult,
  type TreeGuide,
} from '../../harness/reporting/allure-results.ts';
import { OUTCOME_ATTACHMENT, outcomeBody } from '../../harness/scenario/outcome.ts';
import { LOOK_DIFF_PREFIX, LOOK_PICTURE_PREFIX } from '../../harness/reporting/guide-looks.ts';
import { cucumberSelectionProblem } from '../../harness/config/cucumber-selection.ts';
import { chooseEvidence, GUIDE_PATH_TAG } from '../../harness/reporting/evidence-choice.ts';
import { emailAlias, generatedEmails } from '../../harness/scenario/evidence-masks.ts';
import { tagExpressionProblem } from '../../harness/config/feature-selection.ts';
import type { WrittenScenario } from '../../harness/guide/features.ts';
import { CHECKED_SUFFIX, EVIDENCE_PREFIX, type Guide, type GuideStep } from '../../harness/guide/guide.ts';
import type { StepVerdict } from '../../harness/reporting/guide-verdicts.ts';
import { shownVerdict } from '../../harness/reporting/illustrated-guide.ts';
import { reportsDirFor, runKindOf, selectionSentence } from '../../harness/config/run-kind.ts';
import type { ScenarioOutcome, ScenarioStatus } from '../../harness/reporting/scenario-outcome.ts';

const step = (id: string): GuideStep => ({ id, section: id.split('.')[0]!, kind: 'action', text: id, textHash: '' });
const guide: Guide = {
  slug: 'the-guide',
  source: 'g.txt',
  title: 'The guide',
  steps: ['sign-in.1', 'profile.1', 'password.1'].map(step),
};

describe('a run knows what it is', () => {
  it('is a full run without arguments, or with options that select nothing', () => {
    expect(runKindOf([])).toEqual({ kind: 'full' });
    expect(runKindOf(['--workers', '2', '--headed', '--repeat-each=3'])).toEqual({ kind: 'full' });
  });

  it('is a selection for a feature, a line, a tag expression or a title grep, quoted as typed', () => {
    expect(runKindOf(['features/sign-in.feature:14'])).toEqual({
      kind: 'selection',
      typed: 'features/sign-in.feature:14',
    });
    expect(runKindOf(['--tags', '@sign-in and not @slow'])).toEqual({
      kind: 'selection',
      typed: '--tags "@sign-in and not @slow"',
    });
    expect(runKindOf(['-g', 'Cancel']).kind).toBe('selection');
    expect(runKindOf(['--grep=Cancel']).kind).toBe('selection');
  });

  it('writes a selection beside the stakeholder reports unless the user names a folder', () => {
    expect(reportsDirFor({ kind: 'full' }, {})).toBe('reports');
    expect(reportsDirFor({ kind: 'selection', typed: 'x' }, {})).toBe('reports/selection');
    expect(reportsDirFor({ kind: 'selection', typed: 'x' }, { GUIDE_REPORTS_DIR: 'out/' })).toBe('out');
  });

  it('says plainly what part of the guide ran', () => {
    expect(selectionSentence({ typed: '--tags @sign-in', selected: 6, total: 76 })).toBe(
      'A selection: 6 of 76 scenarios (--tags @sign-in)',
    );
  });

  it('reads a tag expression that is not one as one sentence', () => {
    expect(tagExpressionProblem('@a and')).toBe(
      'Tag expression "@a and" could not be parsed because of syntax error: Expected operand.',
    );
    expect(tagExpressionProblem('@a and not @b')).toBeUndefined();
  });
});

const written = (file: string, line: number, tags: string[], name = `${file}:${line}`): WrittenScenario => ({
  name,
  file,
  line,
  scenarioLine: line,
  tags,
  parameters: {},
});
const scenarios = [
  written('features/sign-in.feature', 14, ['sign-in', 'guide:sign-in.1'], 'The sign in button'),
  written('features/choose-profile.feature', 16, ['choose-profile', 'guide:profile.1']),
  written('features/security/sign-in-security.feature', 10, ['security', 'guide:sign-in.1']),
];

describe('cucumber-js with a selection that matches nothing', () => {
  it('fails with one sentence for an unknown tag, a line that is no scenario, or a bad expression', () => {
    expect(cucumberSelectionProblem(['--tags', '@signin'], scenarios)).toMatch(/matches no scenario/);
    expect(cucumberSelectionProblem(['features/sign-in.feature:99'], scenarios)).toMatch(/matches no scenario/);
    expect(cucumberSelectionProblem(['--tags', '@a and'], scenarios)).toMatch(/could not be parsed/);
  });

  it('lets a selection that matches run', () => {
    expect(cucumberSelectionProblem([], scenarios)).toBeUndefined();
    expect(cucumberSelectionProblem(['--tags', '@sign-in', '--format', 'summary'], scenarios)).toBeUndefined();
    expect(cucumberSelectionProblem(['features/security'], scenarios)).toBeUndefined();
    expect(cucumberSelectionProblem(['features/sign-in.feature:14', '--name', 'sign in'], scenarios)).toBeUndefined();
  });
});

let line = 0;
const outcome = (status: ScenarioStatus, tags: string[], shots: string[], records: string[] = []): ScenarioOutcome => ({
  scenario: { file: 'features/x.feature', line: ++line, name: `scenario ${line}` },
  status,
  findings: [],
  tags,
  guideSteps: [],
  records: records.map((guideStep) => ({ guideStep, kind: 'renamed', guideSays: '', siteShowed: '' })),
  error: undefined,
  attachments: shots.map((id) => ({ name: `${EVIDENCE_PREFIX}${id}`, path: `/shots/${line}-${id}.png` })),
});
const verdictOf = (verdict: StepVerdict['verdict'], scenarios: ScenarioOutcome[]): StepVerdict => ({
  step: step('password.5'),
  verdict,
  scenarios,
  records: [],
  notes: [],
  reason: undefined,
});

describe('the picture of a guide step', () => {
  it('comes from the guide-path scenario before any other passing one', () => {
    const other = outcome('passed', [], ['password.5']);
    const path = outcome('passed', [GUIDE_PATH_TAG], ['password.5']);
    expect(chooseEvidence(verdictOf('verified', [other, path]))?.scenario).toBe(path);
  });

  it('else from a passing scenario before a failed one', () => {
    const failedOne = outcome('failed', [], ['password.5'], ['password.2']);
    const passing = outcome('passed', [], ['password.5']);
    expect(chooseEvidence(verdictOf('verified', [failedOne, passing]))?.scenario).toBe(passing);
  });

  it('of a drifted step, from a check that found the drift', () => {
    const path = outcome('passed', [GUIDE_PATH_TAG], ['password.5']);
    const found = outcome('failed', [], ['password.5'], ['password.5']);
    expect(chooseEvidence(verdictOf('drifted', [path, found]))?.scenario).toBe(found);
  });

  it('shows the page right after a step acted on the sentence, not after one that only looked at it first', () => {
    const path = outcome('passed', [GUIDE_PATH_TAG], []);
    path.attachments = [
      { name: `${EVIDENCE_PREFIX}password.5${CHECKED_SUFFIX}`, path: '/shots/looked.png' },
      { name: `${EVIDENCE_PREFIX}password.5`, path: '/shots/acted.png' },
    ];
    expect(chooseEvidence(verdictOf('verified', [path]))?.path).toBe('/shots/acted.png');
    path.attachments = path.attachments.slice(0, 1);
    expect(chooseEvidence(verdictOf('verified', [path]))?.path).toBe('/shots/looked.png');
  });

  it('is absent when no scenario got as far as the step', () => {
    expect(
      chooseEvidence(verdictOf('verified', [outcome('passed', [GUIDE_PATH_TAG], ['password.4'])])),
    ).toBeUndefined();
  });
});

describe('what a card says', () => {
  const v = (verdict: StepVerdict['verdict']) => verdictOf(verdict, []);
  it('says "not run in this selection" for a step whose checks the selection left out, never "not covered"', () => {
    expect(shownVerdict(v('not covered'), false, 3, true)).toBe('not selected');
    expect(shownVerdict(v('not run'), false, 3, true)).toBe('not selected');
  });
  it('keeps "not covered" for a step no check is written for, and every verdict of a full run', () => {
    expect(shownVerdict(v('not covered'), false, 0, true)).toBe('not covered');
    expect(shownVerdict(v('not covered'), false, 3, false)).toBe('not covered');
    expect(shownVerdict(v('verified'), true, 3, true)).toBe('stale');
  });
});

describe('pictures keep test data out', () => {
  it('shows a generated address as a short alias', () => {
    const key = 'a1b2c3-d4e5-r0-t0-lz9k';
    expect(emailAlias(`${key}@guide.test`, key)).toBe('you@guide.test');
    expect(emailAlias(`nobody-${key}@guide.test`, key)).toBe('nobody@guide.test');
    expect(generatedEmails(key)[0]).toEqual([`nobody-${key}@guide.test`, 'nobody@guide.test']);
  });
});

describe('Allure as its users expect', () => {
  const titles = new Map([
    ['features/sign-in.feature', 'Sign in'],
    ['features/choose-profile.feature', 'Choose a profile'],
    ['features/security/sign-in-security.feature', 'Sign-in security'],
  ]);

  it('puts the guide features in the guide order and the supporting ones apart', () => {
    const placed = placeFeatures([guide], [...scenarios].reverse(), titles);
    expect(placed.get('features/sign-in.feature')).toEqual({ epic: 'The guide', feature: '1. Sign in' });
    expect(placed.get('features/choose-profile.feature')).toEqual({
      epic: 'The guide',
      feature: '2. Choose a profile',
    });
    expect(placed.get('features/security/sign-in-security.feature')).toEqual({
      epic: SUPPORTING_EPIC,
      feature: '1. Sign-in security',
    });
  });

  it('gives each guide of a folder per guide its own parent, in the guides order, from the data alone', () => {
    const other: TreeGuide = {
      slug: 'sign-out',
      title: 'Sign out of all devices',
      steps: [{ id: 'sign-in.1' }, { id: 'settings.1' }],
    };
    const first: TreeGuide = { ...guide, slug: 'account-security' };
    const files = [
      written('features/sign-out/sign-out.feature', 5, ['guide:settings.1']),
      written('features/sign-out/sign-in.feature', 5, ['guide:sign-in.1']),
      written('features/account-security/choose-profile.feature', 5, ['guide:profile.1']),
      written('features/account-security/sign-in.feature', 5, ['guide:sign-in.1']),
      written('features/sign-out/security/sessions.feature', 5, ['guide:settings.1']),
      written('features/faults/saving.feature', 5, ['guide:password.1']),
    ];
    const names = new Map(files.map((f) => [f.file, f.file.split('/').at(-1)!.replace('.feature', '')]));
    const placed = placeFeatures([first, other], files, names);
    expect([...placed].filter(([, p]) => p.epic === 'The guide').map(([f, p]) => `${p.feature} ${f}`)).toEqual([
      '1. sign-in features/account-security/sign-in.feature',
      '2. choose-profile features/account-security/choose-profile.feature',
    ]);
    expect(placed.get('features/sign-out/sign-in.feature')).toEqual({
      epic: 'Sign out of all devices',
      feature: '1. sign-in',
    });
    expect(placed.get('features/sign-out/sign-out.feature')?.feature).toBe('2. sign-out');
    expect(placed.get('features/sign-out/security/sessions.feature')).toEqual({
      epic: SUPPORTING_EPIC,
      feature: '2. sessions',
    });
    expect(placed.get('features/faults/saving.feature')?.feature).toBe('1. saving');
  });

  it('numbers ten or more features with one width, so a sort by name keeps the order', () => {
    const many = Array.from({ length: 10 }, (_, i) => written(`features/f${i}.feature`, 1, [`guide:s.${i}`]));
    const long: TreeGuide = { title: 'Long', steps: many.map((_, i) => ({ id: `s.${i}` })) };
    const placed = placeFeatures([long], many, new Map());
    expect(placed.get('features/f0.feature')?.feature).toBe('01. features/f0.feature');
    expect(placed.get('features/f9.feature')?.feature).toBe('10. features/f9.feature');
  });

  it('names an outline story from its example row', () => {
    expect(
      storyName('Signing in is refused when <situation>', [{ name: 'situation', value: 'the password is wrong' }]),
    ).toBe('Signing in is refused when the password is wrong');
    const result: AllureResult & { fullName: string } = {
      name: 'Signing in is refused when the password is wrong',
      fullName: 'features/sign-in.feature.spec.js › Sign in › Signing in is refused when the password is wrong',
      labels: [
        { name: 'story', value: 'Signing in is refused when <situation>' },
        { name: 'parentSuite', value: 'chromium' },
      ],
      parameters: [{ name: 'situation', value: 'the password is wrong' }],
    };
    expect(featureFileOf(result)).toBe('features/sign-in.feature');
    const labels = relabel(result, { epic: 'The guide', feature: '1. Sign in' }).labels;
    expect(labels).toContainEqual({ name: 'story', value: 'Signing in is refused when the password is wrong' });
    expect(labels).toContainEqual({ name: 'parentSuite', value: 'The guide' });
  });

  it('keeps no attachment twice, no trace, and one picture per guide step from passing scenarios', () => {
    const shot = (name: string, source: string) => ({ name, source, type: 'image/png' });
    const result: AllureResult = {
      name: 's',
      status: 'passed',
      labels: [],
      steps: [
        { name: 'When I click', attachments: [shot(`${EVIDENCE_PREFIX}a.1`, 'chosen'), shot('page', 'p1')] },
        { name: 'Then I see', attachments: [shot(`${EVIDENCE_PREFIX}a.2`, 'other'), shot('page', 'p2')] },
      ],
      attachments: [
        { name: 'trace', source: 't', type: 'application/zip' },
        { name: 'trace', source: 't2', type: 'application/vnd.allure.playwright-trace' },
      ],
    };
    const hashOf = (source: string) => (source === 'p2' ? 'p1' : source);
    const kept = keptAttachments(result, hashOf, new Set(['chosen']));
    expect(kept.attachments).toEqual([]);
    expect(kept.steps?.[0]?.attachments?.map((a) => a.source)).toEqual(['chosen', 'p1']);
    expect(kept.steps?.[1]?.attachments).toEqual([]);
    expect(keptAttachments({ ...result, status: 'failed' }, hashOf, new Set()).steps?.[1]?.attachments).toHaveLength(1);
    // Playwright's failure screenshot is the page the last guide step already pictured: once, under the step's name.
    const failed: AllureResult = {
      name: 'f',
      status: 'failed',
      labels: [],
      steps: [{ name: 'Then I see', attachments: [shot(`${EVIDENCE_PREFIX}a.2`, 'last')] }],
      attachments: [shot('screenshot', 'same-bytes')],
    };
    const sameBytes = (source: string) => (source === 'same-bytes' ? 'last' : source);
    const tidy = keptAttachments(failed, sameBytes, new Set());
    expect(tidy.attachments).toEqual([]);
    expect(tidy.steps?.[0]?.attachments).toHaveLength(1);
  });

  it('shows every picture of the first failed scenario of a cause, and the failed step’s picture of the others', () => {
    const shot = (name: string, source: string) => ({ name, source, type: 'image/jpeg' });
    const failedResult = (name: string, start: number): AllureResult => ({
      name,
      status: 'failed',
      start,
      labels: [],
      steps: [
        { name: 'When I click', status: 'passed', attachments: [shot(`${EVIDENCE_PREFIX}a.1`, `${name}-1`)] },
        {
          name: 'Then I see',
          status: 'failed',
          steps: [{ name: 'attach', attachments: [shot(`${EVIDENCE_PREFIX}a.2`, `${name}-2`)] }],
          attachments: [{ name: OUTCOME_ATTACHMENT, source: 'renamed.json', type: 'application/json' }],
        },
      ],
      attachments: [
        { name: 'error-context', source: `${name}-context.md`, type: 'text/markdown' },
        shot('screenshot', `${name}-failure`),
      ],
    });
    const renamed = outcomeBody({
      guideStep: 'a.2',
      kind: 'renamed',
      guideSays: 'Click “Your Account”.',
      siteShowed: 'No “Your Account”; the closest is “Account”.',
      rewrite: { kind: 'renamed', guideLabel: 'Your Account', siteLabel: 'Account' },
    });
    const results = ['one', 'two', 'three', 'four'].map(failedResult);
    const pictured = fullyPicturedResults(results, () => renamed);
    expect(results.map((r) => pictured.has(r))).toEqual([true, false, false, false]);
    const sources = (r: AllureResult) =>
      JSON.stringify(keptAttachments(r, (source) => source, new Set(), pictured.has(r))).match(/"source":"[^"]+"/g);
    expect(sources(results[0]!)).toEqual(['"source":"one-1"', '"source":"one-2"', '"source":"renamed.json"']);
    expect(sources(results[3]!)).toEqual(['"source":"four-2"', '"source":"renamed.json"']);
    // Playwright's own screenshot at the failure stands in only where no guide step was pictured.
    const unpictured = { ...results[3]!, steps: results[3]!.steps!.slice(0, 1) };
    expect(sources(unpictured)).toEqual(['"source":"four-failure"']);
  });

  it('shows a step’s look picture only beside the difference that says its look changed', () => {
    const shot = (name: string, source: string) => ({ name, source, type: 'image/jpeg' });
    const result: AllureResult = {
      name: 'looks',
      status: 'passed',
      labels: [],
      steps: [
        { name: 'When I click', attachments: [shot(`${LOOK_PICTURE_PREFIX}a.1`, 'same-look')] },
        {
          name: 'Then I see',
          attachments: [shot(`${LOOK_PICTURE_PREFIX}a.2`, 'new-look'), shot(`${LOOK_DIFF_PREFIX}a.2`, 'difference')],
        },
      ],
    };
    const kept = JSON.stringify(keptAttachments(result, (source) => source, new Set()));
    expect(kept).not.toContain('same-look');
    expect(kept).toContain('new-look');
    expect(kept).toContain('difference');
  });

  it('drops the step allure-playwright made for an attachment that went, and keeps the Gherkin step', () => {
    const shot = { name: `${EVIDENCE_PREFIX}a.1`, source: 'not-chosen', type: 'image/jpeg' };
    const result: AllureResult = {
      name: 's',
      status: 'passed',
      labels: [],
      steps: [{ name: 'When I click', steps: [{ name: shot.name, attachments: [shot] }] }],
    };
    expect(keptAttachments(result, (source) => source, new Set()).steps).toEqual([{ name: 'When I click', steps: [] }]);
  });

  it('keeps Allure’s history to what its trend shows: no labels, no stack', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'history-')), 'allure-history.jsonl');
    const point = (n: number) => ({
      uuid: `u${n}`,
      testResults: {
        a: { id: 'a', status: 'failed', labels: [{ name: 'tag', value: 'x' }], error: { message: 'm', trace: 't' } },
      },
    });
    writeFileSync(file, `${JSON.stringify(point(1))}\n${JSON.stringify(point(2))}\n`);
    slimAllureHistory(file);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual(
      [1, 2].map((n) => ({
        uuid: `u${n}`,
        testResults: { a: { id: 'a', status: 'failed', error: { message: 'm' } } },
      })),
    );
  });

  it('loads no tracker', () => {
    const html = `<body><div id="app"></div>
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-X"></script>
    <script>
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('config', 'G-X', {});
    </script>
    <script>window.allureReportData = 1;</script></body>`;
    expect(withoutTrackers(html)).not.toMatch(/googletagmanager|gtag/);
    expect(withoutTrackers(html)).toContain('window.allureReportData');
  });
});
