import { inComposedTree, type ComposedTree } from './support/composed-tree.ts';
import type { Locator, Page } from '@playwright/test';
import { findByGuideLabel, GuideDrift } from './support/drift.ts';
import { typeableFields } from './support/fields.ts';
import { clickAndAwaitAnswer } from './support/forms.ts';
import { pressAndAwaitAnswer, tickByKeyboard, typeInto } from './support/keyboard.ts';

const PLACE = 'The change password page';
const ORDINALS = ['first', 'second', 'third'];

/** The guide's words for the tick box and the button; the site's own labels may be longer (drift.ts). */
export const REQUIRE_ALL_DEVICES = 'Require all devices…';
export const SAVE = 'Save';

export interface PasswordChange {
  /** The actual password, for the first field. */
  current: string;
  /** The password just made up, for the next two fields. */
  next: string;
  /** The third field, when a scenario wants it to differ from `next`. */
  confirmation?: string;
  /** The tick near "Require all devices…": set to this state whatever the page's default. */
  signOutOtherDevices: boolean;
  /** The tick box's label in the guide's words, found as the guide words it (guideLabel: "…" matches a beginning). */
  tick?: string;
}

/** "On the next page, you will be able to set up a new password": the page behind "Change Password". */
export class ChangePasswordPage {
  readonly page: Page;
  readonly heading: Locator;
  /**
   * The fields the guide counts ("the first field", "the next two fields"), in the order the page shows them.
   * Password inputs have no ARIA role, so they are found as the page's typeable inputs.
   */
  readonly fields: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: /password/i }).filter({ visible: true });
    this.fields = typeableFields(page);
  }

  /** A field by its place in the guide's counting: 1 is the first field. */
  field(position: number): Locator {
    return this.fields.nth(position - 1);
  }

  /** The field at that place once the page is shown; a page with fewer fields is a drift: one the guide counts is gone. */
  async #countedField(position: number): Promise<Locator> {
    await this.heading.waitFor();
    const labels = await this.fieldNames();
    if (labels.length < position) {
      const shown = labels.map((label) => `“${label}”`).join(', ') || 'none';
      throw new GuideDrift(
        'missing',
        `${PLACE} has no ${ORDINALS[position - 1] ?? `#${position}`} field: the guide counts three, the page shows ${labels.length} (${shown}).`,
      );
    }
    return this.field(position);
  }

  /** What each field is called, as its label (or accessible label) says, in the page's order. */
  async fieldNames(): Promise<string[]> {
    return this.fields.evaluateAll(
      inComposedTree((tree: ComposedTree, inputs: Element[]) =>
        inputs.map((input) => {
          const labelledBy = (input.getAttribute('aria-labelledby') ?? '')
            .split(/\s+/)
            .map((id) => (id ? tree.byId(input, id)?.textContent : '') ?? '')
            .join(' ');
          const name =
            (input as HTMLInputElement).labels?.[0]?.textContent ||
            input.getAttribute('aria-label') ||
            labelledBy ||
            input.getAttribute('placeholder') ||
            '';
          return name.replace(/\s+/g, ' ').trim();
        }),
      ),
    );
  }

  /**
   * The field at the guide's place asks for what the guide says there. When another field asks for it, the page
   * has the fields in another order than the guide.
   */
  async expectFieldAsks(position: number, meaning: RegExp, what: string): Promise<void> {
    await this.#countedField(position);
    const names = await this.fieldNames();
    if (meaning.test(names[position - 1] ?? '')) return;
    const list = names.map((name) => `“${name}”`).join(', ');
    const at = names.findIndex((name) => meaning.test(name));
    const place = (n: number) => ORDINALS[n - 1] ?? `#${n}`;
    if (at >= 0) {
      throw new GuideDrift(
        'reordered',
        `The guide has ${what} in the ${place(position)} field; ${PLACE.replace(/^The /, 'the ')} asks for it in the ${place(at + 1)} (its fields: ${list}).`,
      );
    }
    throw new GuideDrift(
      'missing',
      `No field of ${PLACE.replace(/^The /, 'the ')} asks for ${what} (its fields: ${list}).`,
    );
  }

  async enterActualPassword(password: string): Promise<void> {
    await (await this.#countedField(1)).fill(password);
  }

  async enterNewPasswordTwice(password: string, confirmation = password): Promise<void> {
    await (await this.#countedField(2)).fill(password);
    await (await this.#countedField(3)).fill(confirmation);
  }

  #findTickBox(label = REQUIRE_ALL_DEVICES): Promise<Locator> {
    return findByGuideLabel(this.page, ['checkbox'], label, PLACE);
  }

  /** "placing or removing a tick near “Require all devices…”" */
  async setTick(ticked: boolean, label = REQUIRE_ALL_DEVICES): Promise<void> {
    await (await this.#findTickBox(label)).setChecked(ticked);
  }

  #findButton(label: string): Promise<Locator> {
    return findByGuideLabel(this.page, ['button', 'link'], label, PLACE, {
      alsoNamedHere: [SAVE, 'Cancel'],
      sendsTheForm: true,
    });
  }

  /** "Click on the “Save” button", waiting for the site's answer to the form. */
  async save(label = SAVE): Promise<void> {
    await clickAndAwaitAnswer(this.page, await this.#findButton(label));
  }

  /** A hurried double-click: the page must still send the change once. */
  async saveWithDoubleClick(label = SAVE): Promise<void> {
    await (await this.#findButton(label)).dblclick();
  }

  /** By keyboard only: Tab to the first field, type the actual password. */
  async typeActualPasswordByKeyboard(password: string): Promise<void> {
    await typeInto(await this.#countedField(1), 'the actual password', PLACE, password);
  }

  /** By keyboard only: Tab to each of the next two fields, type the new password (and its confirmation). */
  async typeNewPasswordTwiceByKeyboard(password: string, confirmation = password): Promise<void> {
    await typeInto(await this.#countedField(2), 'the new password', PLACE, password);
    await typeInto(await this.#countedField(3), 'its confirmation', PLACE, confirmation);
  }

  /** By keyboard only: Tab to the tick box, Space until it is as wanted. */
  async setTickByKeyboard(ticked: boolean, label = REQUIRE_ALL_DEVICES): Promise<void> {
    await tickByKeyboard(await this.#findTickBox(label), label, PLACE, ticked);
  }

  /** By keyboard only: Tab to "Save", Enter, and wait for the site's answer. */
  async saveByKeyboard(label = SAVE): Promise<void> {
    await pressAndAwaitAnswer(await this.#findButton(label), label, PLACE);
  }

  /** The whole of the guide's password step, in its order. */
  async changePassword({ current, next, confirmation, signOutOtherDevices, tick }: PasswordChange): Promise<void> {
    await this.enterActualPassword(current);
    await this.enterNewPasswordTwice(next, confirmation);
    await this.setTick(signOutOtherDevices, tick);
    await this.save();
  }
}
