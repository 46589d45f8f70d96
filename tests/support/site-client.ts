import { startMockServer, type MockServer } from '../../mock-server/index.ts';

/** A browser-like client of the mock for API tests: keeps cookies and sends the CSRF token the pages hand out. */
export class SiteClient {
  readonly baseUrl: string;
  readonly #cookies = new Map<string, string>();

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  get sessionId(): string | undefined {
    return this.#cookies.get('sid');
  }

  async request(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      redirect: 'manual',
      headers: { cookie: [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...init.headers },
      body: init.body ?? null,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim())) || value === '')
        this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return response;
  }

  /** Loads a page, as a browser would before submitting one of its forms, and returns the page's CSRF token. */
  async csrfToken(page = '/login'): Promise<string> {
    let response = await this.request('GET', page);
    for (let hops = 0; hops < 3 && response.status >= 300 && response.status < 400; hops++) {
      response = await this.request('GET', response.headers.get('location') ?? '/');
    }
    return /<meta name="csrf-token" content="([^"]+)"/.exec(await response.text())?.[1] ?? '';
  }

  /** Sends JSON to the API with a fresh CSRF token, like the site's own script. */
  async send(method: string, path: string, body: unknown, { csrf = true, page = '/login' } = {}) {
    const token = csrf ? await this.csrfToken(page) : '';
    return this.request(method, path, {
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': token } : {}) },
    });
  }

  async signIn(email: string, password: string) {
    return this.send('POST', '/api/session', { email, password });
  }

  async signOut() {
    return this.send('DELETE', '/api/session', {}, { page: '/' });
  }
}

export async function startTestSite(): Promise<MockServer> {
  return startMockServer({ testMode: true });
}

let counter = 0;
/** A unique email per call, so tests in one file never share an account. */
export const uniqueEmail = (label: string) => `${label}-${process.pid}-${++counter}@unit.test`;
