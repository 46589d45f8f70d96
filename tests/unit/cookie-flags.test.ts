import { describe, expect, it } from 'vitest';
import { sessionCookie } from '../../mock-server/api/http.ts';

describe('the session cookie (ASVS 4.0.3 3.4.1–3.4.3)', () => {
  it('is HttpOnly, SameSite=Lax and Secure over https', () => {
    const cookie = sessionCookie(new Request('https://flickbox.example/api/session'), 'abc');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
  });

  it('is not Secure over loopback http, so the local mock keeps working', () => {
    expect(sessionCookie(new Request('http://127.0.0.1:4000/api/session'), 'abc')).not.toMatch(/Secure/);
  });
});
