import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classicWording } from '../support/classic-wording.ts';

/** The shape the harness will hold a site profile to (issue 16, item 4). */
const siteProfile = z.strictObject({
  name: z.string().min(1),
  wording: z.record(z.string().min(1), z.string().min(1)),
  capabilities: z.strictObject({ scriptedForms: z.boolean() }),
  otherDevicesSignedOutWithinSeconds: z.number().int().min(0),
  findings: z.record(z.string(), z.string()).optional(),
  pictures: z.string().optional(),
});

const read = (name: string) => siteProfile.parse(JSON.parse(readFileSync(`site-profiles/${name}.json`, 'utf8')));

function featureTexts(dir = 'features'): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return featureTexts(path);
      return entry.name.endsWith('.feature') ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}

describe('the site profiles of the bundled mock', () => {
  it("flickbox.json: the first rendition, the features' own words, scripted forms", () => {
    expect(read('flickbox')).toMatchObject({ wording: {}, capabilities: { scriptedForms: true } });
  });

  it('classic.json: plain forms, and the classic words exactly as its pages render them', () => {
    const profile = read('classic');
    expect(profile.capabilities.scriptedForms).toBe(false);
    expect(profile.wording).toEqual(classicWording());
  });

  it('classic.json: every entry is a text the feature files quote, in a step or an Examples table', () => {
    const features = featureTexts();
    const quoted = (text: string) => features.includes(`"${text}"`) || features.includes(`| ${text} `);
    expect(Object.keys(read('classic').wording).filter((text) => !quoted(text))).toEqual([]);
  });

  it('components.json: the components rendition writes the classic pages otherwise, with the same words', () => {
    const { name, ...components } = read('components');
    const { name: classicName, ...classic } = read('classic');
    expect(components).toEqual(classic);
    expect(name).not.toBe(classicName);
  });
});
