/** A client of the test-control contract (docs/test-control-api.md), usable against any site that offers it. */
export interface TestProfile {
  id: string;
  name: string;
  kids: boolean;
}

export interface TestAccount {
  id: string;
  email: string;
  profiles: TestProfile[];
}

export interface NewTestAccount {
  email: string;
  password: string;
  profiles: { name: string; kids?: boolean }[];
  phone?: { e164: string; textMessages: boolean };
}

export interface AccountSnapshot extends TestAccount {
  phone: { e164: string; textMessages: boolean } | null;
}

export interface ActiveSession {
  id: string;
  profileId: string | null;
  userAgent: string;
  createdAt: string;
}

/** Where the test-control contract's paths begin (docs/test-control-api.md). */
export const TEST_CONTROL_PREFIX = '/__test/';

export class TestControlClient {
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  /** Resolves when the site answers its test-control API; otherwise rejects with one sentence saying so. */
  async health(): Promise<void> {
    await this.#call('GET', '/__test/health');
  }

  createAccount(account: NewTestAccount): Promise<TestAccount> {
    return this.#call('POST', '/__test/accounts', account);
  }

  account(accountId: string): Promise<AccountSnapshot> {
    return this.#call('GET', `/__test/accounts/${accountId}`);
  }

  async activeSessions(accountId: string): Promise<ActiveSession[]> {
    const { sessions } = await this.#call<{ sessions: ActiveSession[] }>(
      'GET',
      `/__test/accounts/${accountId}/sessions`,
    );
    return sessions;
  }

  /** Switches the site to a drift variant by name, or back to the clean site with null. */
  async useDrift(name: string | null): Promise<void> {
    await this.#call('PUT', '/__test/drift', { name });
  }

  async deleteAccount(accountId: string): Promise<void> {
    await this.#call('DELETE', `/__test/accounts/${accountId}`);
  }

  async #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = new URL(path, this.baseUrl);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch (error) {
      throw notAnswering(this.baseUrl, error);
    }
    if (!response.ok) {
      throw new Error(
        `The test-control API refused ${method} ${path} with ${response.status}: ${await response.text()}`,
      );
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}

/** The sentence for a site that does not answer at all, whichever way it was called. */
export function notAnswering(url: string, error: unknown, timeoutMs?: number): Error {
  return new Error(
    `The site under test at ${url} is not answering (${describeCause(error, timeoutMs)}): start it, or point GUIDE_BASE_URL at a running site.`,
    { cause: error },
  );
}

function describeCause(error: unknown, timeoutMs?: number): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError' && timeoutMs) return `no answer within ${timeoutMs / 1000} s`;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
