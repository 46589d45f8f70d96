import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countFromFeatures,
  splitGuideArgs,
  toGeneratedSpecs,
  unknownFeatureFiles,
} from '../../harness/config/feature-selection.ts';
import type { WrittenScenario } from '../../harness/guide/features.ts';

const scenario = (line: number, scenarioLine = line): WrittenScenario => ({
  name: `at ${line}`,
  file: 'features/x.feature',
  line,
  scenarioLine,
  tags: [],
  parameters: {},
});
// A plain scenario at line 5; an outline at line 10 with example rows at 14 and 15.
const scenarios = [scenario(5), scenario(14, 10), scenario(15, 10)];

function generated(): string {
  const dir = mkdtempSync(join(tmpdir(), 'features-gen-'));
  mkdirSync(join(dir, 'features'));
  const data =
    '{"pwTestLine":4,"pickleLine":5,"tags":[]},{"pwTestLine":9,"pickleLine":14},{"pwTestLine":12,"pickleLine":15}';
  writeFileSync(join(dir, 'features/x.feature.spec.js'), `// test\nconst bddFileData = [${data}];\n`);
  return dir;
}

describe('selecting scenarios as cucumber-js does, on the Playwright runner', () => {
  it('takes a tag expression out for bddgen and leaves the rest', () => {
    expect(splitGuideArgs(['--tags', '@a and not @b', '--headed'])).toEqual({
      tags: '@a and not @b',
      rest: ['--headed'],
    });
    expect(splitGuideArgs(['--tags=@a'])).toEqual({ tags: '@a', rest: [] });
  });

  it('turns a feature line into the generated test line, and an outline line into all its examples', () => {
    const dir = generated();
    const spec = join(dir, 'features/x.feature.spec.js');
    expect(toGeneratedSpecs(['features/x.feature:5'], scenarios, dir)).toEqual([`${spec}:4`]);
    expect(toGeneratedSpecs(['features/x.feature:10'], scenarios, dir)).toEqual([`${spec}:9`, `${spec}:12`]);
    expect(toGeneratedSpecs(['features/x.feature:15', '--headed'], scenarios, dir)).toEqual([`${spec}:12`, '--headed']);
    expect(toGeneratedSpecs(['features/x.feature'], scenarios, dir)).toEqual([spec]);
  });

  it('counts a selection of files, lines and tags from the feature files, and leaves any other to Playwright', () => {
    const tagged = [{ ...scenario(5), tags: ['slow'] }, scenario(14, 10), { ...scenario(15, 10), tags: ['slow'] }];
    const other = { ...scenario(3), file: 'features/y.feature' };
    const all = [...tagged, other];
    expect(countFromFeatures([], all)).toBe(4);
    expect(countFromFeatures(['features/x.feature:10'], all)).toBe(2);
    expect(countFromFeatures(['./features/x.feature:5:15', 'features/y.feature'], all)).toBe(3);
    expect(countFromFeatures(['--tags', '@slow and not @fast'], all)).toBe(2);
    expect(countFromFeatures(['features/x.feature:10', '--tags=@slow'], all)).toBe(1);
    expect(countFromFeatures(['features/y.feature', '--tags', '@slow'], all)).toBe(0);
    expect(countFromFeatures(['features/x.feature', '-g', 'at 5'], all)).toBeUndefined();
    expect(countFromFeatures(['features/'], all)).toBeUndefined();
  });

  it('names the scenario lines when a line starts none', () => {
    expect(() => toGeneratedSpecs(['features/x.feature:7'], scenarios, generated())).toThrow(/start at 5, 10/);
  });
});

describe('a feature file that is not there', () => {
  const known = [
    'features/strengthening-account-security/sign-in.feature',
    'features/strengthening-account-security/change-password.feature',
    'features/sign-out-of-all-devices/sign-out-of-all-devices.feature',
    'features/security/sign-in-throttling.feature',
  ];
  const nowhere = () => false;

  it('names the person’s own path and the file of that name elsewhere, not a generated spec', () => {
    const problem = unknownFeatureFiles(['features/sign-in.feature'], known, nowhere);
    expect(problem).toBe(
      'There is no feature file features/sign-in.feature; did you mean features/strengthening-account-security/sign-in.feature?',
    );
    expect(unknownFeatureFiles(['./features/sign-in.feature:14', '--headed'], known, nowhere)).toContain(
      'There is no feature file features/sign-in.feature;',
    );
  });

  it('offers the most alike paths for a mistyped name', () => {
    const problem = unknownFeatureFiles(
      ['features/strengthening-account-security/change-pasword.feature'],
      known,
      nowhere,
    );
    expect(problem).toMatch(
      /^There is no feature file features\/strengthening-account-security\/change-pasword\.feature; did you mean features\/strengthening-account-security\/change-password\.feature or /,
    );
  });

  it('says nothing of a file that is there, or of other arguments', () => {
    expect(unknownFeatureFiles([`${known[0]}:14`, '--tags', '@x', 'features/'], known, nowhere)).toBeUndefined();
    expect(
      unknownFeatureFiles(['elsewhere/own.feature'], known, (file) => file === 'elsewhere/own.feature'),
    ).toBeUndefined();
  });
});
