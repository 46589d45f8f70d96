/**
 * The site as the guide describes it, as one typed set of settings, and the catalogue of drift variants: each a
 * small named override that breaks one promise of the guide the way a redesign or a bug would. The pages and the
 * rules read the settings; nothing else in the mock knows a variant's name. The clean site is `CLEAN_SITE`.
 */
export interface SiteVariant {
  /** Where the home page's "Sign In" button sits. */
  signInPlacement: 'upper-right' | 'lower-left';
  /** Where the chosen profile and its pop-up menu sit once a profile is chosen. */
  profileMenuPlacement: 'header' | 'lower-left';
  /**
   * What opens the profile's pop-up menu: a mouse hovering over the name as well as a click, Enter or Space on it
   * (the second guide's "hover over or click"), only a mouse hovering over it, or nothing at all (the name is shown,
   * the menu never opens).
   */
  profileMenuOpens: 'hover-or-click' | 'hover-only' | 'never';
  accountMenuLabel: string;
  changePasswordLabel: string;
  /** The section of the account page that holds the "Change password" text button. */
  changePasswordSection: 'membership' | 'settings';
  addPhoneLabel: string;
  /** The words on the change-password page's button that saves the change (the phone page's keeps "Save"). */
  passwordSaveLabel: string;
  /** A cookie-consent banner on the home page: none, or a fixed box lying over the "Sign In" button. */
  cookieBanner: 'none' | 'over-sign-in';
  confirmPasswordField: boolean;
  signOutOthersBox: boolean;
  textMessagesBox: boolean;
  phoneFormOrder: 'phone-then-password' | 'password-then-phone';
  /** Whether the phone number field has a label (false: nothing names it to a screen reader, or to the eye). */
  phoneFieldLabelled: boolean;
  /** The colours of the phone page's "Save" button: the site's own, or grey on grey (contrast far below 4.5:1). */
  phoneSaveContrast: 'normal' | 'low';
  /** Whether the phone page's "Save" can be clicked (false: disabled for good, with nothing at work). */
  phoneSaveEnabled: boolean;
  /** Sign-in lands on "Who's watching?" (true) or straight on the first profile's home page. */
  profileGate: boolean;
  checkCurrentPassword: boolean;
  /** What a password change does to the account's other sessions. */
  signOutOtherDevices: 'as-ticked' | 'never' | 'always';
  oldPasswordWorksAfterChange: boolean;
  /** Whether an accepted password change is stored (false: success is shown, nothing changes). */
  storePasswordChange: boolean;
  /** With the tick, how long after the change the other devices' sessions end (0: at once). */
  signOutOthersAfterSeconds: number;
  phoneNeedsPassword: boolean;
  storeTextMessageChoice: boolean;
  validatePhone: boolean;
  /** The words of the account page's SETTINGS link that signs out every device (the second guide). */
  signOutAllDevicesLabel: string;
  /** Whether that link leads to a page that explains the effect and asks for "Sign Out" (false: it acts at once). */
  signOutAllDevicesConfirmation: boolean;
  /** Whether the browser that confirms stays signed in (false: it is signed out with the others). */
  signOutAllDevicesKeepsThisDevice: boolean;
  /** Whether confirming ends the account's other sessions (false: the page says so, nothing ends). */
  signOutAllDevicesEndsOthers: boolean;
  /** The security promises of docs/site-rules.md the guide relies on: one sign-in failure message for every cause, */
  sameSignInFailureMessage: boolean;
  /** failed sign-ins throttled per email, */
  throttleSignIns: boolean;
  /** each attempt counted before its password is checked, so parallel guesses cannot slip past the lock, */
  atomicSignInLock: boolean;
  /** password re-checks (phone and password changes) limited per session and per account, */
  limitPasswordRechecks: boolean;
  /** changes accepted only with the anti-CSRF token of the site's own forms, */
  checkCsrfToken: boolean;
  /** and a session cookie the page's scripts cannot read. */
  sessionCookieHttpOnly: boolean;
}

export const CLEAN_SITE: Readonly<SiteVariant> = Object.freeze({
  signInPlacement: 'upper-right',
  profileMenuPlacement: 'header',
  profileMenuOpens: 'hover-or-click',
  accountMenuLabel: 'Your Account',
  changePasswordLabel: 'Change password',
  changePasswordSection: 'membership',
  addPhoneLabel: 'Add phone number',
  passwordSaveLabel: 'Save',
  cookieBanner: 'none',
  confirmPasswordField: true,
  signOutOthersBox: true,
  textMessagesBox: true,
  phoneFormOrder: 'phone-then-password',
  phoneFieldLabelled: true,
  phoneSaveContrast: 'normal',
  phoneSaveEnabled: true,
  profileGate: true,
  checkCurrentPassword: true,
  signOutOtherDevices: 'as-ticked',
  oldPasswordWorksAfterChange: false,
  storePasswordChange: true,
  signOutOthersAfterSeconds: 0,
  phoneNeedsPassword: true,
  storeTextMessageChoice: true,
  validatePhone: true,
  signOutAllDevicesLabel: 'Sign out of all devices',
  signOutAllDevicesConfirmation: true,
  signOutAllDevicesKeepsThisDevice: true,
  signOutAllDevicesEndsOthers: true,
  sameSignInFailureMessage: true,
  throttleSignIns: true,
  atomicSignInLock: true,
  limitPasswordRechecks: true,
  checkCsrfToken: true,
  sessionCookieHttpOnly: true,
});

/**
 * The kinds of drift the harness names (pages/support/drift.ts, DRIFT_KINDS: the mock may not import test code, so
 * tests/unit/outcome.test.ts keeps the two equal).
 */
export type DriftKind = 'moved' | 'renamed' | 'missing' | 'reordered' | 'unusable' | 'behaviour';

export interface DriftVariant {
  name: string;
  kind: DriftKind;
  /** The promise of the guide it breaks, in one sentence. */
  breaks: string;
  /** The guide steps (ids in guide/steps.json) whose scenarios should fail against it. */
  caughtBy: readonly string[];
  /** A tag the catching scenarios also carry, when the guide steps alone would select many that cannot catch it. */
  caughtByTag?: string;
  /**
   * A defect of the site that leaves the guide true (a colour below AA contrast, a broken security promise): it must be
   * reported as a finding of this class met at one of `caughtBy`, and the guide must still hold.
   */
  finding?: 'accessibility' | 'security' | 'resilience';
  override: Partial<SiteVariant>;
}

export const DRIFT_VARIANTS: readonly DriftVariant[] = [
  {
    name: 'sign-in-lower-left',
    kind: 'moved',
    breaks: 'The "Sign In" button leaves the upper-right corner of the home page for the lower-left.',
    caughtBy: ['sign-in.2', 'sign-out-sign-in.1'],
    override: { signInPlacement: 'lower-left' },
  },
  {
    name: 'profile-menu-out-of-header',
    kind: 'moved',
    breaks: 'The profile name and its pop-up menu leave the header for the lower-left corner.',
    caughtBy: ['account.1'],
    override: { profileMenuPlacement: 'lower-left' },
  },
  {
    name: 'your-account-renamed',
    kind: 'renamed',
    breaks: 'The pop-up menu says "Account" instead of "Your Account".',
    caughtBy: ['account.2'],
    override: { accountMenuLabel: 'Account' },
  },
  {
    name: 'change-password-renamed',
    kind: 'renamed',
    breaks: 'The account page says "Update password" instead of "Change password".',
    caughtBy: ['account.5', 'account.6'],
    override: { changePasswordLabel: 'Update password' },
  },
  {
    name: 'save-relabelled-submit',
    kind: 'renamed',
    breaks: 'The change-password page\'s "Save" button says "Submit", a name with no word of the guide\'s.',
    caughtBy: ['password.5'],
    override: { passwordSaveLabel: 'Submit' },
  },
  {
    name: 'change-password-in-settings',
    kind: 'moved',
    breaks: 'The "Change password" text button leaves "MEMBERSHIP & BILLING" for the "SETTINGS" section.',
    caughtBy: ['account.5', 'account.6'],
    override: { changePasswordSection: 'settings' },
  },
  {
    name: 'add-phone-renamed',
    kind: 'renamed',
    breaks: 'The account page says "Add mobile number" instead of "Add phone number".',
    caughtBy: ['account.5', 'phone.1'],
    override: { addPhoneLabel: 'Add mobile number' },
  },
  {
    name: 'confirm-password-missing',
    kind: 'missing',
    breaks: 'The change-password page has no field to confirm the new password.',
    caughtBy: ['password.3'],
    override: { confirmPasswordField: false },
  },
  {
    name: 'require-all-devices-missing',
    kind: 'missing',
    breaks: 'The change-password page has no "Require all devices to sign in again…" checkbox.',
    caughtBy: ['password.4'],
    override: { signOutOthersBox: false },
  },
  {
    name: 'text-messages-box-missing',
    kind: 'missing',
    breaks: 'The phone page has no tick box for text messages.',
    caughtBy: ['phone.4'],
    override: { textMessagesBox: false },
  },
  {
    name: 'phone-and-password-swapped',
    kind: 'reordered',
    breaks: 'The phone page asks for the password first and the phone number second.',
    caughtBy: ['phone.2', 'phone.3'],
    override: { phoneFormOrder: 'password-then-phone' },
  },
  {
    name: 'cookie-banner-over-sign-in',
    kind: 'unusable',
    breaks:
      'A cookie-consent banner lies over the "Sign In" button in the upper-right corner, so a click on it lands on the banner.',
    caughtBy: ['sign-in.2'],
    override: { cookieBanner: 'over-sign-in' },
  },
  // A person using a keyboard, a screen reader or a touch screen: the guide's steps must work for them too.
  {
    name: 'profile-menu-on-hover-only',
    kind: 'unusable',
    breaks:
      "The profile's pop-up menu opens only while a mouse hovers over the profile name: not on a click, Enter or Space, so a keyboard reader cannot open it.",
    caughtBy: ['account.1'],
    caughtByTag: 'keyboard',
    override: { profileMenuOpens: 'hover-only' },
  },
  // A menu opening on a click only is no drift of the second guide's "Hover over or click your profile name": either
  // way holds, and the other is a note beside the step (pages/site-header.ts). What breaks the sentence is neither.
  {
    name: 'profile-menu-never-opens',
    kind: 'missing',
    breaks:
      'The profile name opens no pop-up menu: neither a mouse hovering over it nor a click (nor Enter or Space) shows the menu the second guide says to choose "Your Account" from.',
    caughtBy: ['sign-out-account.1'],
    override: { profileMenuOpens: 'never' },
  },
  {
    name: 'phone-field-unlabelled',
    kind: 'unusable',
    breaks: 'The phone number field has no label: a screen reader announces an unnamed text box.',
    caughtBy: ['phone.2'],
    override: { phoneFieldLabelled: false },
  },
  {
    name: 'save-low-contrast',
    kind: 'unusable',
    breaks: 'The phone page\'s "Save" button is light grey on grey, with a contrast far below 4.5:1.',
    caughtBy: ['phone.5'],
    finding: 'accessibility',
    override: { phoneSaveContrast: 'low' },
  },
  {
    name: 'save-stays-disabled',
    kind: 'unusable',
    breaks:
      'The phone page\'s "Save" button is disabled for good, while nothing is at work: a slow site\'s busy button comes back, this one never does.',
    caughtBy: ['phone.5'],
    override: { phoneSaveEnabled: false },
  },
  {
    name: 'profile-gate-skipped',
    kind: 'behaviour',
    breaks: 'Signing in goes straight to the first profile; the site never asks to choose one.',
    caughtBy: ['profile.1', 'sign-in.4'],
    override: { profileGate: false },
  },
  {
    name: 'current-password-unchecked',
    kind: 'behaviour',
    breaks: 'A password change is accepted with a wrong current password.',
    caughtBy: ['password.2', 'password.5'],
    override: { checkCurrentPassword: false },
  },
  {
    name: 'tick-ignored',
    kind: 'behaviour',
    breaks: 'The "Require all devices…" tick does not sign the other devices out.',
    caughtBy: ['password.4'],
    override: { signOutOtherDevices: 'never' },
  },
  {
    name: 'untick-signs-out-anyway',
    kind: 'behaviour',
    breaks: 'Without the tick, a password change signs the other devices out anyway.',
    caughtBy: ['password.4'],
    override: { signOutOtherDevices: 'always' },
  },
  {
    name: 'old-password-still-works',
    kind: 'behaviour',
    breaks: 'After a password change the old password still signs in.',
    caughtBy: ['password.5'],
    override: { oldPasswordWorksAfterChange: true },
  },
  {
    name: 'password-change-not-stored',
    kind: 'behaviour',
    breaks:
      'Saving a password change shows the success message, but nothing is stored: the old password still signs in, the new one does not.',
    caughtBy: ['password.5'],
    override: { storePasswordChange: false },
  },
  {
    name: 'late-sign-out',
    kind: 'behaviour',
    breaks:
      'With the "Require all devices…" tick, the other devices are signed out only 30 s after the change, not at once.',
    caughtBy: ['password.4'],
    override: { signOutOthersAfterSeconds: 30 },
  },
  {
    name: 'phone-saved-without-password',
    kind: 'behaviour',
    breaks: 'The phone number is saved whatever password is typed in the second field.',
    caughtBy: ['phone.3'],
    override: { phoneNeedsPassword: false },
  },
  {
    name: 'text-message-choice-dropped',
    kind: 'behaviour',
    breaks: 'The tick for text messages is not stored: text messages stay off.',
    caughtBy: ['phone.4'],
    override: { storeTextMessageChoice: false },
  },
  {
    name: 'invalid-phone-accepted',
    kind: 'behaviour',
    breaks: 'A phone number the site cannot call is saved as typed.',
    // A refused number is saved (phone.2); a valid one typed in national form is shown as typed (phone.5).
    caughtBy: ['phone.2', 'phone.5'],
    override: { validatePhone: false },
  },
  // Security promises: the guide's sign-in, password and phone steps are only as safe as these (docs/site-rules.md).
  {
    name: 'sign-in-reveals-unknown-email',
    kind: 'behaviour',
    breaks: 'A sign-in with an unknown email says so, telling a guesser which emails have an account.',
    caughtBy: ['sign-in.3', 'sign-in.4'],
    finding: 'security',
    caughtByTag: 'asvs:6.3.8',
    override: { sameSignInFailureMessage: false },
  },
  {
    name: 'sign-in-never-throttled',
    kind: 'behaviour',
    breaks: 'Failed sign-ins are never throttled, so a password can be guessed without limit.',
    caughtBy: ['sign-in.3', 'sign-in.4'],
    finding: 'security',
    caughtByTag: 'asvs:2.2.1',
    override: { throttleSignIns: false },
  },
  {
    name: 'racy-sign-in-lock',
    kind: 'behaviour',
    breaks:
      'The sign-in lock checks before it counts, so a burst of parallel wrong passwords is all checked and the right one among them signs in.',
    caughtBy: ['sign-in.3', 'sign-in.4'],
    finding: 'security',
    caughtByTag: 'asvs:2.2.1',
    override: { atomicSignInLock: false },
  },
  {
    name: 'unthrottled-password-recheck',
    kind: 'behaviour',
    breaks:
      'The password typed in the phone form (and as the current password) can be guessed without limit from a signed-in device.',
    caughtBy: ['phone.3', 'password.2'],
    finding: 'security',
    caughtByTag: 'asvs:2.2.1',
    override: { limitPasswordRechecks: false },
  },
  {
    name: 'csrf-token-unchecked',
    kind: 'behaviour',
    breaks: 'Changes are accepted without the anti-CSRF token, so another site can send them in the person’s name.',
    caughtBy: ['password.5', 'phone.5'],
    finding: 'security',
    caughtByTag: 'asvs:3.5.1',
    override: { checkCsrfToken: false },
  },
  {
    name: 'session-cookie-readable-by-scripts',
    kind: 'behaviour',
    breaks: 'The session cookie is not HttpOnly, so a script injected into a page can steal the session.',
    caughtBy: ['sign-in.4'],
    finding: 'security',
    caughtByTag: 'asvs:3.4.2',
    override: { sessionCookieHttpOnly: false },
  },
  // The second guide, "How to Sign Out of Netflix on Every Device at Once".
  {
    name: 'sign-out-all-renamed',
    kind: 'renamed',
    breaks: 'The SETTINGS section says "Manage access and devices" instead of "Sign out of all devices".',
    caughtBy: ['sign-out-account.3'],
    override: { signOutAllDevicesLabel: 'Manage access and devices' },
  },
  {
    name: 'sign-out-all-unconfirmed',
    kind: 'missing',
    breaks: '"Sign out of all devices" signs the devices out at once: no page explains it or asks for "Sign Out".',
    caughtBy: ['sign-out.1'],
    override: { signOutAllDevicesConfirmation: false },
  },
  {
    name: 'sign-out-all-ends-this-device',
    kind: 'behaviour',
    breaks: 'Confirming "Sign Out" signs out the browser that confirmed too, not only the other devices.',
    caughtBy: ['sign-out.3'],
    override: { signOutAllDevicesKeepsThisDevice: false },
  },
  {
    name: 'sign-out-all-keeps-others',
    kind: 'behaviour',
    breaks: 'After "Sign Out" the page says the other devices will be signed out, but they stay signed in.',
    caughtBy: ['sign-out.3'],
    override: { signOutAllDevicesEndsOthers: false },
  },
];

export class UnknownDriftError extends Error {}

export function driftVariant(name: string): DriftVariant {
  const variant = DRIFT_VARIANTS.find((v) => v.name === name);
  if (!variant) {
    throw new UnknownDriftError(`No drift variant "${name}"; known: ${DRIFT_VARIANTS.map((v) => v.name).join(', ')}.`);
  }
  return variant;
}

/**
 * The variant one running mock shows: clean unless a drift is chosen at start (MOCK_DRIFT) or switched through the
 * test-control API. One per mock, so a per-worker mock gives per-worker (and so per-test) drift.
 */
export class SiteVariantSetting {
  #name: string | null = null;
  #site: Readonly<SiteVariant> = CLEAN_SITE;

  constructor(driftName?: string | null) {
    this.use(driftName ?? null);
  }

  /** The name of the drift in use, null for the clean site. */
  get name(): string | null {
    return this.#name;
  }

  get site(): Readonly<SiteVariant> {
    return this.#site;
  }

  /**
   * Switches to a drift by name, or to several at once, named with commas (a site with several problems, as a
   * failing run meets them: "your-account-renamed,save-low-contrast"), or back to the clean site with null or "".
   * Throws on an unknown name.
   */
  use(driftName: string | null): void {
    const names = (driftName ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const variants = names.map(driftVariant);
    this.#name = variants.length ? variants.map((v) => v.name).join(',') : null;
    this.#site = Object.freeze(Object.assign({ ...CLEAN_SITE }, ...variants.map((v) => v.override)));
  }
}
