import { randomBytes } from 'node:crypto';
import type { NewAccount } from './domain/account-service.ts';

export const DEMO_EMAIL = 'demo@flickbox.test';

/** Printed by the CLI and known to anyone who read it: only for a mock in test mode, which is never a deployment. */
export const PUBLISHED_DEMO_PASSWORD = 'demo-password-1';

/**
 * The demo account `npm run mock-server` creates. In test mode its password is the published one; without test
 * mode (`--no-test-mode`, a mock others may reach) it gets a random password, shown once on the terminal that
 * started it, so nobody signs in with a password from the docs.
 */
export function demoAccount({ testMode }: { testMode: boolean }): NewAccount {
  return {
    email: DEMO_EMAIL,
    password: testMode ? PUBLISHED_DEMO_PASSWORD : randomBytes(18).toString('base64url'),
    profiles: [
      { name: 'Alex', kids: false },
      { name: 'Sam', kids: false },
      { name: 'Kids', kids: true },
    ],
  };
}
