const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Cuts one block of the article into sentences with the Unicode sentence rules (Intl.Segmenter), which know "e.g."
 * and "8 p.m." but not the labels a guide quotes: an ellipsis ending one ends a sentence when a capital follows
 * (`near “Require all devices…” Click on…`), a question mark inside one does not (`the “Who's watching?” screen`).
 */
export function splitSentences(text: string): string[] {
  const pieces = [...segmenter.segment(text)]
    .flatMap(({ segment }) => segment.split(/(?<=…["”’])\s+(?=[A-Z])/))
    .map((s) => s.trim())
    .filter(Boolean);
  return pieces.reduce<string[]>((sentences, piece) => {
    const previous = sentences.at(-1);
    if (previous !== undefined && /^[a-z]/.test(piece)) sentences[sentences.length - 1] = `${previous} ${piece}`;
    else sentences.push(piece);
    return sentences;
  }, []);
}
