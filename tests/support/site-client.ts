import { startMockServer, type MockServer } from '../../mock-server/index.ts';

/** A browser-like client of the mock for API tests: keeps its own cookies and the page's CSRF token. */
export class SiteClient {
  readonly #baseUrl: string;
  readonly #cookies = new Map<string, string>();
  csrfToken = '';

  constructor(baseUrl: string) {
    this.#baseUrl = baseUrl;
  }

  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size) {
      headers.set('cookie', [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(new URL(path, this.#baseUrl), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return response;
  }

  /** Loads a page as a browser would, keeping the CSRF token it carries. */
  async page(path: string): Promise<Response> {
    const response = await this.fetch(path);
    const token = /<meta name="csrf-token" content="([^"]+)"/.exec(await response.clone().text())?.[1];
    if (token) this.csrfToken = token;
    return response;
  }

  /** A JSON call the way site.js sends it: with the CSRF token unless told otherwise. */
  api(method: string, path: string, body?: unknown, { csrf = true }: { csrf?: boolean } = {}): Promise<Response> {
    return this.fetch(path, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(csrf ? { 'X-CSRF-Token': this.csrfToken } : {}),
      },
      body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async signIn(email: string, password: string, profile: string, profiles: { id: string; name: string }[]) {
    await this.page('/login');
    const signedIn = await this.api('POST', '/api/session', { email, password });
    if (!signedIn.ok) throw new Error(`Sign-in refused: ${signedIn.status} ${await signedIn.text()}`);
    await this.page('/profiles');
    const profileId = profiles.find((p) => p.name === profile)?.id;
    const chosen = await this.api('PUT', '/api/session/profile', { profileId });
    if (!chosen.ok) throw new Error(`Profile refused: ${chosen.status} ${await chosen.text()}`);
    await this.page('/account');
  }
}

export type StartedSite = MockServer & Awaited<ReturnType<typeof startMockServer>>;

export function startSite(): Promise<StartedSite> {
  return startMockServer({ testMode: true });
}
