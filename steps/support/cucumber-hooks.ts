// Loaded by cucumber-js only (see cucumber.mjs); under Playwright, steps/fixtures.ts builds the same world.
import { After, AfterAll, BeforeAll, setDefaultTimeout, setWorldConstructor, Status } from '@cucumber/cucumber';
import { CucumberWorld, startRun, stopRun } from './cucumber-world.ts';

setWorldConstructor(CucumberWorld);
// A step may wait on the site's password hashing and on retrying assertions; a Playwright test gets 60 s in all.
setDefaultTimeout(30_000);

BeforeAll(startRun);

After(async function (this: CucumberWorld, { result }) {
  if (result?.status === Status.FAILED) await this.captureEvidence('screenshot of the failure');
  await this.tearDown();
});

AfterAll(stopRun);
