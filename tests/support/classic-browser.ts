import { afterAll, beforeAll } from 'vitest';
import { startMockServer, type StartOptions } from '../../mock-server/index.ts';
import { TestControlClient } from '../../site/test-control-client.ts';

export const CLASSIC_COOKIE = 'fbx_session';

export interface Answer {
  status: number;
  location: string | null;
  html: string;
  setCookies: string[];
}

/**
 * One browser of the classic rendition, over plain HTTP: a cookie jar, no redirects followed, forms sent as a
 * browser sends them (urlencoded, with the page's hidden token unless a test says otherwise).
 */
export class ClassicBrowser {
  readonly #cookies = new Map<string, string>();
  readonly base: string;
  readonly userAgent: string;

  constructor(base: string, userAgent = 'classic unit browser') {
    this.base = base;
    this.userAgent = userAgent;
  }

  cookie(name = CLASSIC_COOKIE): string | undefined {
    return this.#cookies.get(name);
  }

  get(path: string): Promise<Answer> {
    return this.#send('GET', path);
  }

  post(path: string, body: string | URLSearchParams, headers: Record<string, string> = {}): Promise<Answer> {
    return this.#send('POST', path, body, { 'content-type': 'application/x-www-form-urlencoded', ...headers });
  }

  /** Opens the page, then sends its form with the fields given and the page's own token. */
  async submit(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
    const page = await this.get(path);
    if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status} (${page.location})`);
    return this.post(path, new URLSearchParams({ ...fields, authenticity_token: tokenOf(page.html) }), headers);
  }

  async signIn(email: string, password: string): Promise<Answer> {
    return this.submit('/signin', { email, password });
  }

  async chooseProfile(profileId: string): Promise<Answer> {
    return this.submit('/profiles/select', { profile: profileId });
  }

  async #send(method: string, path: string, body?: string | URLSearchParams, headers: Record<string, string> = {}) {
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(new URL(path, this.base), {
      method,
      body: body ?? null,
      redirect: 'manual',
      headers: { 'user-agent': this.userAgent, ...(cookie ? { cookie } : {}), ...headers },
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/expires=thu, 01 jan 1970/i.test(line) || /max-age=0\b/i.test(line) || !value) this.#cookies.delete(name);
      else this.#cookies.set(name, decodeURIComponent(value));
    }
    return {
      status: response.status,
      location: response.headers.get('location'),
      html: await response.text(),
      setCookies,
    };
  }
}

export function tokenOf(html: string): string {
  const token = /name="authenticity_token" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('The page has no form token.');
  return token;
}

/** The text of the element whose id the field's aria-describedby names. */
export function describedBy(html: string, fieldName: string): string | undefined {
  const input = new RegExp(`<(?:input|select)[^>]*name="${fieldName}"[^>]*>`).exec(html)?.[0];
  const id = input && /aria-describedby="([^"]+)"/.exec(input)?.[1];
  if (!id) return undefined;
  return new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1]?.trim();
}

/** The text of the whole-form refusal above the form. */
export const alertOf = (html: string) => /role="alert"><p>([^<]*)<\/p>/.exec(html)?.[1];

export const decode = (text: string | undefined) =>
  text
    ?.replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<');

export async function startClassic(options: Partial<StartOptions> = {}) {
  const site = await startMockServer({ port: 0, testMode: true, site: 'classic', ...options });
  return { site, control: new TestControlClient(site.url) };
}

export const CLASSIC_PASSWORD = 'classic-pass-1';

/** The classic rendition for one test file: started before its first test, closed after its last (vitest hooks). */
export function classicSiteForThisFile(): { readonly site: ClassicSite; readonly control: TestControlClient } {
  let started: Awaited<ReturnType<typeof startClassic>> | undefined;
  beforeAll(async () => {
    started = await startClassic();
  });
  afterAll(() => started?.site.close());
  const get = () => {
    if (!started) throw new Error('The classic site starts in beforeAll: use it inside a test.');
    return started;
  };
  return {
    get site() {
      return get().site;
    },
    get control() {
      return get().control;
    },
  };
}

type ClassicSite = Awaited<ReturnType<typeof startClassic>>['site'];

let counter = 0;
export const classicEmail = (label: string) => `classic-${label}-${process.pid}-${++counter}@unit.test`;
