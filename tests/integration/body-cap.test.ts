import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestControlClient } from '../../site/test-control-client.ts';
import { startSite, uniqueEmail, type StartedSite } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';

const OVERSIZED = JSON.stringify({ padding: 'x'.repeat(17 * 1024) });

describe('the 16 KiB request body cap', { timeout: 30_000 }, () => {
  let site: StartedSite;
  let client: SiteClient;

  beforeAll(async () => {
    site = await startSite();
    const email = uniqueEmail('cap');
    const { profiles } = await new TestControlClient(site.url).createAccount({
      email,
      password: 'right-password-1',
      profiles: [{ name: 'Ann' }],
    });
    client = new SiteClient(site.url);
    await client.signInAs(email, 'right-password-1', 'Ann', profiles);
  }, 60_000);
  afterAll(() => site.close());

  it.each([
    ['POST', '/api/session'],
    ['DELETE', '/api/session'],
    ['PUT', '/api/session/profile'],
    ['PUT', '/api/account/password'],
    ['PUT', '/api/account/phone'],
    ['POST', '/api/no-such-endpoint'],
    ['POST', '/__test/accounts'],
  ])('answers %s %s with 413 and a sentence', async (method, path) => {
    const response = await client.api(method, path, OVERSIZED);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toMatch(/larger than 16384 bytes/);
  });

  it('answers 413 to an oversized body sent in chunks, without a length', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const response = await client.fetch('/api/account/phone', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrfToken },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});
