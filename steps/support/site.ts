import { startMockServer, TestControlClient } from '../../mock-server/index.ts';

export interface SiteUnderTest {
  url: string;
  close(): Promise<void>;
}

/**
 * The site the guide is verified against: GUIDE_BASE_URL when given, else the bundled mock on a free port, showing
 * the drift variant named by MOCK_DRIFT if any (`npm run drift`).
 */
export async function openSiteUnderTest(): Promise<SiteUnderTest> {
  const given = process.env.GUIDE_BASE_URL;
  if (given) {
    const url = given.replace(/\/$/, '');
    await new TestControlClient(url).health();
    return { url, close: async () => undefined };
  }
  return startMockServer({ testMode: true, drift: process.env.MOCK_DRIFT || null });
}
