// The floor of `npm run bench`: the suite's user actions with Playwright's library alone. One browser, the bundled
// mock started in-process (as each of the suite's workers does), a new context per scenario (and per extra device).
import { chromium } from 'playwright';
import { requireChromium } from '../../harness/config/browser.ts';
import { launchOptions } from '../../harness/config/run-settings.ts';
import { startMockServer } from '../../mock-server/index.ts';
import { TestControlClient } from '../../site/test-control-client.ts';
import { runJourney } from './journeys.ts';

export interface FloorResult {
  ok: boolean;
  launchMs: number;
  mockMs: number;
  scenarioMs: number[];
  error?: string;
}

/** One journey per argument: `<feature file>#<n>`, the nth scenario of the file, for each the floor stands for. */
export async function measureFloor(scenarios: string[]): Promise<FloorResult> {
  const ms = (since: number) => Math.round(performance.now() - since);
  let started = performance.now();
  const mock = await startMockServer({ testMode: true });
  const mockMs = ms(started);
  started = performance.now();
  const browser = await chromium.launch(launchOptions(requireChromium()));
  const launchMs = ms(started);
  const control = new TestControlClient(mock.url);

  const scenarioMs: number[] = [];
  let error: string | undefined;
  try {
    // `<feature file>#<n>`: the nth scenario of the file runs the nth journey of its plan (commands/bench/journeys.ts).
    for (const [index, scenario] of scenarios.entries()) {
      const [featureFile = scenario, nth = '0'] = scenario.split('#');
      started = performance.now();
      await runJourney(
        browser,
        mock.url,
        control,
        featureFile,
        Number(nth),
        `floor-${index}-${Date.now().toString(36)}`,
      );
      scenarioMs.push(ms(started));
    }
  } catch (failure) {
    error = `${scenarios[scenarioMs.length]}: ${(failure as Error).message.split('\n')[0]}`;
  } finally {
    await browser.close();
    await mock.close();
  }
  return { ok: !error, launchMs, mockMs, scenarioMs, ...(error ? { error } : {}) };
}
