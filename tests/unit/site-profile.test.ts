import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TIMEOUTS, timeoutsFor } from '../../harness/config/run-settings.ts';
import {
  BUNDLED_PROFILES,
  inSiteWords,
  readSiteProfile,
  siteProfilePath,
  slowestAnswerSeconds,
  unmetNeed,
} from '../../site/profile.ts';
import { siteSetting } from '../../site/setting.ts';

const dir = mkdtempSync(join(tmpdir(), 'site-profile-'));
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('site profiles', () => {
  it('default to the bundled rendition MOCK_SITE names, unless GUIDE_SITE_PROFILE names one', () => {
    expect(siteProfilePath({})).toBe(BUNDLED_PROFILES.modern);
    expect(siteProfilePath({ MOCK_SITE: 'classic' })).toBe(BUNDLED_PROFILES.classic);
    expect(siteProfilePath({ MOCK_SITE: 'components' })).toBe(BUNDLED_PROFILES.components);
    expect(siteProfilePath({ MOCK_SITE: 'classic', GUIDE_SITE_PROFILE: '/x.json' })).toBe('/x.json');
  });

  it('fill in what a minimal profile leaves out: the features’ wording, scripted forms, signed out at once, 15 s an answer', () => {
    const profile = readSiteProfile(write('minimal.json', { name: 'Our site' }));
    expect(profile).toEqual({
      name: 'Our site',
      wording: {},
      capabilities: { scriptedForms: true },
      otherDevicesSignedOutWithinSeconds: 0,
      findings: { accessibility: 'fail', security: 'fail', resilience: 'fail', looks: 'warn' },
      slowestAnswerSeconds: 15,
    });
  });

  it('say how long a person waits for one answer: the run setting over the profile, a bad value in one sentence', () => {
    const profile = readSiteProfile(write('slow.json', { name: 'x', slowestAnswerSeconds: 40 }));
    expect(slowestAnswerSeconds(profile, {})).toBe(40);
    expect(slowestAnswerSeconds(profile, { GUIDE_SLOWEST_ANSWER_SECONDS: '25' })).toBe(25);
    expect(() => slowestAnswerSeconds(profile, { GUIDE_SLOWEST_ANSWER_SECONDS: 'long' })).toThrow(
      'GUIDE_SLOWEST_ANSWER_SECONDS=long is not a wait: give the seconds a person waits for one answer, 1 to 600.',
    );
    expect(() => readSiteProfile(write('instant.json', { name: 'x', slowestAnswerSeconds: 0 }))).toThrow(
      /slowestAnswerSeconds/,
    );
  });

  it('stretch every ceiling of a run alike for a site allowed to be slower, and never shorten one', () => {
    expect(timeoutsFor(30, 15)).toEqual({
      scenarioMs: TIMEOUTS.scenarioMs * 2,
      cucumberStepMs: TIMEOUTS.cucumberStepMs * 2,
      expectMs: TIMEOUTS.expectMs * 2,
      actionMs: TIMEOUTS.actionMs * 2,
      navigationMs: TIMEOUTS.navigationMs * 2,
    });
    expect(timeoutsFor(5, 15)).toEqual(TIMEOUTS);
  });

  it('give the site’s own words for what the features quote, and the features’ words otherwise', () => {
    const profile = readSiteProfile(write('worded.json', { name: 'x', wording: { 'Text messages: On': 'Texts on' } }));
    expect(inSiteWords(profile, 'Text messages: On')).toBe('Texts on');
    expect(inSiteWords(profile, 'Text messages: Off')).toBe('Text messages: Off');
  });

  it('skip a scenario that needs scripted forms on a site of plain forms, with the reason', () => {
    const plain = readSiteProfile(write('plain.json', { name: 'x', capabilities: { scriptedForms: false } }));
    expect(unmetNeed(plain, ['@faults', '@needs:scripted-forms'])).toMatch(/plain HTML forms/);
    expect(unmetNeed(plain, ['@sign-in'])).toBeUndefined();
    expect(unmetNeed(readSiteProfile(BUNDLED_PROFILES.modern), ['@needs:scripted-forms'])).toBeUndefined();
  });

  it('refuse a profile that cannot be used, in one sentence naming the file and the field', () => {
    expect(() => readSiteProfile(write('typo.json', { name: 'x', capabilites: {} }))).toThrow(
      /site profile .*typo\.json is not valid: .*capabilites/,
    );
    expect(() => readSiteProfile(write('bad.json', '{ nope'))).toThrow(/bad\.json cannot be read as JSON/);
    expect(() => readSiteProfile(write('neg.json', { name: 'x', otherDevicesSignedOutWithinSeconds: -1 }))).toThrow(
      /otherDevicesSignedOutWithinSeconds/,
    );
  });

  it('the bundled profiles are valid', () => {
    expect(readSiteProfile(BUNDLED_PROFILES.modern).capabilities.scriptedForms).toBe(true);
    expect(readSiteProfile(BUNDLED_PROFILES.classic).capabilities.scriptedForms).toBe(false);
    expect(readSiteProfile(BUNDLED_PROFILES.components).capabilities.scriptedForms).toBe(false);
  });

  it('MOCK_SITE names a rendition of the bundled mock, or says which there are', () => {
    expect(siteSetting({ MOCK_SITE: 'classic' })).toMatchObject({ kind: 'bundled mock', rendition: 'classic' });
    expect(() => siteSetting({ MOCK_SITE: 'retro' })).toThrow(
      'MOCK_SITE=retro is not a rendition of the bundled mock: use flickbox, classic or components.',
    );
  });
});
