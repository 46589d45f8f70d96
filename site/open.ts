import { startMockServer } from '../mock-server/index.ts';
import type { ScenarioSlot, SiteControl } from './control.ts';
import { AccountJournal } from './account-journal.ts';
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
 * A given site is reached only over HTTP: its pages, and the test-control API or the pre-made accounts.
 */
export async function openSiteUnderTest(): Promise<SiteUnderTest> {
  const setting = siteSetting();
  if (setting.kind === 'bundled mock') {
    const mock = await startMockServer({ testMode: true, drift: setting.drift, site: setting.rendition });
    return { url: mock.url, controlFor: () => new TestControlClient(mock.url), close: () => mock.close() };
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
