import type { Locator } from '@playwright/test';
import { inComposedTree, type ComposedTree } from './composed-tree.ts';
import { GuideDrift } from './drift.ts';
import { actAndAwaitAnswer } from './forms.ts';

/**
 * How many presses of Tab a keyboard reader is granted to reach one control from where the focus is: more than any
 * page of the guide needs (a header, a form), few enough that a control outside the focus order is told in seconds.
 */
export const MAX_TAB_PRESSES = 60;

/** Where the focus landed after one press of Tab: on the control wanted, or on some other element (by a key). */
export interface TabStop {
  onTarget: boolean;
  /** Tells elements apart; null when the focus left the page's elements (the document itself). */
  key: string | null;
}

export type TabWalk =
  { reached: true; presses: number } | { reached: false; presses: number; why: 'limit' | 'cycled' | 'stuck' };

/**
 * Presses Tab (`press` does one press and says where the focus went) until the control has the focus. Stops early
 * when the focus comes back to an element it already visited (the focus order went round without the control) or
 * stays put on the same element (the page traps it).
 */
export async function walkByTab(press: () => Promise<TabStop>, limit = MAX_TAB_PRESSES): Promise<TabWalk> {
  const seen = new Set<string>();
  let last: string | null = null;
  for (let presses = 1; presses <= limit; presses++) {
    const stop = await press();
    if (stop.onTarget) return { reached: true, presses };
    if (stop.key !== null) {
      if (stop.key === last) return { reached: false, presses, why: 'stuck' };
      if (seen.has(stop.key)) return { reached: false, presses, why: 'cycled' };
      seen.add(stop.key);
    }
    last = stop.key;
  }
  return { reached: false, presses: limit, why: 'limit' };
}

/** The words for a walk that never reached the control. */
export function unreachedReason(walk: Extract<TabWalk, { reached: false }>): string {
  if (walk.why === 'limit') return `${walk.presses} presses of Tab never gave it the focus`;
  if (walk.why === 'stuck') return `the focus stayed on one element after ${walk.presses} presses of Tab`;
  return `the focus went round the page in ${walk.presses} presses of Tab without reaching it`;
}

/** Whether the focus is on the element or inside it, a web component's shadow root included. Runs in the page. */
const hasFocus = inComposedTree((tree: ComposedTree, element: Element) => {
  const active = tree.activeElement();
  return !!active && tree.contains(element, active);
});

/**
 * Where the focus is after a press of Tab, seen from the control wanted: on it (or inside it), or on another element
 * told apart by its place among the page's elements (null: the document itself). One round trip a press. Runs in the
 * page.
 */
const tabStopAt = inComposedTree((tree: ComposedTree, element: Element): TabStop => {
  const active = tree.activeElement();
  if (active && tree.contains(element, active)) return { onTarget: true, key: null };
  if (!active || active === document.body || active === document.documentElement) return { onTarget: false, key: null };
  return { onTarget: false, key: `${active.tagName}#${tree.all('*').indexOf(active)}` };
});

/**
 * Gives the control the focus as a keyboard reader does: Tab, from wherever the focus is (the start of the page
 * after it loads), never by focusing it from a script. A control the focus never reaches cannot be followed.
 */
export async function reachByKeyboard(control: Locator, label: string, place: string): Promise<void> {
  if (await control.evaluate(hasFocus)) return;
  const page = control.page();
  const walk = await walkByTab(async () => {
    await page.keyboard.press('Tab');
    return control.evaluate(tabStopAt);
  });
  if (walk.reached) return;
  throw new GuideDrift(
    'unusable',
    `${place} shows “${label}”, but it cannot be reached from the keyboard: ${unreachedReason(walk)}.`,
  );
}

/** Reaches the control by Tab, then presses the key a keyboard reader uses on it (Enter for links and buttons). */
export async function pressOn(control: Locator, label: string, place: string, key: 'Enter' | 'Space' = 'Enter') {
  await reachByKeyboard(control, label, place);
  await control.page().keyboard.press(key);
}

/** Reaches a text field by Tab and types into it, replacing what it held. */
export async function typeInto(field: Locator, label: string, place: string, text: string): Promise<void> {
  await reachByKeyboard(field, label, place);
  const keyboard = field.page().keyboard;
  await keyboard.press('ControlOrMeta+A');
  await keyboard.press('Backspace');
  await keyboard.type(text);
}

/** Reaches a tick box by Tab and presses Space when its state is not the one wanted; Space must change it. */
export async function tickByKeyboard(box: Locator, label: string, place: string, wanted: boolean): Promise<void> {
  await reachByKeyboard(box, label, place);
  if ((await box.isChecked()) === wanted) return;
  await box.page().keyboard.press('Space');
  if ((await box.isChecked()) !== wanted) {
    throw new GuideDrift(
      'unusable',
      `${place} shows the tick box “${label}”, but Space does not ${wanted ? 'place' : 'remove'} its tick: it cannot be operated from the keyboard.`,
    );
  }
}

/**
 * The keyboard twin of clickAndAwaitAnswer: Tab to the control, Enter, and the site's answer. Enter that makes the
 * site answer nothing (no page, no request) means the control works only for a mouse.
 */
export async function pressAndAwaitAnswer(control: Locator, label: string, place: string): Promise<void> {
  await reachByKeyboard(control, label, place);
  const page = control.page();
  if (await actAndAwaitAnswer(page, () => page.keyboard.press('Enter'))) return;
  throw new GuideDrift(
    'unusable',
    `${place} shows “${label}”, but Enter on it does nothing: it cannot be operated from the keyboard.`,
  );
}
