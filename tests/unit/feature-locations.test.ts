import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureLocation, readSpecMap } from '../../harness/reporting/feature-locations.ts';

// The shape bddgen (playwright-bdd 9.2) writes: the feature on the first line, one test's data per line at the end.
const spec = `// Generated from: features/sign-in.feature
import { test } from "../steps/fixtures.ts";

test.describe('Sign in', () => {
  test.beforeEach('Background', async ({ Given }) => {
    await Given('I have an account');
  });
  test('The sign in page opens', async ({ When, Then }) => {
    await When('I click on the button');
    await Then('the sign in page opens');
  });
});

const bddFileData = [ // bdd-data-start
  {"pwTestLine":8,"pickleLine":14,"tags":[],"steps":[{"pwStepLine":6,"gherkinStepLine":5,"keywordType":"Context","textWithKeyword":"Given I have an account","isBg":true},{"pwStepLine":9,"gherkinStepLine":15,"keywordType":"Action","textWithKeyword":"When I click on the button"},{"pwStepLine":10,"gherkinStepLine":16,"keywordType":"Outcome","textWithKeyword":"Then the sign in page opens"}]},
]; // bdd-data-end
`;

describe('Playwright report steps at their feature line', () => {
  const map = readSpecMap(spec)!;

  it('maps each Gherkin step of a test, the background included, to its line in the .feature file', () => {
    const file = resolve('features/sign-in.feature');
    expect(featureLocation(map, 8, { file: 'x', line: 9, column: 5 })).toEqual({ file, line: 15, column: 1 });
    expect(featureLocation(map, 8, { file: 'x', line: 6, column: 5 })).toEqual({ file, line: 5, column: 1 });
  });

  it('leaves any other step where it is', () => {
    expect(featureLocation(map, 8, { file: 'x', line: 3, column: 1 })).toBeUndefined();
    expect(featureLocation(map, 99, { file: 'x', line: 9, column: 1 })).toBeUndefined();
  });

  it('reads no map from a file bddgen did not write', () => {
    expect(readSpecMap('export {};\n')).toBeUndefined();
  });
});
