import { describe, expect, it } from 'vitest';
import { imageTypeOf, StepPictures } from '../../harness/scenario/step-pictures.ts';

const ALWAYS = ['guide-path', 'gap'];

/** What a worker pictures when its scenarios pass or fail guide steps in turn: the names of the pictures taken. */
function run(pictures: StepPictures, scenarios: { tags: string[]; steps: [string, 'passed' | 'failed'][] }[]) {
  const taken: string[] = [];
  for (const { tags, steps } of scenarios) {
    const scenario = pictures.forScenario(tags);
    for (const [name, outcome] of steps) {
      const failed = outcome === 'failed';
      if (!scenario.wanted(name, failed)) continue;
      taken.push(`${name} ${outcome}`);
      if (!failed) scenario.taken(name);
    }
  }
  return taken;
}

const scenarios = [
  {
    tags: ['@sign-in'],
    steps: [
      ['sign-in.1', 'failed'],
      ['sign-in.2', 'passed'],
    ],
  },
  {
    tags: ['@sign-in'],
    steps: [
      ['sign-in.1', 'passed'],
      ['sign-in.2', 'passed'],
    ],
  },
  {
    tags: ['@sign-in', '@guide-path'],
    steps: [
      ['sign-in.1', 'passed'],
      ['sign-in.2', 'passed'],
    ],
  },
  { tags: ['guide-path'], steps: [['sign-in.1', 'failed']] },
  {
    tags: [],
    steps: [
      ['sign-in.1', 'passed'],
      ['sign-in.2', 'failed'],
    ],
  },
  { tags: ['@gap'], steps: [['sign-in.1', 'passed']] },
] satisfies Parameters<typeof run>[1];

describe('which guide-step pictures a worker takes', () => {
  it('by default: every failure, every step of the guide path and of a gap, and elsewhere a step the first time it passes', () => {
    expect(run(new StepPictures('each-step', ALWAYS), scenarios)).toEqual([
      'sign-in.1 failed',
      'sign-in.2 passed',
      'sign-in.1 passed',
      'sign-in.1 passed',
      'sign-in.2 passed',
      'sign-in.1 failed',
      'sign-in.2 failed',
      'sign-in.1 passed',
    ]);
  });

  it('keeps its memory per worker: another worker pictures the same steps again', () => {
    const first = new StepPictures('each-step', ALWAYS);
    run(first, scenarios);
    expect(run(new StepPictures('each-step', ALWAYS), [scenarios[1]!])).toEqual([
      'sign-in.1 passed',
      'sign-in.2 passed',
    ]);
    expect(run(first, [scenarios[1]!])).toEqual([]);
  });

  it('pictures every step of every scenario, or only failures, when asked', () => {
    expect(run(new StepPictures('every-step', ALWAYS), scenarios)).toHaveLength(10);
    expect(run(new StepPictures('failures', ALWAYS), scenarios)).toEqual([
      'sign-in.1 failed',
      'sign-in.1 failed',
      'sign-in.2 failed',
    ]);
  });

  it('tells a JPEG picture from a PNG one by its first bytes', () => {
    expect(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(imageTypeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe('image/png');
  });
});
