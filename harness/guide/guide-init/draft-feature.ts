import { DRAFT_TAG } from '../draft-tag.ts';
import type { GuideStep } from '../guide.ts';
import type { Sentence } from './classify.ts';
import {
  asStepText,
  clausesOf,
  isExpectation,
  isImperative,
  isObligation,
  mainClause,
  withoutStepNumber,
} from './wording.ts';

export interface DraftFeature {
  section: string;
  text: string;
  /** Steps reused from the library, and steps left for a person to define. */
  reused: number;
  undefinedSteps: string[];
}

/**
 * A first feature for one section of the guide: its sentences quoted in the description, a scenario per numbered
 * step or paragraph tagged with the ids it covers, and the guide's words as steps in the first person. A step the
 * library already defines is reused as it is; the others stay undefined so that both runners print their snippets.
 */
export function draftFeature(
  section: string,
  steps: GuideStep[],
  sentences: Sentence[],
  context: { guideTitle: string; source: string; matchStep: (text: string) => string | undefined },
): DraftFeature {
  const heading = sentences.find((s) => s.heading)?.heading;
  const name = sentences[0]?.topic ?? section;
  const title = heading ?? name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ');
  const lines = [
    `# Drafted by npm run guide:init from ${context.source}.`,
    '# Finish it by hand: guide:init never writes over it. No run generates it while it is tagged @draft: remove the',
    '# tag once every step has a definition (npm run guide -- --guide <slug> lists those that have none).',
    `@${DRAFT_TAG}`,
    `Feature: ${title}`,
    `  From the guide "${context.guideTitle}":`,
    ...steps.map((s) => `  "${s.text}"`),
  ];
  const byBlock = new Map<number, [GuideStep, Sentence][]>();
  sentences.forEach((s, i) => byBlock.set(s.block, [...(byBlock.get(s.block) ?? []), [steps[i]!, s]]));
  let reused = 0;
  const undefinedSteps: string[] = [];
  const names = new Set<string>();
  // The next number to try per name: a long article repeating one sentence stays linear.
  const next = new Map<string, number>();
  for (const group of byBlock.values()) {
    const first = scenarioName(group[0]![1].text);
    let name = first;
    for (let n = next.get(first) ?? 2; names.has(name); n++) {
      name = `${first} (${n})`;
      next.set(first, n + 1);
    }
    names.add(name);
    lines.push('', `  ${group.map(([step]) => `@guide:${step.id}`).join(' ')}`, `  Scenario: ${name}`);
    let previous = '';
    for (const [, sentence] of group) {
      for (const raw of clausesOf(sentence.text)) {
        const clause = quoteLabels(raw, sentence.labels ?? []);
        // "Now, click on the “Save” button" runs the library's 'I click on the {string} button' when the words
        // before the comma are only when or where; "Click “Save”" runs it too, a label being a button's by default.
        const whole = asStepText(clause);
        const main = asStepText(mainClause(clause));
        const text = [whole, main, ...labelledSteps(main)].find((t) => context.matchStep(t)) ?? whole;
        // Then observes: only what the reader is told they will see; every instruction is When.
        const keyword = isExpectation(clause) && !isImperative(clause) && !isObligation(clause) ? 'Then' : 'When';
        lines.push(`    ${keyword === previous ? 'And' : keyword} ${text}`);
        previous = keyword;
        if (context.matchStep(text)) reused++;
        else undefinedSteps.push(text);
      }
    }
  }
  return { section, text: `${lines.join('\n')}\n`, reused, undefinedSteps };
}

function scenarioName(sentence: string): string {
  const text = withoutStepNumber(sentence)
    .replace(/[.:;!?]+$/, '')
    .replace(/[“”]/g, '"');
  if (text.length <= 90) return text;
  return `${text.slice(0, text.lastIndexOf(' ', 88))}…`;
}

/** Verbs that name a control by its label: "Click Save", "Select **Account**", "Tap Log out of all devices". */
const LABEL_VERBS = /^I (?:click|tap|select|choose|press|hit|pick)(?: on)?(?: the)? /;

/**
 * Help centres write labels unquoted or in bold. A label the article set in bold gets quotes; so does the capitalised
 * object of "Click", "Select", "Tap"… when nothing in the clause is quoted ("Click Save" → `Click “Save”`), up to a
 * word that says what kind of control it is or where it is.
 */
export function quoteLabels(clause: string, bold: string[]): string {
  let text = clause;
  for (const label of bold) {
    if (text.includes(`“${label}”`) || text.includes(`"${label}"`)) continue;
    text = text.replace(label, `“${label}”`);
  }
  if (/[“"]/.test(text)) return text;
  const main = mainClause(text);
  const at = text.length - main.length;
  const unquoted =
    /^((?:click|tap|select|choose|press|hit|pick)(?: on)?(?: the)? )([A-Z][\w’'-]*(?: [\w’'-]+)*?)(?=(?: (?:button|link|tab|option|icon|menu|in|at|on|from|under|to)\b)|[.,;:!]?$)/.exec(
      main.replace(/^./, (c) => c.toLowerCase()),
    );
  if (!unquoted?.[1] || !unquoted[2] || unquoted[2].split(' ').length > 6) return text;
  const start = at + unquoted[1].length;
  return `${text.slice(0, start)}“${unquoted[2]}”${text.slice(start + unquoted[2].length)}`;
}

/** A clause naming one label, as the library's ways of clicking one: the first the library defines is reused. */
function labelledSteps(step: string): string[] {
  const label = /"([^"]+)"/.exec(step)?.[1];
  if (!label || !LABEL_VERBS.test(step) || (step.match(/"/g) ?? []).length !== 2) return [];
  return [
    `I click on the "${label}" button`,
    `I click on "${label}" in the pop-up menu`,
    `I click the "${label}" link`,
    `I click on the "${label}" text button`,
  ];
}
