import { describe, expect, it } from 'vitest';
import { readArticle, type ArticleFormat } from '../../harness/guide/guide-init/article.ts';
import { classify, sentencesOf } from '../../harness/guide/guide-init/classify.ts';
import { draftFeature, quoteLabels } from '../../harness/guide/guide-init/draft-feature.ts';
import { freshIds } from '../../harness/guide/guide-init/ids.ts';
import { stepMatcher } from '../../harness/guide/guide-init/step-library.ts';

const read = (text: string, format: ArticleFormat) => classify(sentencesOf(readArticle(text, format)));
const actions = (text: string, format: ArticleFormat) =>
  read(text, format)
    .filter((s) => s.kind === 'action')
    .map((s) => s.text);
const LIBRARY = stepMatcher(['I click on the {string} button', 'I click on {string} in the pop-up menu']);
const draftOf = (text: string, format: ArticleFormat) => {
  const sentences = read(text, format).filter((s) => s.kind === 'action');
  return draftFeature('steps', freshIds(sentences), sentences, {
    guideTitle: 'T',
    source: 'a',
    matchStep: LIBRARY,
  });
};

describe('guide:init reads the common forms of a how-to article', () => {
  it('takes "Step N:" paragraphs, headings and short lines as steps', () => {
    const text =
      'Sign out everywhere\n\nStep 1: Open the Flickbox app\n\nStep 2: Tap Settings\n\nStep 3: Click Save.\n';
    expect(actions(text, 'text')).toEqual([
      'Step 1: Open the Flickbox app',
      'Step 2: Tap Settings',
      'Step 3: Click Save.',
    ]);
    const markdown =
      '# Sign out\n\n## Step 1: Open your account\n\nIt is under your name.\n\n## Step 2 – Click **Save**\n';
    expect(actions(markdown, 'markdown')).toEqual(['Step 1: Open your account', 'Step 2 – Click Save']);
    const draft = draftOf(text, 'text').text;
    expect(draft).toContain('When I open the Flickbox app');
    expect(draft).toContain('When I click on the "Save" button');
    expect(draft).not.toMatch(/^ +(?:When|Then|And|Scenario:) .*Step \d/m);
  });

  it('makes bold or unquoted labels the {string} of the step they name, reusing the library', () => {
    expect(quoteLabels('Click Save.', [])).toBe('Click “Save”.');
    expect(quoteLabels('Tap Log out of all devices.', [])).toBe('Tap “Log out of all devices”.');
    expect(quoteLabels('Now, select Account in the menu.', [])).toBe('Now, select “Account” in the menu.');
    expect(quoteLabels('Select Account.', ['Account'])).toBe('Select “Account”.');
    expect(quoteLabels('Click your name.', [])).toBe('Click your name.');
    expect(quoteLabels('Click “Save”.', [])).toBe('Click “Save”.');
    const markdown = '# Sign out\n\n1. Select **Account**.\n2. Tap Log out of all devices.\n3. Click your name.\n';
    const draft = draftOf(markdown, 'markdown');
    expect(draft.text).toContain('When I click on the "Account" button');
    expect(draft.text).toContain('When I click on the "Log out of all devices" button');
    expect(draft.reused).toBe(2);
    expect(draft.undefinedSteps).toEqual(['I click my name']);
  });

  it('keeps bullets that ask nothing (reasons, summaries, a footer) out of the actions', () => {
    const text = [
      'Change your password',
      'Why change it:',
      '• Someone may have seen you type it.',
      '• Your old one was in a data breach.',
      '1. Click on the “Account” button.',
      '2. You will see the form.',
      '• Privacy policy',
      '• Terms of use',
    ].join('\n\n');
    const sentences = read(text, 'text');
    expect(sentences.filter((s) => s.kind === 'action').map((s) => s.text)).toEqual([
      'Click on the “Account” button.',
      'You will see the form.',
    ]);
    expect(sentences.find((s) => s.text === 'Terms of use')).toMatchObject({ kind: 'outro' });
    expect(sentences.find((s) => s.text.startsWith('Someone'))?.kind).toBe('intro');
  });

  it("keeps the title in an article's own <header>, and never uses Then for an instruction", () => {
    const html = `<html><body><header><nav>Menu</nav></header><article><header><h1>Sign out everywhere</h1>
      <p class="byline">By a writer</p></header><ol><li>Open your account.</li><li>Click <strong>Save</strong>.</li>
      <li>You will see “Done”.</li></ol></article></body></html>`;
    expect(read(html, 'html')[0]).toMatchObject({ kind: 'title', text: 'Sign out everywhere' });
    const draft = draftOf(html, 'html').text;
    expect(draft).toContain('When I open my account');
    expect(draft).toContain('When I click on the "Save" button');
    expect(draft).toContain('Then I will see "Done"');
    expect(draft.match(/^\s+Then /gm)).toHaveLength(1);
  });
});
