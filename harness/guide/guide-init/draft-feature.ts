import type { GuideStep } from '../guide.ts';
import type { Sentence } from './classify.ts';
import { asStepText, clausesOf, isImperative, isObligation, mainClause } from './wording.ts';

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
    '# Finish it by hand: guide:init never writes over it.',
    `Feature: ${title}`,
    `  From the guide "${context.guideTitle}":`,
    ...steps.map((s) => `  "${s.text}"`),
  ];
  const byBlock = new Map<number, [GuideStep, Sentence][]>();
  sentences.forEach((s, i) => byBlock.set(s.block, [...(byBlock.get(s.block) ?? []), [steps[i]!, s]]));
  let reused = 0;
  const undefinedSteps: string[] = [];
  const names = new Set<string>();
  for (const group of byBlock.values()) {
    const first = scenarioName(group[0]![1].text);
    let name = first;
    for (let n = 2; names.has(name); n++) name = `${first} (${n})`;
    names.add(name);
    lines.push('', `  ${group.map(([step]) => `@guide:${step.id}`).join(' ')}`, `  Scenario: ${name}`);
    let previous = '';
    for (const [, sentence] of group) {
      for (const clause of clausesOf(sentence.text)) {
        // "Now, click on the “Save” button" runs the library's 'I click on the {string} button' when the words
        // before the comma are only when or where.
        const whole = asStepText(clause);
        const main = asStepText(mainClause(clause));
        const text = !context.matchStep(whole) && context.matchStep(main) ? main : whole;
        const keyword = isImperative(clause) || isObligation(clause) ? 'When' : 'Then';
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
  const text = sentence.replace(/[.:;!?]+$/, '').replace(/[“”]/g, '"');
  if (text.length <= 90) return text;
  return `${text.slice(0, text.lastIndexOf(' ', 88))}…`;
}
