import { startMockServer } from '../mock-server/index.ts';
import type { ScenarioSlot, SiteControl } from './control.ts';
import { AccountJournal } from './account-journal.ts';
import { startDelayingProxy } from './delaying-proxy.ts';
import { PremadeAccounts } from './premade-accounts.ts';
import { checkSiteAnswers, siteSetting } from './setting.ts';
import { TestControlClient } from './test-control-client.ts';

export interface SiteUnderTest {
  url: string;
  /** How one scenario gets its account and looks at the site's own state. */
  controlFor(scenario: ScenarioSlot): SiteControl;
  close(): Promise<void>;
}

/**
 * The site the guide is verified against: GUIDE_BASE_URL when given (with GUIDE_ACCOUNTS_FILE when it has no
 * test-control API), else the bundled mock on a free port, showing the drift variant named by MOCK_DRIFT if any.
 * MOCK_ANSWER_DELAY_SECONDS puts the mock behind a proxy that delays every answer but the test-control API's.
 * A given site is reached only over HTTP: its pages, and the test-control API or the pre-made accounts.
 */
export async function openSiteUnderTest(): Promise<SiteUnderTest> {
  const setting = siteSetting();
  if (setting.kind === 'bundled mock') {
    const mock = await startMockServer({ testMode: true, drift: setting.drift, site: setting.rendition });
    if (!setting.answerDelaySeconds) {
      return { url: mock.url, controlFor: () => new TestControlClient(mock.url), close: () => mock.close() };
    }
    // A slow site, as a team behind a slow staging server meets it: everything, the test-control API too, goes
    // through the proxy, which delays all but that API.
    const proxy = await startDelayingProxy({ target: mock.url, delayMs: setting.answerDelaySeconds * 1000 });
    const close = async () => {
      await proxy.close();
      await mock.close();
    };
    return { url: proxy.url, controlFor: () => new TestControlClient(proxy.url), close };
  }
  await checkSiteAnswers(setting);
  const { url } = setting;
  const close = async () => undefined;
  if (setting.kind === 'test-control API') return { url, controlFor: () => new TestControlClient(url), close };
  const { accounts, accountsFile: source } = setting;
  const journal = new AccountJournal();
  return {
    url,
    controlFor: (scenario) => new PremadeAccounts({ accounts, source, site: url, journal, ...scenario }),
    close,
  };
}
