/**
 * A browser-like HTTP client of the site, for tests and scripts that sign in without a browser: keeps its own cookies
 * and the anti-CSRF token of the last page, which the bundled mock's pages carry in a `csrf-token` meta element and
 * its page script sends back as `X-CSRF-Token`. Steps never use it: they sign in through the pages, as a person does.
 */
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

  get sessionId(): string | undefined {
    return this.cookie('sid');
  }

  /** Every cookie it holds, as a `Cookie` header (for a load generator sending requests as this client). */
  get cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size) headers.set('cookie', this.cookieHeader);
    const response = await fetch(new URL(path, this.#baseUrl), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return response;
  }

  request(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
    return this.fetch(path, { method, headers: init.headers, body: init.body ?? null });
  }

  /**
   * Loads a page as a browser would (following redirects), keeping the CSRF token it carries. Any final status but
   * the one expected throws: a test that loads a page which is not there must fail, not go on without a token.
   */
  async page(path: string, { status = 200 }: { status?: number } = {}): Promise<Response> {
    let response = await this.fetch(path);
    for (let hops = 0; hops < 3 && response.status >= 300 && response.status < 400; hops++) {
      response = await this.fetch(response.headers.get('location') ?? '/');
    }
    if (response.status !== status) {
      throw new Error(`GET ${path} answered ${response.status} (${response.url || 'after redirects'}), not ${status}.`);
    }
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

  /** Loads `page` for a fresh token first, then calls the API, like a person submitting that page's form. */
  async send(method: string, path: string, body: unknown, { csrf = true, page = '/login' } = {}) {
    if (csrf) await this.page(page);
    return this.api(method, path, body, { csrf });
  }

  signIn(email: string, password: string): Promise<Response> {
    return this.send('POST', '/api/session', { email, password });
  }

  signOut(): Promise<Response> {
    return this.send('DELETE', '/api/session', undefined, { page: '/' });
  }

  /** Signs in, chooses a profile and opens the account page, failing loudly if any of it is refused. */
  async signInAs(email: string, password: string, profile: string, profiles: { id: string; name: string }[]) {
    const signedIn = await this.signIn(email, password);
    if (!signedIn.ok) throw new Error(`Sign-in refused: ${signedIn.status} ${await signedIn.text()}`);
    await this.page('/profiles');
    const profileId = profiles.find((p) => p.name === profile)?.id;
    const chosen = await this.api('PUT', '/api/session/profile', { profileId });
    if (!chosen.ok) throw new Error(`Profile refused: ${chosen.status} ${await chosen.text()}`);
    await this.page('/account');
  }
}
