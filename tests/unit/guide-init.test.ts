import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashStepText, type Guide } from '../../harness/guide/guide.ts';
import { formatOf, readArticle } from '../../harness/guide/guide-init/article.ts';
import { classify, sentencesOf } from '../../harness/guide/guide-init/classify.ts';
import { freshIds, keepPriorUnits, reconcile } from '../../harness/guide/guide-init/ids.ts';
import { initGuide } from '../../harness/guide/guide-init/index.ts';
import { splitSentences } from '../../harness/guide/guide-init/sentences.ts';
import { expressionsIn, stepMatcher } from '../../harness/guide/guide-init/step-library.ts';
import { asStepText, clausesOf } from '../../harness/guide/guide-init/wording.ts';

const stepsOf = (text: string, format: 'text' | 'markdown' | 'html') =>
  freshIds(classify(sentencesOf(readArticle(text, format))));
describe('guide:init splits an article into sentences', () => {
  it('ends a sentence at an ellipsis closing a quoted label, not at a question mark inside one', () => {
    expect(splitSentences('Tick “Require all devices…” Click on the “Save” button.')).toEqual([
      'Tick “Require all devices…”',
      'Click on the “Save” button.',
    ]);
    expect(splitSentences('Pick a profile on the “Who’s watching?” screen. Then wait.')).toEqual([
      'Pick a profile on the “Who’s watching?” screen.',
      'Then wait.',
    ]);
    expect(splitSentences('Use a strong password, e.g. a phrase. Save it.')).toEqual([
      'Use a strong password, e.g. a phrase.',
      'Save it.',
    ]);
  });

  it('reads a plain-text save: title, paragraphs, an alt text and its caption, bullets', () => {
    const text =
      'Change Your Email\n\nWhy it matters.\n\nemail settings\n\nOpen the settings here\n\n  • Click on “Account”. You will see a form.\n';
    expect(readArticle(text, 'text')).toEqual([
      { role: 'title', text: 'Change Your Email' },
      { role: 'paragraph', text: 'Why it matters.' },
      { role: 'image', text: 'email settings' },
      { role: 'caption', text: 'Open the settings here' },
      { role: 'item', text: 'Click on “Account”. You will see a form.' },
    ]);
  });

  it('reads Markdown with its parser: a picture with its emphasised caption, numbered steps, headings', () => {
    const markdown = [
      '# Change your email',
      '',
      'Intro text.',
      '',
      '![email settings](a.png)',
      '*Open the settings here*',
      '',
      '## On the account page',
      '',
      '1. Click **Account**.',
      '2. Type the new address, then click “Save”.',
    ].join('\n');
    expect(readArticle(markdown, 'markdown')).toEqual([
      { role: 'title', text: 'Change your email' },
      { role: 'paragraph', text: 'Intro text.' },
      { role: 'image', text: 'email settings' },
      { role: 'caption', text: 'Open the settings here' },
      { role: 'heading', text: 'On the account page' },
      { role: 'item', text: 'Click Account.', labels: ['Account'] },
      { role: 'item', text: 'Type the new address, then click “Save”.' },
    ]);
  });

  it('reads a saved HTML page: the article only, figures with their captions, list items', () => {
    const html = `<!doctype html><html><head><title>Site</title></head><body>
      <nav><a href="/">Home</a></nav>
      <article><h1>Change your email</h1><p>Intro <b>text</b>.</p>
      <figure><img src="a.png" alt="email settings"><figcaption>Open the settings here</figcaption></figure>
      <ol><li>Click “Account”.</li><li>Type the address.<ul><li>Check it twice.</li></ul></li></ol></article>
      <footer>© us</footer></body></html>`;
    expect(formatOf('saved.html', html)).toBe('html');
    expect(formatOf('saved', html)).toBe('html');
    expect(readArticle(html, 'html')).toEqual([
      { role: 'title', text: 'Change your email' },
      { role: 'paragraph', text: 'Intro text.', labels: ['text'] },
      { role: 'image', text: 'email settings' },
      { role: 'caption', text: 'Open the settings here' },
      { role: 'item', text: 'Click “Account”.' },
      { role: 'item', text: 'Type the address.' },
      { role: 'item', text: 'Check it twice.' },
    ]);
  });
});

describe('guide:init reads the same article alike in any format', () => {
  const text = [
    'Change Your Email',
    'Lost your old address? Here is how.',
    'email settings',
    'Open the settings here',
    '1. Click your name and choose “Account”.',
    '2. On the next page, Netflix explains what will happen. Type the new address.',
    'Keep in mind that it takes a day.',
  ].join('\n\n');
  const markdown = [
    '# Change Your Email',
    'Lost your old address? Here is how.',
    '![email settings](a.png)\n*Open the settings here*',
    '1. Click your name and choose “Account”.\n2. On the next page, Netflix explains what will happen. Type the new address.',
    'Keep in mind that it takes a day.',
  ].join('\n\n');
  const html = `<html><body><header>Menu</header><main><h1>Change Your Email</h1>
    <div>Lost your old address? <a href="#">Here is how.</a></div>
    <figure><img alt="email settings" src="a.png"><figcaption>Open the settings here</figcaption></figure>
    <ol><li>Click your name and choose <b>“Account”</b>.</li>
    <li><p>On the next page, Netflix explains what will happen. Type the new address.</p></li></ol>
    <p>Keep in mind that it takes a day.</p></main></body></html>`;

  it('gives the same ids, kinds and texts for plain text, Markdown and HTML', () => {
    const fromText = stepsOf(text, 'text');
    expect(fromText.map((s) => `${s.id} ${s.kind}`)).toEqual([
      'title.1 title',
      'intro.1 intro',
      'intro.2 intro',
      'image.1 image',
      'caption.1 caption',
      'account.1 action',
      'account.2 action',
      'account.3 action',
      'outro.1 outro',
    ]);
    expect(stepsOf(markdown, 'markdown')).toEqual(fromText);
    expect(stepsOf(html, 'html')).toEqual(fromText);
  });
});

describe('guide:init tells actions from prose', () => {
  const article = [
    '# Change your email',
    'Lost access to your old address? Here is how to change it. If you need help, follow the steps below.',
    '![settings](a.png)',
    '*Click your name to start*',
    '1. Click your name in the top-right corner.',
    '2. Netflix will ask you for your password. Type it.',
    'You will then see the new address on the page.',
    'Keep in mind that the old address works for a day. See also our guide on passwords.',
  ].join('\n\n');

  it('takes numbered steps, imperatives and "you will see" among the steps as actions, the rest as prose', () => {
    expect(stepsOf(article, 'markdown').map((s) => `${s.kind}: ${s.text}`)).toEqual([
      'title: Change your email',
      'intro: Lost access to your old address?',
      'intro: Here is how to change it.',
      'intro: If you need help, follow the steps below.',
      'image: settings',
      'caption: Click your name to start',
      'action: Click your name in the top-right corner.',
      'action: Netflix will ask you for your password.',
      'action: Type it.',
      'action: You will then see the new address on the page.',
      'outro: Keep in mind that the old address works for a day.',
      'outro: See also our guide on passwords.',
    ]);
  });

  it('gives every prose sentence a reason and no action one', () => {
    for (const step of stepsOf(article, 'markdown')) expect(!!step.reason).toBe(step.kind !== 'action');
  });

  it('reads an imperative after a "when / where" phrase, and not a question', () => {
    const text = 'Title\n\nNow, click on “Save”.\n\nOn the next page, enter your phone number.\n\nClick here?\n';
    expect(stepsOf(text, 'text').map((s) => s.kind)).toEqual(['title', 'action', 'action', 'outro']);
  });
});

describe('guide:init gives stable ids', () => {
  it('names sections after headings, or after the topic of each run of steps between pictures', () => {
    const withHeadings = '# T\n\n## Sign in\n\n1. Open the site.\n\n## Your profile\n\n2. Pick a profile.\n';
    expect(stepsOf(withHeadings, 'markdown').map((s) => s.id)).toEqual([
      'title.1',
      'heading.1',
      'sign-in.1',
      'heading.2',
      'profile.1',
    ]);
    const withoutHeadings = [
      'T',
      '• Go to the sign in page of Netflix. Type your email address.',
      'pic one',
      'Caption one',
      '• On the sign in page, click “Sign in”.',
      'pic two',
      'Caption two',
      '• Click your profile. Pick a profile again.',
    ].join('\n\n');
    expect(stepsOf(withoutHeadings, 'text').map((s) => s.id)).toEqual([
      'title.1',
      'sign-in.1',
      'sign-in.2',
      'image.1',
      'caption.1',
      'sign-in.3',
      'image.2',
      'caption.2',
      'profile.1',
      'profile.2',
    ]);
  });

  const before = stepsOf(
    'T\n\n• Open the site. Click on the “Sign in” button. Type your password.\n\nThat is all.\n',
    'text',
  );

  it('keeps every id when nothing changed', () => {
    expect(reconcile(before, before)).toEqual({
      steps: before,
      changes: { added: [], removed: [], reworded: [], moved: [] },
    });
  });

  it('keeps the ids of unchanged sentences, re-pins a reworded one, numbers an added one after the highest', () => {
    const after = stepsOf(
      'T\n\n• Open the site. Wait for it. Click the “Sign in” button. Type your password.\n\nThat is all.\n',
      'text',
    );
    const { steps, changes } = reconcile(after, before);
    expect(steps.map((s) => `${s.id}: ${s.text}`)).toEqual([
      'title.1: T',
      'sign-in.1: Open the site.',
      'sign-in.4: Wait for it.',
      'sign-in.2: Click the “Sign in” button.',
      'sign-in.3: Type your password.',
      'outro.1: That is all.',
    ]);
    expect(changes.added.map((s) => s.id)).toEqual(['sign-in.4']);
    expect(changes.reworded).toEqual([
      {
        step: expect.objectContaining({ id: 'sign-in.2', textHash: hashStepText('Click the “Sign in” button.') }),
        was: 'Click on the “Sign in” button.',
      },
    ]);
    expect(changes.removed).toEqual([]);
  });

  it('lists removed and moved sentences, and never reuses a removed id', () => {
    const after = stepsOf('T\n\n• Type your password. Open the site. Scroll down.\n\nThat is all.\n', 'text');
    const { steps, changes } = reconcile(after, before);
    expect(changes.removed.map((s) => s.id)).toEqual(['sign-in.2']);
    expect(changes.moved.map((s) => s.id)).toEqual(['sign-in.3']);
    expect(changes.added.map((s) => s.id)).toEqual(['sign-in.4']);
    expect(steps.map((s) => s.id)).toEqual(['title.1', 'sign-in.3', 'sign-in.1', 'sign-in.4', 'outro.1']);
  });

  it('keeps a unit of several sentences that a steps.json gave one id, while its text is unchanged', () => {
    const sentences = classify(sentencesOf(readArticle('T\n\nWhy. Because.\n\n• Click “Go”.\n', 'text')));
    const prior = freshIds(sentences).map((s) => (s.id === 'intro.1' ? { ...s, text: 'Why. Because.' } : s));
    const units = keepPriorUnits(
      sentences,
      prior.filter((s) => s.id !== 'intro.2'),
    );
    expect(units.map((s) => s.text)).toEqual(['T', 'Why. Because.', 'Click “Go”.']);
    expect(keepPriorUnits(sentences, freshIds(sentences))).toEqual(sentences);
  });

  it('keeps the kind and reason a person corrected by hand', () => {
    const corrected = before.map((s) =>
      s.id === 'outro.1' ? { ...s, kind: 'note' as const, reason: 'Said by hand.' } : s,
    );
    expect(reconcile(before, corrected).steps.at(-1)).toMatchObject({
      id: 'outro.1',
      kind: 'note',
      reason: 'Said by hand.',
    });
  });
});

describe('guide:init reuses steps of the library', () => {
  const source = `
    When('I click on the {string} button', verifies('x', async function (label: string) {}));
    Then(\`the sign in page opens\`, async () => {});
    Given(/^I have (\\d+) profiles?$/, async () => {});
    other('I am not a step', () => {});
  `;

  it('reads the expressions of Given/When/Then calls from TypeScript without running it', () => {
    expect(expressionsIn(source)).toEqual([
      'I click on the {string} button',
      'the sign in page opens',
      '/^I have (\\d+) profiles?$/',
    ]);
  });

  it('matches a step text by Cucumber expression, as the runners do', () => {
    const match = stepMatcher(expressionsIn(source));
    expect(match('I click on the "Save" button')).toBe('I click on the {string} button');
    expect(match('I have 2 profiles')).toBe('/^I have (\\d+) profiles?$/');
    expect(match('I click on the Save button')).toBeUndefined();
  });

  it('turns the guide’s words into first-person steps, one per instruction', () => {
    expect(clausesOf('Type your email address and password, then click “Sign in”.')).toEqual([
      'Type your email address and password',
      'click “Sign in”.',
    ]);
    expect(clausesOf('Hover over or click your name and choose “Your Account” from the menu.')).toEqual([
      'Hover over or click your name',
      'choose “Your Account” from the menu.',
    ]);
    expect(asStepText('choose “Your Account” from the menu.')).toBe('I choose "Your Account" from the menu');
    expect(asStepText('Now, click on the “Save” button.')).toBe('now, I click on the "Save" button');
    expect(asStepText('Netflix will ask you to pick the profile you want.')).toBe(
      'Netflix will ask me to pick the profile I want',
    );
    expect(asStepText('On the page, you have to enter your password')).toBe('on the page, I enter my password');
  });
});

describe('npm run guide:init', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes steps.json and drafts; on a re-run it keeps hand-written features and lists what changed', () => {
    dir = mkdtempSync(join(tmpdir(), 'guide-init-'));
    const options = {
      file: join(dir, 'change-email.md'),
      guidesDir: join(dir, 'guides'),
      featuresDir: join(dir, 'features'),
      stepsDir: join(dir, 'steps'),
    };
    mkdirSync(options.stepsDir);
    writeFileSync(join(options.stepsDir, 'a.steps.ts'), "When('I click on the {string} button', () => {});\n");
    writeFileSync(options.file, '# Change email\n\n## Account\n\n1. Click on the “Save” button.\n');

    const first = initGuide(options);
    expect(first.slug).toBe('change-email');
    expect(first.changes).toBeUndefined();
    const feature = join(dir, 'features', 'change-email', 'account.feature');
    expect(readFileSync(feature, 'utf8')).toContain(
      '  @guide:account.1\n  Scenario: Click on the "Save" button\n    When I click on the "Save" button\n',
    );
    expect(first.written[0]).toMatchObject({ reused: 1, undefinedSteps: [] });
    expect(readFileSync(join(dir, 'guides', 'change-email', 'change-email.md'), 'utf8')).toContain('“Save”');

    writeFileSync(
      feature,
      'Feature: Mine\n\n  @guide:account.1\n  Scenario: by hand\n    When I click on the "Save" button\n',
    );
    writeFileSync(
      options.file,
      '# Change email\n\n## Account\n\n1. Click on the “Save” button. You will see “Saved”.\n\n## Phone\n\n2. Type your phone number.\n',
    );
    expect(() => initGuide(options)).toThrow(/is already the guide “Change email”: add --update/);
    const second = initGuide({ ...options, update: true });
    expect(readFileSync(feature, 'utf8')).toContain('Scenario: by hand');
    expect(second.kept).toEqual([{ section: 'account', uncovered: ['account.2'] }]);
    expect(second.written.map((d) => d.section)).toEqual(['phone']);
    expect(second.changes?.added.map((s) => s.id)).toEqual(['account.2', 'heading.2', 'phone.1']);
    expect(second.orphans).toEqual([]);
    const guide = JSON.parse(readFileSync(join(dir, 'guides', 'change-email', 'steps.json'), 'utf8')) as Pick<
      Guide,
      'steps'
    >;
    expect(guide.steps.find((s) => s.id === 'account.1')?.textHash).toBe(hashStepText('Click on the “Save” button.'));

    writeFileSync(options.file, '# Change email\n\n## Phone\n\n2. Type your phone number.\n');
    const third = initGuide({ ...options, update: true });
    expect(third.changes?.removed.map((s) => s.id)).toEqual(['heading.1', 'account.1', 'account.2']);
    expect(third.orphans).toEqual(['account.1']);
    expect(third.written).toEqual([]);
  });

  it('keeps an action id to one guide: a section another guide has is named apart', () => {
    dir = mkdtempSync(join(tmpdir(), 'guide-init-'));
    const options = {
      guidesDir: join(dir, 'guides'),
      featuresDir: join(dir, 'features'),
      stepsDir: join(dir, 'steps'),
    };
    mkdirSync(options.stepsDir);
    writeFileSync(join(dir, 'first.md'), '# Change your email\n\n1. Click your “Account”.\n');
    writeFileSync(join(dir, 'second.md'), '# Change your phone\n\n1. Click your “Account”.\n');
    expect(initGuide({ ...options, file: join(dir, 'first.md') }).guide.steps.map((s) => s.id)).toEqual([
      'title.1',
      'account.1',
    ]);
    expect(initGuide({ ...options, file: join(dir, 'second.md') }).guide.steps.map((s) => s.id)).toEqual([
      'title.1',
      'phone-account.1',
    ]);
  });

  it('refuses, in one sentence, a file that is not an article or holds no step', () => {
    dir = mkdtempSync(join(tmpdir(), 'guide-init-'));
    const options = { guidesDir: join(dir, 'guides'), featuresDir: join(dir, 'features'), stepsDir: join(dir, 'none') };
    writeFileSync(join(dir, 'a.pdf'), '%PDF-1.7\u0000\u0001');
    writeFileSync(join(dir, 'b.md'), '# Only a title\n\nAnd a thought.\n');
    expect(() => initGuide({ ...options, file: join(dir, 'a.pdf') })).toThrow(/a\.pdf is not text/);
    expect(() => initGuide({ ...options, file: join(dir, 'b.md') })).toThrow(/b\.md tells the reader to do nothing/);
  });
});
