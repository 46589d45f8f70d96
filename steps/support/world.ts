import type { Locator, Page } from '@playwright/test';
import type { NewTestAccount, TestAccount } from '../../site/test-control-client.ts';
import { AccountPage } from '../../pages/account-page.ts';
import { ChangePasswordPage } from '../../pages/change-password-page.ts';
import { AddPhonePage } from '../../pages/add-phone-page.ts';
import { BrowserCookies } from '../../pages/browser-cookies.ts';
import { ForgedRequest } from '../../pages/forged-request.ts';
import { HomePage } from '../../pages/home-page.ts';
import { NetworkFaults } from '../../pages/network-faults.ts';
import { ProfileGatePage } from '../../pages/profile-gate-page.ts';
import { SignInPage } from '../../pages/sign-in-page.ts';
import { SignOutEverywherePage } from '../../pages/sign-out-everywhere-page.ts';
import { SiteHeader } from '../../pages/site-header.ts';
import {
  GUIDE_TARGET_ATTRIBUTE,
  GUIDE_TARGET_OUTLINE,
  GuideDrift,
  watchGuideTargets,
} from '../../pages/support/drift.ts';
import { answerWaitMs, FormMessage, watchPageChanges } from '../../pages/support/forms.ts';
import type { GuideField } from './matchers.ts';
import { coverScript, generatedEmails, MASK_DOTS, uncover } from '../../harness/scenario/evidence-masks.ts';
import { sessionDrift, type SessionChanges } from '../../harness/scenario/session-drift.ts';
import { sessionCookieDrift } from '../../harness/scenario/cookie-drift.ts';
import type { OutcomeRecord } from '../../harness/scenario/outcome.ts';
import {
  blockingSentence,
  blockingViolation,
  controlFindings,
  StepAccessibility,
} from '../../harness/scenario/accessibility.ts';
import { pageOf, promiseOf, type FindingRecord, type ScenarioPromise } from '../../harness/scenario/finding.ts';
import type { NoteRecord } from '../../harness/scenario/note.ts';
import type { AccessibilityRecord } from '../../harness/scenario/accessibility.ts';
import {
  acceptedPicture,
  compareLook,
  clipAround,
  DATE_PATTERN,
  guideOfStep,
  type LookRecord,
} from '../../harness/reporting/guide-looks.ts';
import type { SiteControl } from '../../site/control.ts';
import type { PendingChange, PhoneState } from '../../site/account-journal.ts';
import { maskedPhone } from '../../site/accounts-file.ts';
import { expect } from './matchers.ts';
import { privatePassword, putPasswordBack, putPhoneBack, recoveredLine } from './account-keeping.ts';
import { inSiteWords, siteProfile, slowestAnswerSeconds, type SiteProfile } from '../../site/profile.ts';
import { EVERY_PICTURE, PICTURE_FORMAT, type ScenarioPictures } from '../../harness/scenario/step-pictures.ts';
import { StepTimes, type GuideStepTime } from '../../harness/scenario/step-times.ts';

/** Inputs whose values never appear in a screenshot: passwords, and phone numbers by their type or their label. */
const SENSITIVE_INPUTS = 'input[type="password"], input[type="tel"], input[autocomplete^="tel"]';
const PHONE_LABEL = /phone|mobile/i;

/** Other devices may be signed out a moment after the answer; a promise with a time is polled, never assumed. */
const SESSION_SETTLE_MS = 2_000;
const SESSION_POLL_MS = 250;
/** How long past the allowed time the harness keeps looking, to tell "late" from "never". */
const LATE_LIMIT_MS = 40_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One browser of the person following the guide: its own cookies, so its own session on the site. */
export class Device {
  readonly name: string;
  readonly page: Page;
  readonly home: HomePage;
  readonly signIn: SignInPage;
  readonly profiles: ProfileGatePage;
  readonly header: SiteHeader;
  readonly account: AccountPage;
  readonly changePassword: ChangePasswordPage;
  readonly addPhone: AddPhonePage;
  readonly signOutEverywhere: SignOutEverywherePage;
  readonly cookies: BrowserCookies;
  readonly forgedRequest: ForgedRequest;
  readonly network: NetworkFaults;
  readonly formMessage: FormMessage;
  /** The profile chosen on this device, whose name the header then shows. */
  chosenProfile: string | undefined;

  constructor(name: string, page: Page) {
    this.name = name;
    this.page = page;
    this.home = new HomePage(page);
    this.signIn = new SignInPage(page);
    this.profiles = new ProfileGatePage(page);
    this.header = new SiteHeader(page);
    this.account = new AccountPage(page);
    this.changePassword = new ChangePasswordPage(page);
    this.addPhone = new AddPhonePage(page);
    this.signOutEverywhere = new SignOutEverywherePage(page);
    this.cookies = new BrowserCookies(page);
    this.forgedRequest = new ForgedRequest(page);
    this.network = new NetworkFaults(page);
    this.formMessage = new FormMessage(page);
  }

  /** What the person does next on this device, whatever page it shows: the site answers with its current state. */
  async loadNextPage(): Promise<void> {
    await this.page.reload();
  }

  /** Clicks one of the profiles the site asks to choose from (or Tabs to it and presses Enter), and remembers it. */
  async chooseProfile(name: string, by: 'mouse' | 'keyboard' = 'mouse'): Promise<void> {
    await (by === 'keyboard' ? this.profiles.chooseProfileByKeyboard(name) : this.profiles.chooseProfile(name));
    this.chosenProfile = name;
  }

  /** The name of the profile in use, for "clicking on the profile name". */
  get profileInUse(): string {
    if (!this.chosenProfile) throw new Error(`No profile has been chosen on device ${this.name} yet.`);
    return this.chosenProfile;
  }

  /** The browser's Back button. */
  async goBack(): Promise<void> {
    await this.page.goBack();
  }
}

export interface WorldOptions {
  /** Opens a page in a new, independent browser context (a new device). */
  openDevicePage: () => Promise<Page>;
  /** The test-control API's client, or pre-made accounts when the site has no such API (site/control.ts). */
  control: SiteControl;
  /** Unique per scenario run; account emails are made from it so parallel scenarios never share data. */
  scenarioKey: string;
  /** Attaches evidence to the step being run, in every report. */
  attachScreenshot?: (name: string, picture: Buffer) => Promise<void>;
  /** Stores the record of a failed check with the test result, as structured data (harness/scenario/outcome.ts). */
  attachOutcome?: (record: OutcomeRecord) => Promise<void>;
  /** Stores what the accessibility scan of a guide step's page found, as structured data (harness/scenario/accessibility.ts). */
  attachAccessibility?: (record: AccessibilityRecord) => Promise<void>;
  /** Stores a guide step's look picture, how it compares with the accepted one, and the picture of what differs. */
  attachLook?: (record: LookRecord, picture: Buffer, diff: Buffer | undefined) => Promise<void>;
  /** Stores a finding about the site, apart from the guide's outcome records (harness/scenario/finding.ts). */
  attachFinding?: (record: FindingRecord) => Promise<void>;
  /**
   * Marks the Gherkin step being run failed at once, in the runner's own reports, while the scenario goes on (a Then
   * step's failed check): Playwright's soft failure. Where the runner has none (cucumber-js: a failed step skips the
   * rest), the scenario fails at its end instead (softFailure).
   */
  failStepSoftly?: (message: string) => void;
  /** Stores a note of a guide step: an alternative of its sentence that did not work (harness/scenario/note.ts). */
  attachNote?: (record: NoteRecord) => Promise<void>;
}

/** What a scenario notes in one step to compare in a later one, by name and type. */
export interface ScenarioNotes {
  /** The password a step changed the account's to. */
  newPassword: string;
  /** What the sign-in page said above its form when a step noted it. */
  signInMessage: string;
  /** What the sign-in page said above its form after each of several attempts. */
  signInAnswers: string[];
  /** The HTTP status the site gave a change another site sent in the person's name. */
  forgedRequestStatus: number;
}

export interface ScenarioAccount extends TestAccount {
  password: string;
}

/** Everything one scenario works with. Built by Playwright fixtures (steps/fixtures.ts). */
export class ScenarioWorld {
  readonly control: SiteControl;
  /** What the site under test says of itself where the guide is silent (site/profile.ts). */
  readonly site: SiteProfile = siteProfile();
  readonly scenarioKey: string;
  /** What steps noted so far; a later step reads one with noted(), which says when no step noted it. */
  readonly notes: Partial<ScenarioNotes> = {};
  readonly #openDevicePage: () => Promise<Page>;
  readonly #attachScreenshot: WorldOptions['attachScreenshot'];
  readonly #attachOutcome: WorldOptions['attachOutcome'];
  readonly #attachAccessibility: WorldOptions['attachAccessibility'];
  readonly #attachFinding: WorldOptions['attachFinding'];
  readonly #attachNote: WorldOptions['attachNote'];
  readonly #failStepSoftly: WorldOptions['failStepSoftly'];
  /** The guide step being followed now (steps/support/guide-step.ts), whose sentence a note is about. */
  #guideStep: string | undefined;
  /** The promise the scenario checks beyond the guide's words, set from its tags by the runner. */
  #promise: ScenarioPromise | undefined;
  /** Whether a check of the scenario's promise failed: what later checks see follows from it. */
  #promiseBroken = false;
  readonly #accessibility = new StepAccessibility();
  /** Where each guide step's time went (harness/scenario/step-times.ts), for a run that stores it. */
  readonly #times = new StepTimes();
  #waitedAtStepStart = 0;
  /** Which guide steps' pictures this scenario takes (harness/scenario/step-pictures.ts); set from its tags by the runner. */
  #pictures: ScenarioPictures = EVERY_PICTURE;
  readonly #attachLook: WorldOptions['attachLook'];
  /** The guide steps whose look this scenario pictures (harness/reporting/guide-looks.ts: lookStepsOf), and those it has. */
  readonly #lookSteps = new Set<string>();
  readonly #pictured = new Set<string>();
  /** The step being pictured now, and its picture once its first control was found. */
  #look: { step: string; picture?: Buffer } | undefined;
  /** The failed checks of observing steps, which let the scenario go on (steps/support/guide-step.ts). */
  readonly #softFailures: string[] = [];
  readonly #held = new Set<string>();
  readonly #devices = new Map<string, Device>();
  /** The session each device got when it signed in, by device name, read from the test-control API. */
  readonly #sessionOfDevice = new Map<string, string>();
  /** Sessions of the fresh browsers a scenario signs in on to check a password: not the guide's devices. */
  readonly #checkingSessions = new Set<string>();
  #current: Device | undefined;
  #freshDevices = 0;
  /** What this scenario changed on a pre-made account, to put back at its end. */
  readonly #changes: Pick<PendingChange, 'password' | 'phone'> = {};
  readonly #privatePasswords = new Map<string, string>();
  #account: ScenarioAccount | undefined;

  constructor({
    openDevicePage,
    control,
    scenarioKey,
    attachScreenshot,
    attachOutcome,
    attachAccessibility,
    attachLook,
    attachFinding,
    attachNote,
    failStepSoftly,
  }: WorldOptions) {
    this.#failStepSoftly = failStepSoftly;
    this.#openDevicePage = openDevicePage;
    this.#attachNote = attachNote;
    this.#attachFinding = attachFinding;
    this.#attachLook = attachLook;
    this.#attachAccessibility = attachAccessibility;
    this.#attachScreenshot = attachScreenshot;
    this.#attachOutcome = attachOutcome;
    this.control = control;
    this.scenarioKey = scenarioKey;
  }

  /** The device the scenario is acting on now; the first one is opened on demand. */
  get device(): Device {
    if (!this.#current) throw new Error('No device is open yet: a step must call useDevice() first.');
    return this.#current;
  }

  async useDevice(name = 'A'): Promise<Device> {
    let device = this.#devices.get(name);
    if (!device) {
      const page = await this.#openDevicePage();
      await watchPageChanges(page, { slowestAnswerMs: slowestAnswerSeconds(this.site) * 1000 });
      device = new Device(name, page);
      watchGuideTargets(device.page, async (control) => {
        await this.#accessibility.controlFound(control, GUIDE_TARGET_ATTRIBUTE);
        await this.#pictureLook(control);
      });
      this.#devices.set(name, device);
    }
    this.#current = device;
    return device;
  }

  get account(): ScenarioAccount {
    if (!this.#account) throw new Error('The scenario has no account yet: start it with "Given I have an account…".');
    return this.#account;
  }

  async createAccount(
    profiles: { name: string; kids: boolean }[],
    password = `pw-${this.scenarioKey}`.slice(0, 40),
    extras: Pick<NewTestAccount, 'phone'> = {},
  ): Promise<ScenarioAccount> {
    const email = `${this.scenarioKey}@guide.test`;
    // A pre-made account comes with its own password.
    this.#account = { password, ...(await this.control.createAccount({ email, password, profiles, ...extras })) };
    const pending = this.control.keeper?.pending(this.#account.id);
    if (pending) {
      await this.#putBack(pending);
      console.log(recoveredLine(this.#account.email, pending));
    }
    return this.#account;
  }

  /**
   * A new password the feature quotes, as this scenario sends it: on a pre-made account (which outlives the
   * scenario) a random one, so that no password written in the repository is ever set on a team's site.
   */
  newPassword(quoted: string): string {
    if (!this.control.keeper || quoted === '' || quoted.includes('{')) return this.resolve(quoted);
    this.#privatePasswords.set(quoted, this.#privatePasswords.get(quoted) ?? privatePassword());
    return this.#privatePasswords.get(quoted) as string;
  }

  /**
   * Before a new password is sent: on a pre-made account, the journal records it (site/account-journal.ts), and the
   * scenario's end changes it back through the site's pages.
   */
  beforePasswordChange(next: string): void {
    const keeper = this.control.keeper;
    if (!keeper) return;
    this.#changes.password = { previous: this.account.password, next };
    keeper.record(this.account.id, this.#changes);
  }

  /**
   * Before a phone number is saved: on a pre-made account that starts with one, the journal records it and the
   * scenario's end saves it again; one that starts with none is skipped here, since pages can change a number but
   * not take it away.
   */
  beforePhoneChange(): void {
    const keeper = this.control.keeper;
    if (!keeper) return;
    const starting = keeper.startingPhone(this.account.id);
    if (!starting) {
      this.beforeLastingChange(
        "it saves a phone number on an account that starts with none (the site's pages change a number, only the test-control API takes one away)",
      );
      return;
    }
    this.#changes.phone = { starting };
    keeper.record(this.account.id, this.#changes);
  }

  /** Puts a pre-made account back as the accounts file says it starts, through the site's pages, then forgets the change. */
  async #putBack(change: Pick<PendingChange, 'password' | 'phone'>): Promise<void> {
    const account = this.account;
    const current = this.#current;
    const open = async () => this.useDevice(`restore ${++this.#freshDevices}`);
    try {
      if (change.password) await putPasswordBack(await open(), account, change.password);
      if (change.phone) await putPhoneBack(await open(), account, change.phone.starting);
    } finally {
      this.#current = current;
    }
    this.control.keeper?.forget(account.id);
  }

  /**
   * Before a step changes the account for good (its password, its phone number, a sign-in lock): where accounts
   * outlive the scenario (GUIDE_ACCOUNTS_FILE), the scenario is skipped here, before the change, with the reason.
   */
  beforeLastingChange(change: string): void {
    this.control.beforeLastingChange?.(change);
  }

  /** Opens the sign-in page on a device (a new one if the name is new) and signs in with the account's email. */
  async signInOn(name: string, password = this.account.password): Promise<Device> {
    const device = await this.useDevice(name);
    await device.signIn.open();
    await device.signIn.signIn(this.account.email, password);
    return device;
  }

  /** The site's own words for a text the feature files quote in the bundled mock's words. */
  says(text: string): string {
    return inSiteWords(this.site, text);
  }

  /** The names of the account's profiles, in its order. */
  get profileNames(): string[] {
    return this.account.profiles.map((profile) => profile.name);
  }

  /** The account's profiles as the current device's profile choice offers them, in the account's order. */
  profileChoices(names = this.account.profiles.map((profile) => profile.name), device = this.device): GuideField[] {
    return names.map((name) => ({ what: `the profile “${name}”`, field: device.profiles.profile(name) }));
  }

  /**
   * Signs in on a browser that has never been used, as a person checking a password would, then goes on with the
   * device the scenario was using.
   */
  async signInOnAFreshDevice(password: string): Promise<Device> {
    const current = this.#current;
    const before = await this.#sessionIdsIfTracked();
    const fresh = await this.signInOn(`fresh ${++this.#freshDevices}`, password);
    this.#current = current;
    if (before)
      for (const id of (await this.#sessionIdsIfTracked()) ?? []) if (!before.has(id)) this.#checkingSessions.add(id);
    return fresh;
  }

  /** The account's session ids, when the scenario follows its devices' sessions (it has the test-control API). */
  async #sessionIdsIfTracked(): Promise<Set<string> | undefined> {
    if (this.#sessionOfDevice.size === 0) return undefined;
    return new Set((await this.control.activeSessions(this.account.id)).map((session) => session.id));
  }

  /** Notes which session a device got: the one session of the account no other device has. */
  async noteSessionOf(name: string): Promise<void> {
    // A site without the test-control API shows its sessions only as a person sees them: each device's next page.
    if (this.control.keeper) return;
    const known = new Set(this.#sessionOfDevice.values());
    const fresh = (await this.control.activeSessions(this.account.id)).filter((s) => !known.has(s.id));
    if (fresh.length !== 1 || !fresh[0]) {
      throw new Error(`After device ${name} signed in, the site shows ${fresh.length} new sessions instead of 1.`);
    }
    this.#sessionOfDevice.set(name, fresh[0].id);
  }

  /**
   * Waits until the account's sessions are as the guide promises, for as long as the site profile allows
   * (otherDevicesSignedOutWithinSeconds), and says in one sentence how they differ if they never are. A promise kept
   * late is told apart from one never kept: the wait goes on a while longer to say which.
   */
  async expectSessions(expected: SessionChanges, after: string): Promise<void> {
    const allowedMs = this.site.otherDevicesSignedOutWithinSeconds * 1000 + SESSION_SETTLE_MS;
    const started = Date.now();
    const observe = this.control.keeper
      ? () => this.#nextPageLoadsDrift(expected, after)
      : async () => sessionDrift(expected, await this.sessionChanges(), after);
    let drift = await observe();
    while (drift && Date.now() - started < allowedMs) {
      await sleep(SESSION_POLL_MS);
      drift = await observe();
    }
    if (!drift) return;
    const allowed = `the site profile allows ${this.site.otherDevicesSignedOutWithinSeconds} s`;
    const firstSeen = drift;
    while (drift && Date.now() - started < allowedMs + LATE_LIMIT_MS) {
      await sleep(SESSION_POLL_MS);
      drift = await observe();
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    throw new GuideDrift(
      'behaviour',
      drift
        ? `${drift.replace(/\.$/, '')}, and still ${seconds} s later (${allowed}).`
        : `${firstSeen.replace(/\.$/, '')}, at first: the sessions were as the guide says only after ${seconds} s, later than ${allowed}.`,
    );
  }

  /**
   * The sessions as a person sees them, where the site shows no other way (pre-made accounts): the next page load of
   * each of the scenario's devices, in a copy of its browser (same cookies), so that the device's own next page load
   * is still the scenario's to make. The device acting keeps a session when any is expected to stay or be new.
   */
  async #nextPageLoadsDrift(expected: SessionChanges, after: string): Promise<string | undefined> {
    const devices = [...this.#devices.values()].filter((device) => !/^(fresh|restore) /.test(device.name));
    const wrong: string[] = [];
    for (const device of devices) {
      const keeps =
        expected.stillSignedIn.includes(device.name) || (device === this.#current && expected.newSessions > 0);
      const signedIn = await this.#nextPageLoadSignedIn(device);
      if (signedIn !== keeps)
        wrong.push(`device ${device.name} ${signedIn ? 'is still signed in' : 'has to sign in again'}`);
    }
    return wrong.length
      ? `${after.charAt(0).toUpperCase()}${after.slice(1)}, on the next page load ${wrong.join(' and ')}.`
      : undefined;
  }

  async #nextPageLoadSignedIn(device: Device): Promise<boolean> {
    const context = device.page.context();
    const copy = await context.browser()?.newContext({ storageState: await context.storageState() });
    if (!copy) throw new Error(`The browser of device ${device.name} cannot be copied to look at its next page.`);
    try {
      const page = await copy.newPage();
      await page.goto(device.page.url());
      return !(await new SignInPage(page).heading.isVisible());
    } finally {
      await copy.close();
    }
  }

  /**
   * The phone number the site keeps (null: none): read through the test-control API, or, on a site without it, as a
   * person sees it on the account page, opened from the profile menu in a copy of the device's browser.
   */
  async expectKeptPhone(phone: PhoneState | null): Promise<void> {
    if (!this.control.keeper) {
      const kept = (await this.control.account(this.account.id)).phone;
      expect(kept, 'the phone number the site keeps').toEqual(phone);
      return;
    }
    const device = this.device;
    const context = device.page.context();
    const copy = await context.browser()?.newContext({
      storageState: await context.storageState(),
      baseURL: new URL(device.page.url()).origin,
      viewport: device.page.viewportSize(),
    });
    if (!copy) throw new Error(`The browser of device ${device.name} cannot be copied to look at the account page.`);
    try {
      const look = new Device(`${device.name} (a second tab)`, await copy.newPage());
      await look.home.open();
      await look.header.openProfileMenu(device.profileInUse);
      await look.header.chooseFromProfileMenu('Your Account');
      const section = 'MEMBERSHIP & BILLING';
      if (!phone) return await look.account.expectTextButton(section, 'Add phone number');
      await look.account.expectSectionShows(section, this.says(await maskedPhone(phone.e164)));
      await look.account.expectSectionShows(section, this.says(`Text messages: ${phone.textMessages ? 'On' : 'Off'}`));
    } finally {
      await copy.close();
    }
  }

  /** The cookies the last sign-in on this device set are HttpOnly and at least as strict as `sameSite`. */
  async expectSessionCookiesKept(sameSite: 'Lax' | 'Strict'): Promise<void> {
    const drift = sessionCookieDrift(this.device.signIn.cookiesSetBySignIn, sameSite);
    if (drift) throw new GuideDrift('behaviour', drift);
  }

  /** A request another site made the browser send, without the form's token, was refused (any 4xx). */
  async expectForgedRequestRefused(status: number): Promise<void> {
    if (status >= 400 && status < 500) return;
    throw new GuideDrift(
      'behaviour',
      status >= 500
        ? `The site failed (HTTP ${status}) on a request another site sent in my name, instead of refusing it.`
        : `The site accepted a request another site sent in my name, without the form's token (HTTP ${status}).`,
    );
  }

  async sessionChanges(): Promise<SessionChanges> {
    const active = new Set((await this.control.activeSessions(this.account.id)).map((s) => s.id));
    for (const id of this.#checkingSessions) active.delete(id);
    const noted = new Set(this.#sessionOfDevice.values());
    return {
      stillSignedIn: [...this.#sessionOfDevice]
        .filter(([, id]) => active.has(id))
        .map(([name]) => name)
        .sort(),
      newSessions: [...active].filter((id) => !noted.has(id)).length,
    };
  }

  /** A note an earlier step of the scenario must have made. */
  noted<Name extends keyof ScenarioNotes>(name: Name): ScenarioNotes[Name] {
    const value = this.notes[name];
    if (value === undefined) throw new Error(`No earlier step of this scenario noted its ${name}.`);
    return value as ScenarioNotes[Name];
  }

  /** Values in feature files that stand for the scenario's own data, e.g. "{my email}". */
  resolve(text: string): string {
    return text
      .replaceAll('{my email}', () => this.account.email)
      .replaceAll('{my password}', () => this.account.password)
      .replaceAll('{my password in caps}', () => this.account.password.toUpperCase())
      .replaceAll('{unknown email}', () => `nobody-${this.scenarioKey}@guide.test`)
      .replace(/\{(\d+) characters\}/g, (_, count: string) => 'x'.repeat(Number(count)))
      .replace(/\{(\d+) digits\}/g, (_, count: string) => '1'.repeat(Number(count)));
  }

  /** The runner's choice of the guide-step pictures this scenario takes: its worker's, by the scenario's tags. */
  takePictures(pictures: ScenarioPictures): void {
    this.#pictures = pictures;
  }

  /** After a guide step: its picture, when it failed or the scenario takes it (harness/scenario/step-pictures.ts). */
  async captureStepPicture(name: string, failed: boolean): Promise<void> {
    if (!this.#pictures.wanted(name, failed)) return;
    if ((await this.#times.part('pictureMs', () => this.captureEvidence(name))) && !failed) this.#pictures.taken(name);
  }

  /**
   * A screenshot of the current device, the element the guide names outlined: a filled password or phone field shows
   * a row of dots (its value never), a generated test address its short alias (harness/scenario/evidence-masks.ts). Whether
   * one was attached.
   */
  async captureEvidence(name: string): Promise<boolean> {
    const page = this.#current?.page;
    if (!page || !this.#attachScreenshot || page.isClosed()) return false;
    const picture = await this.#coveredScreenshot(page, { jpeg: true });
    if (!picture) return false;
    await this.#attachScreenshot(name, picture);
    return true;
  }

  /**
   * A screenshot with secrets and generated values covered (and, for a look picture, dates blanked). A guide step's
   * picture is a JPEG (harness/scenario/step-pictures.ts PICTURE_FORMAT); a look picture stays a PNG, compared pixel by pixel.
   */
  async #coveredScreenshot(
    page: Page,
    {
      clip,
      blank,
      jpeg = false,
    }: { clip?: { x: number; y: number; width: number; height: number }; blank?: string; jpeg?: boolean },
  ): Promise<Buffer | undefined> {
    const layerId = 'guide-evidence-cover';
    const covered = await page
      .evaluate(
        coverScript({
          sensitive: SENSITIVE_INPUTS,
          sensitiveLabel: PHONE_LABEL.source,
          dots: MASK_DOTS,
          aliases: generatedEmails(this.scenarioKey),
          layerId,
          blank,
          outline: `[${GUIDE_TARGET_ATTRIBUTE}]`,
        }),
      )
      .then(() => true)
      .catch(() => false);
    const picture = await page
      .screenshot({
        ...(jpeg && { type: PICTURE_FORMAT.type, quality: PICTURE_FORMAT.quality }),
        // Playwright's own boxes, only when the layer could not be drawn: the values must stay out either way.
        mask: covered ? [] : [page.locator(SENSITIVE_INPUTS), page.getByRole('textbox', { name: PHONE_LABEL })],
        // The outline is in the layer; Playwright's style sheet only when the layer could not be drawn.
        ...(covered ? {} : { style: GUIDE_TARGET_OUTLINE }),
        animations: 'disabled',
        caret: 'hide',
        scale: 'css',
        ...(clip && { clip }),
        timeout: 5_000,
      })
      .catch(() => undefined);
    if (covered) await page.evaluate(uncover, layerId).catch(() => undefined);
    return picture;
  }

  /** The guide steps whose look this scenario pictures and compares with the accepted pictures. */
  pictureLooksOf(steps: string[]): void {
    for (const step of steps) this.#lookSteps.add(step);
  }

  /**
   * The control a pictured step names, with its surroundings, as the reader meets it (before acting on it); a step
   * that names several is pictured at the last. Only the part around it is taken: a whole page costs more.
   */
  async #pictureLook(control: Locator): Promise<void> {
    if (!this.#look || !this.#attachLook) return;
    const page = control.page();
    await control.scrollIntoViewIfNeeded({ timeout: 2_000 }).catch(() => undefined);
    const box = await control.boundingBox().catch(() => null);
    const viewport = page.viewportSize();
    if (!box || !viewport) return;
    const clip = clipAround(box, viewport);
    if (clip) this.#look.picture = await this.#coveredScreenshot(page, { clip, blank: DATE_PATTERN });
  }

  /**
   * Compares a pictured step's picture with the accepted one, and attaches both and what differs. A step that found
   * no control it names is pictured as the page it ends on.
   */
  async #finishLook(stepFailed: boolean): Promise<void> {
    const look = this.#look;
    this.#look = undefined;
    const page = this.#current?.page;
    // A step whose check failed has its answer already (a drift, a finding): the page it stopped on is no look of it.
    if (!look || !this.#attachLook || stepFailed) return;
    look.picture ??=
      page && !page.isClosed() ? await this.#coveredScreenshot(page, { blank: DATE_PATTERN }) : undefined;
    if (!look.picture) return;
    this.#pictured.add(look.step);
    const guide = guideOfStep(look.step);
    const { record, diff } = compareLook(
      { guide, guideStep: look.step, site: this.site.name },
      look.picture,
      acceptedPicture(guide, look.step),
    );
    await this.#attachLook(record, look.picture, diff);
  }

  /** A guide step begins: the accessibility scan attributes what it finds to it (steps/support/guide-step.ts). */
  beginGuideStep(stepId: string): void {
    this.#guideStep = stepId;
    this.#times.begin(stepId);
    this.#waitedAtStepStart = this.#answerWaits();
    if (this.#attachAccessibility) this.#accessibility.begin(stepId);
    // Each step is pictured once a scenario: by the first Gherkin step that finds a control it names.
    this.#look = this.#lookSteps.has(stepId) && !this.#pictured.has(stepId) ? { step: stepId } : undefined;
  }

  /**
   * A guide step ended: attaches what the scan of its page found, and returns a drift when a serious or critical
   * violation on the control the step names makes the step undoable (harness/scenario/accessibility.ts,
   * UNDOABLE_RULES). Other serious or critical violations on that control are findings about the site.
   */
  async finishGuideStep(stepFailed = false): Promise<GuideDrift | undefined> {
    await this.#times.part('lookMs', () => this.#finishLook(stepFailed));
    const record = await this.#accessibility.finish(this.#current?.page);
    if (!record) return undefined;
    this.#times.add('scanMs', record.scanMs);
    await this.#attachAccessibility?.(record);
    for (const found of controlFindings(record)) {
      await this.recordFinding({
        class: 'accessibility',
        rule: found.violation.rule,
        page: pageOf(record.url),
        subject: found.name,
        guideStep: record.guideStep,
        says: blockingSentence(found),
      });
    }
    const blocking = blockingViolation(record);
    return blocking && new GuideDrift('unusable', blockingSentence(blocking));
  }

  /** A guide step's picture is taken: the step is over (steps/support/guide-step.ts). */
  endGuideStep(): void {
    this.#times.add('waitMs', this.#answerWaits() - this.#waitedAtStepStart);
    this.#times.end();
  }

  /** How long every device's acts have waited for the site's answers so far (pages/support/forms.ts). */
  #answerWaits(): number {
    let ms = 0;
    for (const device of this.#devices.values()) ms += answerWaitMs(device.page);
    return ms;
  }

  /** Where each guide step of the scenario spent its time, in the order they ran. */
  get guideStepTimes(): GuideStepTime[] {
    return this.#times.times;
  }

  /** The scenario's tags and name say whether it checks a promise beyond the guide's words (security, faults). */
  checksPromiseOf(tags: readonly string[], scenarioName: string): void {
    this.#promise = promiseOf(tags, scenarioName);
  }

  /**
   * A failed check of a scenario that checks a promise beyond the guide's words, as the finding it is: only where
   * the site did otherwise than promised (behaviour), in a check of that promise (`checksPromise`,
   * steps/support/guide-step.ts), or in a later check of the same scenario, which sees the consequences of the
   * promise already broken (a forged change saved: "no phone number was saved" fails too). A check of the guide's
   * own words before that, or a control renamed, moved or missing on the way, is the guide drifting.
   */
  findingOf(record: OutcomeRecord, checksPromise: boolean): FindingRecord | undefined {
    if (!this.#promise || record.kind !== 'behaviour') return undefined;
    if (!checksPromise && !this.#promiseBroken) return undefined;
    this.#promiseBroken = true;
    const page = this.#current?.page;
    return {
      class: this.#promise.class,
      rule: this.#promise.rule,
      page: pageOf(page && !page.isClosed() ? page.url() : undefined),
      subject: this.#promise.subject,
      guideStep: record.guideStep,
      says: record.siteShowed,
      ...(record.evidence && { evidence: record.evidence }),
    };
  }

  /**
   * Stores a finding with the scenario. Whether it fails the scenario is the site profile's to say (findings); an
   * accessibility finding never does: it was met beside the scenario's own checks, and fails the run instead, once.
   */
  async recordFinding(finding: FindingRecord): Promise<boolean> {
    await this.#attachFinding?.(finding);
    return finding.class !== 'accessibility' && this.site.findings[finding.class] === 'fail';
  }

  /** A guide step whose checks passed in this scenario (steps/support/guide-step.ts), whatever fails after it. */
  noteGuideStepHeld(stepId: string): void {
    this.#held.add(stepId);
  }

  /** The guide steps this scenario followed and found true, in the order first met: stored with its result. */
  get guideStepsHeld(): string[] {
    return [...this.#held];
  }

  /**
   * What a page object said of an alternative of the guide step's sentence that did not work while another did
   * (undefined: every alternative worked): a note beside the step, which neither drifts nor fails it.
   */
  async noteOnGuideStep(says: string | undefined): Promise<void> {
    if (says === undefined) return;
    if (this.#guideStep === undefined) throw new Error(`A note outside any guide step: ${says}`);
    await this.#attachNote?.({ guideStep: this.#guideStep, says });
  }

  async recordOutcome(record: OutcomeRecord): Promise<void> {
    await this.#attachOutcome?.(record);
  }

  /** A Then step's check failed: its Gherkin step is marked failed where the runner can, and the scenario goes on. */
  noteSoftFailure(message: string): void {
    if (this.#failStepSoftly) this.#failStepSoftly(message);
    else this.#softFailures.push(message);
  }

  /**
   * What fails a scenario whose observing checks failed but which otherwise ran to its end, where the runner could not
   * mark their steps failed as they ran (cucumber-js): every such check, first cause first. cucumber-hooks.ts throws it.
   */
  softFailure(): Error | undefined {
    const count = this.#softFailures.length;
    if (count === 0) return undefined;
    const heading = count === 1 ? 'A check of the guide failed' : `${count} checks of the guide failed`;
    return new Error(`${heading}; the scenario went on to check the rest.\n\n${this.#softFailures.join('\n\n')}`);
  }

  /** Puts a pre-made account back (a failure to do so fails the scenario: its journal stays for the next run). */
  async cleanUp(): Promise<void> {
    if (!this.#account) return;
    try {
      if (this.#changes.password || this.#changes.phone) await this.#putBack(this.#changes);
    } finally {
      await this.control.deleteAccount(this.#account.id).catch(() => undefined);
    }
  }
}
