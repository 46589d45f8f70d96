import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initGuide } from '../../harness/guide/guide-init/index.ts';
import { decodeArticle, MAX_ARTICLE_BYTES } from '../../harness/guide/guide-init/input.ts';
import { splitSentences } from '../../harness/guide/guide-init/sentences.ts';
import { guideSentences } from '../../harness/guide/guide-sentences.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE = '# Change email\n\n1. Click on the “Save” button.\n';

function setUp() {
  dir = mkdtempSync(join(tmpdir(), 'guide-init-input-'));
  const options = {
    guidesDir: join(dir, 'guides'),
    featuresDir: join(dir, 'features'),
    stepsDir: join(dir, 'steps'),
  };
  mkdirSync(options.stepsDir);
  writeFileSync(join(options.stepsDir, 'a.steps.ts'), "When('I click on the {string} button', () => {});\n");
  return options;
}

/** Everything under the guides and features folders: a refusal must leave both as they were. */
const written = () =>
  ['guides', 'features'].flatMap((d) =>
    existsSync(join(dir, d)) ? readdirSync(join(dir, d), { recursive: true, encoding: 'utf8' }) : [],
  );

describe('guide:init checks its input before it writes anything', () => {
  it('takes a slug of lowercase letters, digits and hyphens only', () => {
    const options = setUp();
    writeFileSync(join(dir, 'a.md'), ARTICLE);
    expect(() => initGuide({ ...options, file: join(dir, 'a.md'), slug: '../..' })).toThrow(
      /^--slug “\.\.\/\.\.” is not a slug: use lowercase letters, digits and hyphens only .*nothing written\.$/,
    );
    expect(() => initGuide({ ...options, file: join(dir, 'a.md'), slug: 'Change_Email' })).toThrow(/is not a slug/);
    writeFileSync(join(dir, 'пароль.md'), ARTICLE);
    expect(() => initGuide({ ...options, file: join(dir, 'пароль.md') })).toThrow(
      /file name gives no slug .* --slug <slug>; nothing written\./,
    );
    expect(written()).toEqual([]);
    expect(initGuide({ ...options, file: join(dir, 'пароль.md'), slug: 'change-password' }).slug).toBe(
      'change-password',
    );
  });

  it("never takes an existing guide's slug unless told to update it", () => {
    const options = setUp();
    writeFileSync(join(dir, 'first.md'), ARTICLE);
    writeFileSync(join(dir, 'other.md'), '# Something else\n\n1. Click on the “Cancel” button.\n');
    initGuide({ ...options, file: join(dir, 'first.md'), slug: 'mine' });
    const before = readFileSync(join(dir, 'guides', 'mine', 'steps.json'), 'utf8');
    expect(() => initGuide({ ...options, file: join(dir, 'other.md'), slug: 'mine' })).toThrow(
      /guides\/mine\/ is already the guide “Change email”: add --update .*; nothing written\./,
    );
    expect(readFileSync(join(dir, 'guides', 'mine', 'steps.json'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'guides', 'mine', 'other.md'))).toBe(false);
  });

  it('refuses a folder and an article over the size limit in one sentence', () => {
    const options = setUp();
    mkdirSync(join(dir, 'saved.html'));
    expect(() => initGuide({ ...options, file: join(dir, 'saved.html') })).toThrow(
      /saved\.html is a folder: give the article's file .*nothing written\.$/,
    );
    writeFileSync(join(dir, 'huge.txt'), `Huge\n\n${'Click on the “Save” button. '.repeat(MAX_ARTICLE_BYTES / 20)}`);
    expect(() => initGuide({ ...options, file: join(dir, 'huge.txt') })).toThrow(
      /^\S+huge\.txt is \d\.\d MB, more than the 1 MB guide:init reads: .*nothing written\.$/,
    );
    expect(() => initGuide({ ...options, file: join(dir, 'nowhere.md') })).toThrow(/^No file \S+nowhere\.md/);
    expect(written()).toEqual([]);
  });

  it('names a step file that does not parse, before steps.json is written', () => {
    const options = setUp();
    writeFileSync(join(options.stepsDir, 'broken.steps.ts'), "When('I click', () => {\n");
    writeFileSync(join(dir, 'a.md'), ARTICLE);
    expect(() => initGuide({ ...options, file: join(dir, 'a.md') })).toThrow(
      /broken\.steps\.ts is not valid TypeScript \(line \d+: .*\): fix it, then run guide:init again\./,
    );
    expect(written()).toEqual([]);
  });

  it('reads UTF-8 with or without a BOM, UTF-16 by its BOM, and Windows-1252, and keeps the copy in UTF-8', () => {
    const text = 'Café settings — €1, Ÿ\n\n• Click on the “Save” button.\n';
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = Buffer.from(utf16le.subarray(2)).swap16();
    const cp1252 = Buffer.from(
      [...text].map((c) => ({ '€': 0x80, '“': 0x93, '”': 0x94, '•': 0x95, '—': 0x97, Ÿ: 0x9f })[c] ?? c.charCodeAt(0)),
    );
    expect(decodeArticle(Buffer.from(text))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeArticle(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({
      text,
      encoding: 'UTF-8 with BOM',
    });
    expect(decodeArticle(utf16le)).toEqual({ text, encoding: 'UTF-16 LE' });
    expect(decodeArticle(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]))).toEqual({ text, encoding: 'UTF-16 BE' });
    expect(decodeArticle(cp1252)).toEqual({ text, encoding: 'Windows-1252' });

    const options = setUp();
    writeFileSync(join(dir, 'cafe.txt'), cp1252);
    const result = initGuide({ ...options, file: join(dir, 'cafe.txt') });
    expect(result.guide.steps.map((s) => s.text)).toEqual(['Café settings — €1, Ÿ', 'Click on the “Save” button.']);
    expect(readFileSync(join(dir, 'guides', 'cafe', 'cafe.txt'), 'utf8')).toBe(text);
  });

  it('cuts a long paragraph in memory linear in its size', () => {
    const paragraph = 'Click on the “Save” button. '.repeat(20_000);
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const sentences = splitSentences(paragraph);
    const grown = process.memoryUsage().heapUsed - before;
    expect(sentences).toHaveLength(20_000);
    // 560 KB of text: its sentences and their array, a few MB; a copy of the paragraph per sentence is gigabytes.
    expect(grown).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('guide:init and the coverage gate read a plain-text guide alike', () => {
  it('leaves a .txt guide not stale right after guide:init: paragraphs and bullets cut into the same sentences', () => {
    const options = setUp();
    const article = [
      'Sign out of Flickbox everywhere',
      'Someone used your account? You can end every session. It takes a minute.',
      '• Sign in to Flickbox. Then open your account.',
      '• Select Sign out of all devices.',
      'It can take up to 8 hours. Was this article helpful?',
    ].join('\n\n');
    writeFileSync(join(dir, 'everywhere.txt'), article);
    const { guide } = initGuide({ ...options, file: join(dir, 'everywhere.txt') });
    const copy = readFileSync(join(dir, 'guides', 'everywhere', 'everywhere.txt'), 'utf8');
    expect(guideSentences(copy, guide.source, guide.steps)).toEqual(guide.steps.map((s) => s.text));
    expect(guide.steps.map((s) => s.text)).toContain('Then open your account.');
    expect(guide.steps.length).toBe(9);
  });
});
