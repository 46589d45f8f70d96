import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInThrottle } from '../../mock-server/domain/sign-in-throttle.ts';
import { TestControlClient } from '../../site/test-control-client.ts';
import { startSite, uniqueEmail, type StartedSite } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';

/** Issue 18, finding 1: every guess in flight must count before its password is checked. */
describe('the sign-in lock under a burst of parallel guesses', () => {
  let site: StartedSite;
  const password = 'right-password-1';

  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(() => site.close());

  it('checks at most 5 of 50 parallel wrong passwords, and then refuses the right one', async () => {
    const email = uniqueEmail('burst');
    const { id } = await new TestControlClient(site.url).createAccount({ email, password, profiles: [{ name: 'A' }] });
    const guessers = Array.from({ length: 50 }, () => new SiteClient(site.url));
    // Each guesser loads the sign-in page first, so the burst itself is only the guesses.
    await Promise.all(guessers.map((guesser) => guesser.page('/login')));
    const statuses = await Promise.all(
      guessers.map((guesser, i) =>
        guesser.api('POST', '/api/session', { email, password: `wrong-guess-${i}` }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(45);
    expect((await new SiteClient(site.url).signIn(email, password)).status).toBe(429);
    expect(site.accounts.sessionsOf(id)).toHaveLength(0);
  });

  it('never signs in with the right password sent in the middle of a burst', async () => {
    const email = uniqueEmail('burst-right');
    const { id } = await new TestControlClient(site.url).createAccount({ email, password, profiles: [{ name: 'A' }] });
    const guessers = Array.from({ length: 50 }, () => new SiteClient(site.url));
    await Promise.all(guessers.map((guesser) => guesser.page('/login')));
    const statuses = await Promise.all(
      guessers.map((guesser, i) =>
        guesser
          .api('POST', '/api/session', { email, password: i === 25 ? password : `wrong-guess-${i}` })
          .then((r) => r.status),
      ),
    );
    expect(statuses[25]).toBe(429);
    expect(site.accounts.sessionsOf(id)).toHaveLength(0);
    expect((await new SiteClient(site.url).signIn(email, password)).status).toBe(429);
  });

  it('counts an attempt atomically, before the password is checked', async () => {
    const throttle = new SignInThrottle({ maxFailures: 3, windowSeconds: 60, lockSeconds: 60 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => throttle.attempt('a@b.test')));
    expect(answers.filter((seconds) => seconds === 0)).toHaveLength(3);
  });
});
