/**
 * What an evidence screenshot hides, and how: a filled password or phone field shows a fixed row of dots (an empty
 * one stays empty, so "filled" and "empty" differ in the picture while the value never appears), and a generated
 * test address (`<scenario-key>@guide.test`) shows a short alias. Drawn over the page only for the picture.
 */
import { COMPOSED_TREE_SOURCE, type ComposedTree } from '../../pages/support/composed-tree.ts';

export const MASK_DOTS = '••••••••';
const DOMAIN = '@guide.test';

/** `<key>@guide.test` → `you@guide.test`; `nobody-<key>@guide.test` → `nobody@guide.test`. */
export function emailAlias(email: string, scenarioKey: string): string {
  const local = email.slice(0, email.length - DOMAIN.length);
  const word = local
    .replace(scenarioKey, '')
    .replace(/^-+|-+$/g, '')
    .replace(/--+/g, '-');
  return `${word || 'you'}${DOMAIN}`;
}

/** The generated addresses of a scenario, each with its alias. */
export function generatedEmails(scenarioKey: string): [string, string][] {
  return [`nobody-${scenarioKey}${DOMAIN}`, `${scenarioKey}${DOMAIN}`].map((email) => [
    email,
    emailAlias(email, scenarioKey),
  ]);
}

export interface CoverArgs {
  /** CSS selector of inputs whose value never shows. */
  sensitive: string;
  /** Labels (a regular expression's source, case-insensitive) of other inputs whose value never shows. */
  sensitiveLabel: string;
  dots: string;
  /** Texts to show as their aliases, longest first. */
  aliases: [string, string][];
  /** The id of the layer drawn over the page; removed with `uncover`. */
  layerId: string;
  /** Texts (a regular expression's source) covered with an empty box: dates in a picture compared run to run. */
  blank?: string;
  /**
   * CSS selector of the element the guide names, outlined in the layer: a site's Content-Security-Policy may refuse
   * a style sheet added to the page (Playwright's screenshot `style`), never a layer drawn by script.
   */
  outline?: string;
}

/**
 * Runs in the page (page.evaluate): draws a layer of boxes over sensitive fields and generated addresses, without
 * touching the page's own elements, in the document and in web components' open shadow roots. Returns how many
 * sensitive fields it covered.
 */
export function coverForPicture(
  tree: ComposedTree,
  { sensitive, sensitiveLabel, dots, aliases, layerId, blank, outline }: CoverArgs,
): number {
  const layer = document.createElement('div');
  layer.id = layerId;
  layer.setAttribute('aria-hidden', 'true');
  layer.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483647';
  const labelPattern = new RegExp(sensitiveLabel, 'i');
  const box = (rect: DOMRect, from: Element, text: string, padding: string) => {
    const style = getComputedStyle(from);
    let background = style.backgroundColor;
    for (let e: Element | null = from; e && /rgba\(0, 0, 0, 0\)|transparent/.test(background); e = tree.parent(e))
      background = getComputedStyle(e).backgroundColor;
    const div = document.createElement('div');
    div.textContent = text;
    div.style.cssText = `position:fixed;left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;
      box-sizing:border-box;overflow:hidden;white-space:nowrap;display:flex;align-items:center;padding:${padding};
      font:${style.font};letter-spacing:${style.letterSpacing};color:${style.color};
      background:${/rgba\(0, 0, 0, 0\)|transparent/.test(background) ? '#fff' : background}`;
    layer.appendChild(div);
  };
  const inset = (input: Element) => {
    const rect = input.getBoundingClientRect();
    const s = getComputedStyle(input);
    const [top, right, bottom, left] = [
      s.borderTopWidth,
      s.borderRightWidth,
      s.borderBottomWidth,
      s.borderLeftWidth,
    ].map((w) => parseFloat(w) || 0);
    return new DOMRect(rect.left + left!, rect.top + top!, rect.width - left! - right!, rect.height - top! - bottom!);
  };

  let covered = 0;
  for (const input of tree.all('input') as HTMLInputElement[]) {
    const labelledBy = (input.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    const labels = [
      input.getAttribute('aria-label') ?? '',
      ...Array.from(input.labels ?? []).map((l) => l.innerText),
      ...labelledBy.map((id) => tree.byId(input, id)?.textContent ?? ''),
    ];
    const isSensitive = input.matches(sensitive) || labels.some((l) => labelPattern.test(l));
    const rect = input.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const padding = `0 ${getComputedStyle(input).paddingRight} 0 ${getComputedStyle(input).paddingLeft}`;
    if (isSensitive) {
      box(inset(input), input, input.value ? dots : '', padding);
      covered++;
      continue;
    }
    const alias = aliases.find(([text]) => input.value.includes(text));
    if (alias) box(inset(input), input, input.value.replaceAll(alias[0], alias[1]), padding);
  }

  const blankPattern = blank ? new RegExp(blank, 'g') : undefined;
  for (const node of tree.texts()) {
    const text = node.textContent ?? '';
    const taken: [number, number][] = [];
    for (const match of blankPattern ? text.matchAll(blankPattern) : []) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      for (const rect of Array.from(range.getClientRects())) box(rect, node.parentElement!, '', '0');
    }
    for (const [email, alias] of aliases) {
      for (let at = text.indexOf(email); at >= 0; at = text.indexOf(email, at + email.length)) {
        const end = at + email.length;
        // "<key>@guide.test" is inside "nobody-<key>@guide.test": the longer one, found first, wins.
        if (taken.some(([from, to]) => at < to && end > from)) continue;
        taken.push([at, end]);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, end);
        // A wrapped address has a box per line: the alias in the first, the others only covered.
        Array.from(range.getClientRects()).forEach((rect, line) =>
          box(rect, node.parentElement!, line === 0 ? alias : '', '0'),
        );
      }
    }
  }
  for (const target of outline ? tree.all(outline) : []) {
    const rect = target.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const ring = document.createElement('div');
    ring.style.cssText = `position:fixed;left:${rect.left - 7}px;top:${rect.top - 7}px;width:${rect.width + 14}px;
      height:${rect.height + 14}px;box-sizing:border-box;border:4px solid #ffb000;border-radius:4px`;
    layer.appendChild(ring);
  }
  document.body.appendChild(layer);
  return covered;
}

/** Runs in the page: takes the layer of `coverForPicture` away. */
export function uncover(layerId: string): void {
  document.getElementById(layerId)?.remove();
}

/**
 * The page script of `coverForPicture` with its arguments. As a string, with a stand-in for `__name`: under tsx
 * (cucumber-js) esbuild wraps named inner functions in `__name(…)`, which the page does not have.
 */
export function coverScript(args: CoverArgs): string {
  return `(() => { const __name = (f) => f; return (${coverForPicture.toString()})(${COMPOSED_TREE_SOURCE}, ${JSON.stringify(args)}); })()`;
}
