/**
 * A person's browser without the browser: keeps its cookies, reads the page's CSRF token and sends the site's
 * forms as JSON, the way site.js does.
 */
export class SiteClient {
  readonly baseUrl: string;
  readonly #cookies = new Map<string, string>();
  #csrfToken = '';

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  /** Loads a page, keeping its cookies and CSRF token (the token is bound to the session, so reload after sign-in). */
  async page(path: string): Promise<Response> {
    const response = await this.#fetch(path, { method: 'GET', redirect: 'manual' });
    const body = await response.clone().text();
    this.#csrfToken = /<meta name="csrf-token" content="([^"]*)"/.exec(body)?.[1] ?? this.#csrfToken;
    return response;
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page('/login');
    const response = await this.send('POST', '/api/session', { email, password });
    if (!response.ok) throw new Error(`Signing in failed with ${response.status}: ${await response.text()}`);
    await this.page('/profiles');
  }

  /** Sends a JSON body (a string is sent as it is, so broken JSON can be tried too). */
  send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.#fetch(path, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': this.#csrfToken, ...headers },
      body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async #fetch(path: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(new URL(path, this.baseUrl), {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { Cookie: cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || !value) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return response;
  }
}
