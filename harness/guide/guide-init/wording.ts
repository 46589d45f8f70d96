import { STEP_PREFIX } from './article.ts';

/**
 * The little English a help article's instructions need: is a sentence addressed to the reader as something to do or
 * to see, and how does it read as a Gherkin step. Rules about sentence shape, with a lexicon of the verbs
 * instructions for a web page use; no list of any one guide's sentences.
 */

/** Verbs an instruction for a web page starts with, in their base form. */
const INSTRUCTION_VERBS = new Set(
  (
    'accept add allow check choose click close confirm continue copy create delete disable do double-click download ' +
    'drag edit enable enter fill find follow go head hover install keep launch leave log look make move navigate open ' +
    'paste pick place press put remove repeat reset return save scroll search select set sign start switch tap tick ' +
    'toggle turn type uncheck untick update upload use verify visit wait write change reload refresh try hit access ' +
    'expand locate provide submit re-enter'
  ).split(' '),
);

/** Words that open a phrase saying when or where, before the main clause: "Now,", "On the next page, …". */
const LEADING_WORDS = new Set(
  (
    'at first then now next finally also once after when before on in from if immediately so to afterwards ' +
    'while as within under below above'
  ).split(' '),
);

const words = (text: string) => text.toLowerCase().match(/[a-z’'-]+/g) ?? [];

/** The main clause: what is left once leading "when / where / if …," phrases are dropped. */
export function mainClause(sentence: string): string {
  // "Then enter…", "Next select…": a leading word of time needs no comma.
  let rest = withoutStepNumber(sentence.trim()).replace(/^(?:then|next|now|finally|afterwards)\s+(?=[a-z])/i, '');
  for (let i = 0; i < 3; i++) {
    const comma = rest.indexOf(', ');
    const first = words(rest)[0];
    if (comma < 0 || !first || !LEADING_WORDS.has(first)) break;
    rest = rest.slice(comma + 2);
  }
  return rest;
}

/** "Step 1: Open the app." → "Open the app.": the number is the article's, the instruction the reader's. */
export function withoutStepNumber(sentence: string): string {
  return sentence.replace(STEP_PREFIX, '');
}

/** "Click …", "Now, click …", "Hover over or click …": the reader is told to do something. */
export function isImperative(sentence: string): boolean {
  const clause = mainClause(sentence);
  const first = words(clause)[0];
  return !!first && INSTRUCTION_VERBS.has(first) && !sentence.trim().endsWith('?');
}

/** "you have to / need to / should / must …" in the main clause: an instruction in the second person. */
export function isObligation(sentence: string): boolean {
  return /^(?:you|now you|then you) (?:have to|need to|should|must)\b/i.test(mainClause(sentence));
}

/** "you will see …", "Netflix will ask you …", "you are taken back …": what the reader can check. */
export function isExpectation(sentence: string): boolean {
  const text = sentence.toLowerCase();
  return (
    /\byou(?:’|')ll\b|\byou will\b|\bwill (?:ask|take|show|send|let) you\b/.test(text) ||
    /\byou (?:are|get) (?:taken|sent|asked|shown|signed)\b|\byou (?:stay|remain|see)\b/.test(text)
  );
}

/** "Keep in mind …", "Note that …", "Tip: …": advice around the steps, not a step. */
export function isAdvice(sentence: string): boolean {
  return /^(?:keep in mind|bear in mind|remember|note|tip|hint|important|warning)\b/i.test(sentence.trim());
}

/** The sentence sends the reader to this guide's own steps or to other pages rather than to the site. */
export function isPointer(sentence: string): boolean {
  const text = sentence.toLowerCase();
  return (
    /\b(?:guidelines?|instructions|steps|tips)\b[^.]*\b(?:below|above|following)\b/.test(text) ||
    /\bhere is how\b|\bread on\b|\bsee also\b/.test(text) ||
    /\b(?:described|explained) in (?:our|the|this|another)\b|\bour (?:guide|article)s?\b/.test(text) ||
    /\byou may (?:also )?find\b[^.]*\b(?:pages?|articles?|guides?)\b/.test(text)
  );
}

/** A step's text goes on after its keyword: these lose their capital there ("And all the actions…"). */
const COMMON_FIRST_WORDS = new Set([
  ...LEADING_WORDS,
  ...'all the a an this that these those every each some any there it its my'.split(' '),
]);

/** "you" after these is the object ("Netflix will ask you"); anywhere else it is the one who acts ("you have"). */
const OBJECT_YOU =
  /\b(to|for|with|at|from|by|of|ask|asks|let|lets|take|takes|show|shows|tell|tells|send|sends|help|helps|give|gives|allow|allows|remind|reminds|sign|signs|log|logs) you\b/gi;

/** The guide's words in the first person, as step definitions are written: "Click your name" → "I click my name". */
export function asStepText(clause: string): string {
  // Quoted labels are the site's words: they keep their "Your Account" while the guide's "your" becomes "my".
  const labels: string[] = [];
  let text = withoutStepNumber(clause.trim())
    .replace(/[.:;!]+$/, '')
    .replace(/“([^”]*)”|"([^"]*)"/g, (_m, curly?: string, straight?: string) => {
      labels.push(curly ?? straight ?? '');
      return `"\uE000${labels.length - 1}"`;
    });
  const main = mainClause(text);
  if (isImperative(main)) {
    const at = text.length - main.length;
    // "Then enter…" → "I enter…": a bare word of time is the keyword's job ("And").
    const before = /^(?:then|next|now|finally|afterwards)\s+$/i.test(text.slice(0, at)) ? '' : text.slice(0, at);
    text = `${before}I ${main.charAt(0).toLowerCase()}${main.slice(1)}`;
  }
  return text
    .replace(OBJECT_YOU, (_m, before: string) => `${before} me`)
    .replace(/\byou(?:’|')ll\b/gi, 'I will')
    .replace(/\byou(?:’|')re\b/gi, 'I am')
    .replace(/\byours\b/gi, 'mine')
    .replace(/\byour\b/gi, 'my')
    .replace(/\byou\b/gi, 'I')
    .replace(/\bI are\b/g, 'I am')
    .replace(/\bI (?:have to|need to|should|must) (?=[a-z])/g, 'I ')
    .replace(/^\w+/, (first) => (COMMON_FIRST_WORDS.has(first.toLowerCase()) ? first.toLowerCase() : first))
    .replace(/\uE000(\d+)/g, (_m, n: string) => labels[Number(n)] ?? '');
}

/**
 * One instruction sentence often holds several: "Type your email address and password, then click “Sign in”." is
 * two steps. Cut at "then", ";", ", and you" and at "and"/"or" followed by another instruction verb.
 */
export function clausesOf(sentence: string): string[] {
  const parts = sentence.split(/,? then (?=[a-z])|; |, and (?=you\b)/);
  return parts.flatMap((part) => {
    const pieces: string[] = [];
    let rest = part;
    for (;;) {
      const cut = [...rest.matchAll(/,? (?:and|or) (\w+)/g)].find(
        (m) => INSTRUCTION_VERBS.has((m[1] ?? '').toLowerCase()) && !/\b(?:over|on)$/.test(rest.slice(0, m.index)),
      );
      if (!cut || cut.index === undefined) break;
      pieces.push(rest.slice(0, cut.index));
      rest = rest.slice(cut.index + cut[0].length - (cut[1] ?? '').length);
    }
    return [...pieces, rest].map((p) => p.trim()).filter(Boolean);
  });
}

/** Words that say nothing about what a section is for: grammar, and the furniture of every web page. */
const NOT_A_TOPIC = new Set(
  (
    'a an the and or but of to in on at by for with from as is are be been being was were will would can could may ' +
    'might must should shall have has had do does did doing done you your yours i me my we us our it its this that ' +
    'these those there here then now so if once after before when while up down out over into about again also just ' +
    'only any all each every one two three some other others another same such what which who how not no yes very ' +
    'more most first second third next last following previous new actual get got see go going click clicking ' +
    'choose select pick enter type use place press tap open want wish need make able let lets via well back ' +
    'button buttons link links page pages field fields box tick text screen menu section website site web app ' +
    'corner top bottom right left upper lower middle pop-up popup window tab home usual way time times'
  ).split(' '),
);
const PARTICLE_VERBS = /\b(sign|signed|signing|log|logged|logging)[ -](in|out|up|on|off)\b/gi;

/** Names in the article: words it writes with a capital inside its sentences, outside quotes, and never without. */
export function properNouns(sentences: string[]): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const sentence of sentences) {
    const unquoted = sentence.replace(/“[^”]*”|"[^"]*"/g, ' ');
    for (const m of unquoted.matchAll(/(?<=[a-z,;:)] )([A-Z][a-z]+)\b/g)) capitalised.add((m[1] ?? '').toLowerCase());
    for (const m of unquoted.matchAll(/\b[a-z]+\b/g)) lower.add(m[0]);
  }
  return new Set([...capitalised].filter((word) => !lower.has(word)));
}

/**
 * The words of a passage that could name it, most frequent first ("sign in" counts as one word). A word of a quoted
 * label counts twice: the site's own names for things say best what a step is about. Verbs (instruction verbs, forms
 * in -ed), contractions and names of the product are left out: they say how, or whose, not what.
 */
export function topicWords(text: string, names: Set<string> = new Set()): string[] {
  const labels = [...text.matchAll(/“([^”]*)”|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
  const joined = [text, ...labels].join(' ').replace(PARTICLE_VERBS, (_m, verb: string, particle: string) => {
    const base = verb.toLowerCase().startsWith('s') ? 'sign' : 'log';
    return `${base}-${particle.toLowerCase()}`;
  });
  const counts = new Map<string, number>();
  for (const word of words(joined)) {
    const singular = word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
    if (word.split('-').every((part) => NOT_A_TOPIC.has(part)) || NOT_A_TOPIC.has(singular)) continue;
    if (INSTRUCTION_VERBS.has(word) || /['’]/.test(word)) continue;
    if (singular.length < 3) continue;
    if (names.has(word) || word.endsWith('ed') || (word.endsWith('ing') && singular === word)) continue;
    counts.set(singular, (counts.get(singular) ?? 0) + 1);
  }
  // Most frequent first; a tie goes to the word the passage used first (Map keeps first-use order, sort is stable).
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
}
