import type { NetworkFixture } from '@msw/playwright';
import type { BrowserContext, Page } from '@playwright/test';

/** What can go wrong between the browser and the site when a form is sent. */
export type NetworkFault = 'server error' | 'dropped connection' | 'slow answer';

/** The mock's own answer to a defect, so a page meets exactly what a real failure of the site sends. */
const SERVER_ERROR = { error: 'Something went wrong on our side.' };
/** Long enough for a person to click again before the first answer comes. */
const SLOW_ANSWER_MS = 1_500;

/**
 * Faults between one device's browser and the site, injected with MSW handlers on the device's own browser
 * context (@msw/playwright routes its requests): other devices and parallel scenarios meet the site as it is.
 * Only requests that send a change (not GET) are touched, whatever the site's API paths are, so the same faults
 * work against any deployment.
 */
export class NetworkFaults {
  readonly page: Page;
  #network: NetworkFixture | undefined;
  #changesSent = 0;

  constructor(page: Page) {
    this.page = page;
  }

  /** How many requests sending a change left this browser since the first fault was set up. */
  get changesSent(): number {
    return this.#changesSent;
  }

  /** The next change sent meets the fault; later ones reach the site untouched, except that slow stays slow. */
  async inject(fault: NetworkFault): Promise<void> {
    let pending = true;
    const network = await this.#enabled();
    const { delay, http, HttpResponse, passthrough } = await import('msw');
    network.use(
      http.all('*', async ({ request }) => {
        if (request.method === 'GET' || request.method === 'HEAD') return passthrough();
        this.#changesSent++;
        if (fault === 'slow answer') {
          await delay(SLOW_ANSWER_MS);
          return passthrough();
        }
        if (!pending) return passthrough();
        pending = false;
        return fault === 'server error' ? HttpResponse.json(SERVER_ERROR, { status: 500 }) : HttpResponse.error();
      }),
    );
  }

  async #enabled(): Promise<NetworkFixture> {
    if (!this.#network) {
      // Loaded by the scenarios that inject a fault, not by every process that lists or runs the features: MSW and
      // GraphQL take a sixth of a second to load, on the way to the first verdict twice (the runner, its worker).
      const { defineNetworkFixture } = await import('@msw/playwright');
      this.#network = defineNetworkFixture({ context: this.page.context() as BrowserContext });
      await this.#network.enable();
    }
    return this.#network;
  }
}
