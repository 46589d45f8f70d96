import { distance } from 'fastest-levenshtein';
import { hashStepText, type GuideStep } from '../guide.ts';
import type { Sentence } from './classify.ts';

export interface Changes {
  added: GuideStep[];
  removed: GuideStep[];
  reworded: { step: GuideStep; was: string }[];
  /** Kept their id but stand elsewhere in the guide now. */
  moved: GuideStep[];
}

/** Numbers each sentence within its section, in the guide's order: sign-in.1, sign-in.2, image.1, … */
export function freshIds(sentences: Sentence[]): GuideStep[] {
  const counts = new Map<string, number>();
  return sentences.map((s) => {
    const n = (counts.get(s.section) ?? 0) + 1;
    counts.set(s.section, n);
    return step(`${s.section}.${n}`, s.section, s.kind, s.text, s.reason);
  });
}

function step(id: string, section: string, kind: GuideStep['kind'], text: string, reason?: string): GuideStep {
  return { id, section, kind, text, ...(reason ? { reason } : {}), textHash: hashStepText(text) };
}

/**
 * A guide whose steps.json gave one id to several sentences (a paragraph of prose, say) keeps that unit while its
 * text is unchanged: its sentences, cut anew, are joined back into it.
 */
export function keepPriorUnits<T extends { text: string; block: number }>(
  sentences: T[],
  prior: { text: string }[],
): T[] {
  const fresh = new Set(sentences.map((s) => s.text));
  const units = new Set(prior.map((p) => p.text).filter((text) => !fresh.has(text)));
  if (!units.size) return sentences;
  const kept: T[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const first = sentences[i]!;
    let text = first.text;
    let end = i;
    for (let k = i + 1; k < sentences.length && sentences[k]!.block === first.block && !units.has(text); k++) {
      text = `${text} ${sentences[k]!.text}`;
      end = k;
    }
    if (end > i && units.has(text)) {
      kept.push({ ...first, text });
      i = end;
    } else kept.push(first);
  }
  return kept;
}

/** A sentence reworded rather than replaced: at most this share of its characters changed. */
const REWORDED = 0.35;

/**
 * Re-running on an edited guide: a sentence found again keeps its id, section, kind and reason (a person may have
 * corrected them by hand); a sentence reworded keeps its id with a new pin; a new sentence gets the next number of
 * its section, never a number that was used before (a scenario may still carry it).
 */
export function reconcile(fresh: GuideStep[], prior: GuideStep[]): { steps: GuideStep[]; changes: Changes } {
  const match = new Map<number, number>();
  const inOrder = commonSubsequence(
    fresh.map((s) => s.text),
    prior.map((s) => s.text),
  );
  for (const [i, j] of inOrder) match.set(i, j);
  const taken = () => new Set(match.values());
  fresh.forEach((s, i) => {
    if (match.has(i)) return;
    const j = prior.findIndex((p, k) => p.text === s.text && !taken().has(k));
    if (j >= 0) match.set(i, j);
  });
  const exact = new Set(match.keys());
  fresh.forEach((s, i) => {
    if (match.has(i)) return;
    const used = taken();
    let best = -1;
    let bestShare = REWORDED;
    prior.forEach((p, j) => {
      if (used.has(j) || (p.kind === 'action') !== (s.kind === 'action')) return;
      const share = distance(p.text, s.text) / Math.max(p.text.length, s.text.length);
      if (share <= bestShare) [best, bestShare] = [j, share];
    });
    if (best >= 0) match.set(i, best);
  });

  // A fresh section keeps the name most of its sentences had before.
  const renamed = new Map<string, string>();
  const votes = new Map<string, Map<string, number>>();
  for (const [i, j] of match) {
    const [now, was] = [fresh[i]!.section, prior[j]!.section];
    const byName = votes.get(now) ?? new Map<string, number>();
    byName.set(was, (byName.get(was) ?? 0) + 1);
    votes.set(now, byName);
  }
  for (const [section, byName] of votes) renamed.set(section, [...byName.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
  const highest = new Map<string, number>();
  for (const p of prior) {
    const n = Number(p.id.slice(p.id.lastIndexOf('.') + 1));
    highest.set(p.section, Math.max(highest.get(p.section) ?? 0, Number.isFinite(n) ? n : 0));
  }

  const changes: Changes = { added: [], removed: [], reworded: [], moved: [] };
  const inOrderIds = new Set(inOrder.map(([i]) => i));
  const steps = fresh.map((s, i) => {
    const j = match.get(i);
    if (j === undefined) {
      const section = renamed.get(s.section) ?? s.section;
      const n = (highest.get(section) ?? 0) + 1;
      highest.set(section, n);
      const added = step(`${section}.${n}`, section, s.kind, s.text, s.reason);
      changes.added.push(added);
      return added;
    }
    const p = prior[j]!;
    const kept = step(p.id, p.section, p.kind, s.text, p.reason);
    if (!exact.has(i)) changes.reworded.push({ step: kept, was: p.text });
    else if (!inOrderIds.has(i)) changes.moved.push(kept);
    return kept;
  });
  const kept = new Set(match.values());
  changes.removed = prior.filter((_p, j) => !kept.has(j));
  return { steps, changes };
}

/** The longest run of equal texts in the same order in both lists, as index pairs. */
function commonSubsequence(a: string[], b: string[]): [number, number][] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  const at = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * width + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return pairs;
}
