import type { GuideStep } from '../guide.ts';
import type { Block, BlockRole } from './article.ts';
import { splitSentences } from './sentences.ts';
import { isAdvice, isExpectation, isImperative, isObligation, isPointer, properNouns, topicWords } from './wording.ts';

/** One sentence of the article, where it stands, and what the classifier makes of it. */
export interface Sentence {
  text: string;
  role: BlockRole;
  /** Index of its block: the sentences of one list item or paragraph share it. */
  block: number;
  kind: GuideStep['kind'];
  reason?: string;
  /** The section its id is numbered in: a section name for actions, the kind for prose. */
  section: string;
  /** A heading's words, when the section is named after one. */
  heading?: string;
  /** The section's name before it was set apart from another guide's (see apartFrom): a feature's title. */
  topic?: string;
  /** The labels the article set in bold within this sentence. */
  labels?: string[];
}

export function sentencesOf(blocks: Block[]): Omit<Sentence, 'kind' | 'section'>[] {
  return blocks.flatMap((block, index) =>
    (['title', 'heading', 'image', 'caption'].includes(block.role) ? [block.text] : splitSentences(block.text)).map(
      (text) => {
        const labels = block.labels?.filter((label) => label && text.includes(label));
        return { text, role: block.role, block: index, ...(labels?.length ? { labels } : {}) };
      },
    ),
  );
}

const REASONS = {
  title: "The guide's title; it names the goal, not an action.",
  heading: 'A heading; it names the steps under it, which are verified there.',
  image:
    'Alternative text of a picture in the published guide; the illustrated report shows a fresh screenshot in its place.',
  caption: 'Caption of a picture; it restates the instruction printed near it, which is verified there.',
  intro: 'Introduction: explains why, asks nothing of the user.',
  introQuestion: 'Introduction: a question that sets the scene; asks nothing of the user.',
  outro: 'Closing words after the steps; they ask nothing of the user.',
  pointer: "Closing links to other guides; outside this guide's scope.",
  introPointer: 'Introduction: points to the steps below, which are verified one by one.',
  advice: 'Advice around the steps: it informs, and asks the user to do nothing on the site.',
  note: 'Explanation between the steps; it asks the user to do nothing.',
  listed: 'A list item that asks nothing of the reader (a reason, a summary, a link); not a step.',
} as const;

/**
 * An action tells the reader to do or check something: a sentence of a numbered or bulleted step, an imperative or
 * a "you have to" anywhere, and "you will see…" among the steps. Advice ("Keep in mind…"), questions, and sentences
 * that send the reader to the steps below or to other guides are prose wherever they stand.
 */
export function classify(units: Omit<Sentence, 'kind' | 'section'>[]): Sentence[] {
  const structural = (u: { role: BlockRole }) => ['title', 'heading', 'image', 'caption'].includes(u.role);
  const aside = (text: string) => isAdvice(text) || isPointer(text) || text.trim().endsWith('?');
  const asks = (text: string) => isImperative(text) || isObligation(text) || isExpectation(text);
  // A list item is a step when one of its sentences asks or shows the reader something; a bullet that only states a
  // reason, sums up or links (a help page's footer) is prose.
  const stepItems = new Set(units.filter((u) => u.role === 'item' && asks(u.text)).map((u) => u.block));
  const instruction = units.map(
    (u) =>
      !structural(u) &&
      !aside(u.text) &&
      ((u.role === 'item' && stepItems.has(u.block)) || isImperative(u.text) || isObligation(u.text)),
  );
  const first = instruction.indexOf(true);
  const last = instruction.lastIndexOf(true);
  const lastBlock = units[last]?.block ?? -1;
  const kinds = units.map((u, i): Pick<Sentence, 'kind' | 'reason'> => {
    if (structural(u)) return { kind: u.role as 'title' | 'image' | 'caption', reason: REASONS[u.role as 'title'] };
    if (instruction[i]) return { kind: 'action' };
    const among = first >= 0 && i > first && (i < last || u.block <= lastBlock + 1);
    if (among && isExpectation(u.text) && !aside(u.text)) return { kind: 'action' };
    if (first < 0 || i < first)
      return {
        kind: 'intro',
        reason: u.text.trim().endsWith('?')
          ? REASONS.introQuestion
          : isPointer(u.text)
            ? REASONS.introPointer
            : REASONS.intro,
      };
    const reason = isPointer(u.text)
      ? REASONS.pointer
      : isAdvice(u.text)
        ? REASONS.advice
        : u.role === 'item'
          ? REASONS.listed
          : undefined;
    return i > last
      ? { kind: 'outro', reason: reason ?? REASONS.outro }
      : { kind: 'note', reason: reason ?? REASONS.note };
  });
  return nameSections(units.map((u, i) => ({ ...u, ...kinds[i]!, section: kinds[i]!.kind })));
}

/**
 * Actions are numbered per section. A section is named after the heading above it when the article has headings,
 * else after the most frequent topic word of each run of steps between pictures; neighbouring runs about the same
 * thing ("sign-in", then "sign-in" again) form one section.
 */
function nameSections(sentences: Sentence[]): Sentence[] {
  // Titles and headings capitalise every word; only running text tells a name from a word.
  const names = properNouns(sentences.filter((s) => s.role === 'paragraph' || s.role === 'item').map((s) => s.text));
  const runs: Sentence[][] = [];
  let heading: string | undefined;
  let open = false;
  for (const s of sentences) {
    if (s.kind === 'heading') heading = s.text;
    if (s.kind !== 'action') {
      if (['heading', 'image', 'caption', 'note'].includes(s.kind)) open = false;
      continue;
    }
    if (!open) runs.push([]);
    open = true;
    runs.at(-1)?.push({ ...s, heading });
  }
  const used: string[] = [];
  let previous = '';
  for (const run of runs) {
    const heading = run[0]?.heading;
    const base = heading
      ? slug(topicWords(heading, names).slice(0, 3).join(' ') || heading)
      : (topicWords(run.map((s) => s.text).join(' '), names)[0] ?? 'steps');
    let name = base === previous.replace(/-\d+$/, '') ? previous : base;
    if (name !== previous && used.includes(name)) name = `${base}-${used.filter((u) => u.startsWith(base)).length + 1}`;
    for (const s of run) s.section = name;
    if (name !== previous) used.push(name);
    previous = name;
  }
  const sectionOf = new Map(runs.flat().map((s) => [`${s.block}:${s.text}`, s]));
  return sentences.map((s) => sectionOf.get(`${s.block}:${s.text}`) ?? s);
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * An action's id names one step of one guide (harness/guide/guide.ts, guideStep): a section name another guide already
 * uses gets this guide's own topic in front, the first topic word of its title ("sign-in" → "sign-out-sign-in").
 */
export function apartFrom(sentences: Sentence[], taken: Set<string>, guideSlug: string): Sentence[] {
  const names = properNouns(sentences.filter((s) => s.role === 'paragraph' || s.role === 'item').map((s) => s.text));
  const title = sentences.find((s) => s.kind === 'title')?.text ?? '';
  const topic = topicWords(title, names)[0] ?? guideSlug;
  const apart = (section: string) => {
    const prefixed = `${topic}-${section}`;
    return section === topic || taken.has(prefixed) ? `${guideSlug}-${section}` : prefixed;
  };
  return sentences.map((s) =>
    s.kind === 'action' && taken.has(s.section) ? { ...s, section: apart(s.section), topic: s.section } : s,
  );
}
