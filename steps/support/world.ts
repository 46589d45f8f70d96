import type { Page } from '@playwright/test';
import { type NewTestAccount, TestControlClient, type TestAccount } from '../../mock-server/index.ts';
import { AccountPage } from '../../pages/account-page.ts';
import { AddPhonePage } from '../../pages/add-phone-page.ts';
import { HomePage } from '../../pages/home-page.ts';
import { ProfileGatePage } from '../../pages/profile-gate-page.ts';
import { SignInPage } from '../../pages/sign-in-page.ts';
import { SiteHeader } from '../../pages/site-header.ts';

/** One browser of the person following the guide: its own cookies, so its own session on the site. */
export class Device {
  readonly name: string;
  readonly page: Page;
  readonly home: HomePage;
  readonly signIn: SignInPage;
  readonly profiles: ProfileGatePage;
  readonly header: SiteHeader;
  readonly account: AccountPage;
  readonly addPhone: AddPhonePage;

  constructor(name: string, page: Page) {
    this.name = name;
    this.page = page;
    this.home = new HomePage(page);
    this.signIn = new SignInPage(page);
    this.profiles = new ProfileGatePage(page);
    this.header = new SiteHeader(page);
    this.account = new AccountPage(page);
    this.addPhone = new AddPhonePage(page);
  }
}

export interface WorldOptions {
  /** Opens a page in a new, independent browser context (a new device). */
  openDevicePage: () => Promise<Page>;
  control: TestControlClient;
  /** Unique per scenario run; account emails are made from it so parallel scenarios never share data. */
  scenarioKey: string;
}

export interface ScenarioAccount extends TestAccount {
  password: string;
}

/** Everything one scenario works with. Built by Playwright fixtures (steps/fixtures.ts). */
export class ScenarioWorld {
  readonly control: TestControlClient;
  readonly scenarioKey: string;
  /** Things a scenario notes in one step to compare in a later one. */
  readonly notes = new Map<string, string>();
  readonly #openDevicePage: () => Promise<Page>;
  readonly #devices = new Map<string, Device>();
  #current: Device | undefined;
  #account: ScenarioAccount | undefined;

  constructor({ openDevicePage, control, scenarioKey }: WorldOptions) {
    this.#openDevicePage = openDevicePage;
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
      device = new Device(name, await this.#openDevicePage());
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
    const account = await this.control.createAccount({ email, password, profiles, ...extras });
    this.#account = { ...account, password };
    return this.#account;
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

  async cleanUp(): Promise<void> {
    if (this.#account) await this.control.deleteAccount(this.#account.id).catch(() => undefined);
  }
}
