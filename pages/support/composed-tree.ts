/**
 * The page as a person meets it: the document and, inside every element that hosts an open shadow root (a web
 * component: Lit, Shoelace, Material Web…), what that root holds, where the element stands. Playwright's locators
 * already see into open shadow roots; the harness's own code that runs in the page (what appeared after a click,
 * where the focus is, which section a heading introduces, what lies on top of a control) goes through this, never
 * through `document.querySelectorAll`, `parentElement` or `document.activeElement` alone. Closed shadow roots stay
 * closed, to the harness as to any script.
 */
export interface ComposedTree {
  /** Every element matching the selector, in the document and every open shadow root below `from`, in page order. */
  all(selector: string, from?: ParentNode): Element[];
  /** The element around this node: its parent element, or the host of the shadow root it is the top of. */
  parent(node: Node): Element | null;
  /** The nearest element matching the selector, from this one out through the hosts of shadow roots. */
  closest(element: Element, selector: string): Element | null;
  /** Whether `inner` is `outer` or lies inside it, shadow roots included. */
  contains(outer: Node, inner: Node): boolean;
  /** The element with the focus, followed into the shadow roots of the elements that hold it. */
  activeElement(): Element | null;
  /** The element a click at this point would reach, followed into open shadow roots. */
  elementFromPoint(x: number, y: number): Element | null;
  /** The text nodes below `from` (the body by default), shadow roots included. */
  texts(from?: Node): Text[];
  /**
   * The element a path of selectors leads to, each from the shadow root of the element the one before found (axe's
   * way of naming an element inside web components); one selector is a plain `querySelector`.
   */
  byPath(selectors: string[]): Element | null;
  /** The element with this id in the same document or shadow root as `near` (what aria-labelledby names). */
  byId(near: Node, id: string): Element | null;
  /** A MutationObserver over the document and every open shadow root in it, now and as they are added. */
  observe(callback: (records: MutationRecord[]) => void, options: MutationObserverInit): { disconnect(): void };
}

/**
 * Builds the composed tree in the page. It runs there, so it stands alone (inComposedTree sends its source).
 * Exported for the tests, which check it in a browser.
 */
export function composedTree(): ComposedTree {
  const shadowOf = (element: Element): ShadowRoot | null => element.shadowRoot;
  const all = (selector: string, from: ParentNode = document): Element[] => {
    const found: Element[] = [];
    const visit = (root: ParentNode) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches(selector)) found.push(element);
        const shadow = shadowOf(element);
        if (shadow) visit(shadow);
      }
    };
    if (from instanceof Element) {
      const shadow = shadowOf(from);
      if (shadow) visit(shadow);
    }
    visit(from);
    return found;
  };
  const parent = (node: Node): Element | null => {
    if (node.parentElement) return node.parentElement;
    const above = node.parentNode;
    return above instanceof ShadowRoot ? above.host : null;
  };
  const contains = (outer: Node, inner: Node): boolean => {
    for (let node: Node | null = inner; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null))
      if (node === outer) return true;
    return false;
  };
  const roots = (from: Node): (Document | ShadowRoot | Element)[] => {
    const found: (Document | ShadowRoot | Element)[] = [];
    if (from instanceof Document || from instanceof ShadowRoot || from instanceof Element) found.push(from);
    const hosts =
      from instanceof Element || from instanceof Document || from instanceof ShadowRoot ? all('*', from) : [];
    if (from instanceof Element) hosts.unshift(from);
    for (const host of hosts) {
      const shadow = shadowOf(host);
      if (shadow) found.push(shadow);
    }
    return found;
  };
  return {
    all,
    parent,
    closest(element, selector) {
      for (let node: Element | null = element; node; node = parent(node)) if (node.matches(selector)) return node;
      return null;
    },
    contains,
    activeElement() {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active;
    },
    elementFromPoint(x, y) {
      let hit = document.elementFromPoint(x, y);
      for (let shadow = hit && shadowOf(hit); shadow; shadow = hit && shadowOf(hit)) {
        const inner = shadow.elementFromPoint(x, y);
        if (!inner || inner === hit) break;
        hit = inner;
      }
      return hit;
    },
    texts(from = document.body) {
      const found: Text[] = [];
      const startAt = roots(from).filter((root) => root === from || root instanceof ShadowRoot);
      for (const root of startAt) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) found.push(node as Text);
      }
      return found;
    },
    byPath(selectors) {
      let root: ParentNode | null = document;
      let found: Element | null = null;
      for (const selector of selectors) {
        found = root?.querySelector(selector) ?? null;
        root = found && shadowOf(found);
      }
      return found;
    },
    byId(near, id) {
      const root = near.getRootNode();
      return root instanceof Document || root instanceof ShadowRoot ? root.getElementById(id) : null;
    },
    observe(callback, options) {
      const watched = new WeakSet<Node>();
      const observer = new MutationObserver((records) => {
        for (const record of records) for (const added of record.addedNodes) watch(added);
        callback(records);
      });
      const watch = (from: Node) => {
        for (const root of roots(from)) {
          if (root instanceof Element || watched.has(root)) continue;
          watched.add(root);
          observer.observe(root, options);
        }
      };
      watch(document);
      // A shadow root the parser attaches (declarative shadow DOM) may be attached after its host was added.
      if (document.readyState === 'loading')
        addEventListener('DOMContentLoaded', () => watch(document), { once: true });
      return observer;
    },
  };
}

/**
 * A function to run in the page (page.evaluate, locator.evaluate, evaluateAll, waitForFunction, addInitScript) that
 * is given the composed tree as its first argument, before Playwright's own. Its source is sent with the tree's, and
 * with a stand-in for `__name`: under tsx (cucumber-js) esbuild wraps named inner functions in `__name(…)`, which the
 * page does not have.
 */
export function inComposedTree<Args extends unknown[], Result>(
  inPage: (tree: ComposedTree, ...args: Args) => Result,
): (...args: Args) => Result {
  const source = `function (...args) { const __name = (f) => f; return (${inPage.toString()})((${composedTree.toString()})(), ...args); }`;
  const sent = () => {
    throw new Error('Runs in the page only: pass it to evaluate, evaluateAll, waitForFunction or addInitScript.');
  };
  return Object.assign(sent, { toString: () => source }) as unknown as (...args: Args) => Result;
}

/** The same, as source text to evaluate (for a page script built as a string, e.g. the evidence's cover). */
export const COMPOSED_TREE_SOURCE = `(() => { const __name = (f) => f; return (${composedTree.toString()})(); })()`;
