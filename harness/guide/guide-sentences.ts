/**
 * The guide's text cut into the units its steps.json (guides/<slug>/) gives ids to: each non-empty line, with bullet lines cut
 * into sentences. Used to notice when the guide copy no longer says what the features were written against.
 */
export function guideSentences(guideText: string): string[] {
  return guideText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => (line.startsWith('•') ? splitSentences(line.slice(1).trim()) : [line]));
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.:…]”?)\s+(?=[A-Z])/);
}
