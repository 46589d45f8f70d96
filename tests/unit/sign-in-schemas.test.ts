import { describe, expect, it } from 'vitest';
import { fieldMessages } from '../../mock-server/api/http.ts';
import { signInBody } from '../../mock-server/api/schemas.ts';

const messagesFor = (input: unknown) => {
  const result = signInBody.safeParse(input);
  return result.success ? null : fieldMessages(result.error);
};

describe('sign-in schema', () => {
  it('accepts an email and a 4–60 character password, trimming the email', () => {
    expect(signInBody.parse({ email: '  ann@example.test ', password: 'abcd' })).toEqual({
      email: 'ann@example.test',
      password: 'abcd',
    });
    expect(signInBody.safeParse({ email: 'ann@example.test', password: 'x'.repeat(60) }).success).toBe(true);
  });

  it.each([
    [{ email: '', password: 'abcd' }, 'email', 'Please enter your email address.'],
    [{ email: 'ann', password: 'abcd' }, 'email', 'Please enter a valid email address.'],
    [{ email: 'ann@example.test', password: '' }, 'password', 'Please enter your password.'],
    [
      { email: 'ann@example.test', password: 'abc' },
      'password',
      'Your password must contain between 4 and 60 characters.',
    ],
    [
      { email: 'ann@example.test', password: 'x'.repeat(61) },
      'password',
      'Your password must contain between 4 and 60 characters.',
    ],
    [{ email: ['ann@example.test'], password: 'abcd' }, 'email', 'Please enter a valid email address.'],
    [{ email: 'ann@example.test' }, 'password', 'Please enter your password.'],
    [{ email: 'ann@example.test', password: 'abcd', remember: true }, 'remember', 'This field is not expected here.'],
  ])('refuses %j with a message at "%s"', (input, field, message) => {
    expect(messagesFor(input)?.[field]).toBe(message);
  });

  it('names the body itself when it is not an object', () => {
    expect(messagesFor(null)).toEqual({ body: 'Send a JSON object with the form fields.' });
    expect(messagesFor('text')).toEqual({ body: 'Send a JSON object with the form fields.' });
  });
});
