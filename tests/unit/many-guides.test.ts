import { describe, expect, it } from 'vitest';
import { placeFeatures, SUPPORTING_EPIC } from '../../harness/reporting/allure-results.ts';
import type { WrittenScenario } from '../../harness/guide/features.ts';
import { checkGuideCoverage, crossGuideProblems, scenariosOfGuide } from '../../harness/reporting/guide-coverage.ts';
import {
  guideOfStep,
  guideStep,
  hashStepText,
  loadGuides,
  loadGuideText,
  type Guide,
} from '../../harness/guide/guide.ts';
import { expandGuideOption, featureFilesOfGuides, guidesNamed } from '../../harness/config/guide-selection.ts';
import { guideSentences } from '../../harness/guide/guide-sentences.ts';
import { runKindOf } from '../../harness/config/run-kind.ts';

const guides = loadGuides();
const [first, second] = [
  guides.find((g) => g.slug === 'strengthening-account-security')!,
  guides.find((g) => g.slug === 'sign-out-of-all-devices')!,
];
let line = 0;
const scenario = (file: string, ...ids: string[]): WrittenScenario => ({
  name: `verifies ${ids.join(' ')}`,
  file,
  line: ++line,
  scenarioLine: line,
  tags: ids.map((id) => `guide:${id}`),
  parameters: {},
});
const actionsOf = (guide: Guide) => guide.steps.filter((s) => s.kind === 'action').map((s) => s.id);

describe('every guide in guides/', () => {
  it('finds both guides, each with its text and step ids', () => {
    expect(guides.map((g) => g.slug)).toEqual(['sign-out-of-all-devices', 'strengthening-account-security']);
    expect(second.source).toBe('sign-out-of-all-devices.md');
    expect(actionsOf(second)).toHaveLength(9);
  });

  it.each(guides.map((g) => [g.slug, g] as const))('%s: its copy reads as its steps.json pins it', (_, guide) => {
    const sentences = guideSentences(loadGuideText(guide), guide.source, guide.steps);
    expect(sentences).toEqual(guide.steps.map((s) => s.text));
    expect(guide.steps.filter((s) => hashStepText(s.text) !== s.textHash).map((s) => s.id)).toEqual([]);
  });

  it('keeps a Markdown guide’s headings, list items, alt texts and captions apart, and its colons within sentences', () => {
    const md = '# Title\n\nWhy? Because.\n\n![alt text](a.png)\n*A caption*\n\n1. Do this: now. Then that.\n2. Last';
    expect(guideSentences(md, 'g.md')).toEqual([
      'Title',
      'Why?',
      'Because.',
      'alt text',
      'A caption',
      'Do this: now.',
      'Then that.',
      'Last',
    ]);
  });

  it('finds an action by its id in whichever guide holds it; prose ids repeat across guides', () => {
    expect(guideOfStep('sign-out.2', guides)?.slug).toBe('sign-out-of-all-devices');
    expect(guideOfStep('password.4', guides)?.slug).toBe('strengthening-account-security');
    expect(guideStep('sign-out.3').text).toMatch(/^You stay signed in/);
    expect(guideOfStep('title.1', guides)).toBeUndefined();
  });
});

describe('the coverage gate, guide by guide', () => {
  const written = [
    ...actionsOf(first).map((id) => scenario('features/strengthening-account-security/x.feature', id)),
    ...actionsOf(second).map((id) => scenario('features/sign-out-of-all-devices/y.feature', id)),
    scenario('features/security/z.feature', 'sign-in.4'),
  ];

  it('gives each guide its own features and the supporting ones tagged with its steps', () => {
    const files = (guide: Guide) => [...new Set(scenariosOfGuide(guide, written, guides).map((s) => s.file))];
    expect(files(first)).toEqual(['features/strengthening-account-security/x.feature', 'features/security/z.feature']);
    expect(files(second)).toEqual(['features/sign-out-of-all-devices/y.feature']);
  });

  it('passes both guides when every action of each has a scenario', () => {
    for (const guide of guides) {
      expect(checkGuideCoverage(guide, loadGuideText(guide), written, [], guides).problems).toEqual([]);
    }
    expect(crossGuideProblems(guides, written)).toEqual([]);
  });

  it('names an action of the second guide left uncovered, and a tag of its folder that names another guide’s step', () => {
    const withoutOne = written.filter((s) => !s.tags.includes('guide:sign-out.1'));
    const strayTag = scenario('features/sign-out-of-all-devices/y.feature', 'sign-out.3', 'nope.1');
    expect(checkGuideCoverage(second, loadGuideText(second), [...withoutOne, strayTag], [], guides).problems).toEqual([
      expect.stringMatching(/^Guide step sign-out\.1 describes an action but no scenario verifies it/),
      expect.stringMatching(/tagged @guide:nope\.1, which is not a step of the guide\.$/),
    ]);
  });

  it('names an action id two guides share, and a supporting scenario that names no guide’s step', () => {
    const twin: Guide = { ...second, slug: 'twin', steps: second.steps.filter((s) => s.id === 'sign-out-sign-in.1') };
    expect(crossGuideProblems([...guides, twin], [scenario('features/faults/w.feature', 'nope.2')])).toEqual([
      'The action id sign-out-sign-in.1 is a step of both sign-out-of-all-devices and twin: rename one.',
      expect.stringMatching(/^features\/faults\/w\.feature:\d+ “verifies nope\.2” is in no guide's folder/),
    ]);
  });
});

describe('choosing a guide to run', () => {
  const written = [
    scenario('features/strengthening-account-security/a.feature', 'sign-in.1'),
    scenario('features/sign-out-of-all-devices/b.feature', 'sign-out-sign-in.1'),
    scenario('features/security/c.feature', 'sign-in.4'),
  ];

  it('runs a guide’s own features and the supporting ones tagged with its steps', () => {
    expect(featureFilesOfGuides([first], guides, written)).toEqual([
      'features/strengthening-account-security/a.feature',
      'features/security/c.feature',
    ]);
    expect(expandGuideOption(['--guide', 'sign-out-of-all-devices', '--headed'], guides, written)).toEqual([
      'features/sign-out-of-all-devices/b.feature',
      '--headed',
    ]);
    expect(expandGuideOption(['features/x.feature:3'], guides, written)).toEqual(['features/x.feature:3']);
  });

  it('is a selection, and an unknown guide is one sentence naming the known ones', () => {
    expect(runKindOf(['--guide', 'sign-out-of-all-devices'])).toEqual({
      kind: 'selection',
      typed: '--guide sign-out-of-all-devices',
    });
    expect(() => guidesNamed(['--guide=nope'], guides)).toThrow(
      'No guide “nope” in guides/; known: sign-out-of-all-devices, strengthening-account-security.',
    );
  });
});

describe('Allure: a parent level per guide', () => {
  it('puts each guide’s features under its title, numbered in its order, and the supporting ones apart', () => {
    const written = [
      scenario('features/sign-out-of-all-devices/b.feature', 'sign-out-sign-in.1'),
      scenario('features/strengthening-account-security/p.feature', 'password.1'),
      scenario('features/strengthening-account-security/a.feature', 'sign-in.1'),
      scenario('features/security/c.feature', 'sign-in.4'),
    ];
    const titles = new Map(written.map((s) => [s.file, s.file.split('/').at(-1)!]));
    const placed = placeFeatures(guides, written, titles);
    expect(placed.get('features/sign-out-of-all-devices/b.feature')).toEqual({
      epic: second.title,
      feature: '1. b.feature',
    });
    expect(placed.get('features/strengthening-account-security/a.feature')).toEqual({
      epic: first.title,
      feature: '1. a.feature',
    });
    expect(placed.get('features/strengthening-account-security/p.feature')).toEqual({
      epic: first.title,
      feature: '2. p.feature',
    });
    expect(placed.get('features/security/c.feature')).toEqual({ epic: SUPPORTING_EPIC, feature: '1. c.feature' });
  });
});
