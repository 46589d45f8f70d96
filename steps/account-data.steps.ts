import { Given } from './support/bdd.ts';

/** "Alex, Kids (Kids)": profile names, a Kids profile marked as such. */
const profileList = (profiles: string) =>
  profiles.split(',').map((p) => ({ name: p.replace('(Kids)', '').trim(), kids: p.includes('(Kids)') }));

// Harness set-up, not a guide step: each scenario gets its own account, so scenarios never share data.
Given('I have an account with the profiles {string}', async function (profiles: string) {
  await this.createAccount(profileList(profiles));
});

Given(
  'I have an account with the profiles {string} and the phone number {string} with text messages {string}',
  async function (profiles: string, e164: string, choice: string) {
    await this.createAccount(profileList(profiles), undefined, { phone: { e164, textMessages: choice === 'On' } });
  },
);
