const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Cuts one block of the article into sentences with the Unicode sentence rules (Intl.Segmenter), which know "e.g."
 * and "8 p.m." but not the labels a guide quotes: an ellipsis ending one ends a sentence when a capital follows
 * (`near “Require all devices…” Click on…`), a question mark inside one does not (`the “Who's watching?” screen`).
 */
export function splitSentences(text: string): string[] {
  // Iterated, never spread: each segment record holds the whole input, and an array of them held a long
  // paragraph's worth of memory per sentence (1.9 GB for 200 KB of one paragraph).
  const sentences: string[] = [];
  for (const chunk of chunksOf(text)) {
    for (const { segment } of segmenter.segment(chunk)) {
      for (const raw of segment.split(/(?<=…["”’])\s+(?=[A-Z])/)) {
        const piece = raw.trim();
        if (!piece) continue;
        const previous = sentences.at(-1);
        if (previous !== undefined && /^[a-z]/.test(piece)) sentences[sentences.length - 1] = `${previous} ${piece}`;
        else sentences.push(piece);
      }
    }
  }
  return sentences;
}

/** Longer than this, a block is handed to the segmenter in pieces: V8's sentence iterator slows with the square of its input. */
const CHUNK = 2000;

/**
 * A long block cut where a sentence surely ends (a full stop, then a capital), into pieces of about CHUNK characters:
 * 200 KB of one paragraph took the segmenter minutes whole, and takes it a fraction of a second in pieces. A block
 * shorter than CHUNK, as every paragraph of a real article is, goes to the segmenter whole.
 */
function chunksOf(text: string): string[] {
  if (text.length <= CHUNK) return [text];
  const chunks: string[] = [];
  const boundary = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z])/g;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    // Text with no full stop for long (a list run together) is cut at a space: a sentence of 16,000 characters
    // says nothing a reader could follow anyway.
    while (end - start > 8 * CHUNK) {
      const space = text.lastIndexOf(' ', start + 8 * CHUNK);
      const cut = space > start ? space + 1 : start + 8 * CHUNK;
      chunks.push(text.slice(start, cut));
      start = cut;
    }
    if (end - start >= CHUNK) {
      chunks.push(text.slice(start, end));
      start = end;
    }
  }
  for (; text.length - start > 8 * CHUNK;) {
    const space = text.lastIndexOf(' ', start + 8 * CHUNK);
    const cut = space > start ? space + 1 : start + 8 * CHUNK;
    chunks.push(text.slice(start, cut));
    start = cut;
  }
  chunks.push(text.slice(start));
  return chunks;
}
