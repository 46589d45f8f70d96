import { Given } from './fixtures.ts';

// Harness set-up, not a guide step: each scenario gets its own account, so scenarios never share data.
Given('I have an account with the profiles {string}', async function (profiles: string) {
  await this.createAccount(
    profiles.split(',').map((p) => ({ name: p.replace('(Kids)', '').trim(), kids: p.includes('(Kids)') })),
  );
});
