import { describe, expect, it } from 'vitest';
import { mostAlike } from '../../pages/account-page.ts';
import { withoutSecrets } from '../../pages/forged-request.ts';
import { closestLabel, guideLabel, meaningWords } from '../../pages/support/drift.ts';
import { withFieldValue } from '../../pages/support/forms.ts';

// How page objects read a site as a person reading the guide would: the guide's words, not our mock's markup.
describe('the guide’s labels', () => {
  it('match whole, in any case, and a label the guide shortens with an ellipsis as a beginning', () => {
    expect(guideLabel('Change Password').test('Change password')).toBe(true);
    expect(guideLabel('Change Password').test('Change password now')).toBe(false);
    expect(guideLabel('Require all devices…').test('Require all devices to sign in again with new password')).toBe(
      true,
    );
  });

  it('match a paraphrase by its meaning words, in any order', () => {
    const textMessages = meaningWords('text', 'message');
    expect(textMessages.test('Receive text messages')).toBe(true);
    expect(textMessages.test('I want to receive text messages from Flickbox')).toBe(true);
    expect(textMessages.test('Send me messages by text')).toBe(true);
    expect(textMessages.test('Email me offers')).toBe(false);
  });
});

describe('renamed or missing', () => {
  it('takes a label that shares a word, or is spelled nearly alike, as renamed', () => {
    expect(closestLabel('Your Account', ['Sam', 'Account', 'Help Center'])).toBe('Account');
    expect(closestLabel('Sign In', ['Sing In'])).toBe('Sing In');
  });

  it('takes the one control the guide does not name in that place as renamed, whatever its words', () => {
    expect(closestLabel('Save', ['Submit', 'Cancel'], ['Save', 'Cancel'])).toBe('Submit');
    expect(closestLabel('Sign in', ['Log in'])).toBe('Log in');
  });

  it('calls it missing when nothing offered can be told apart', () => {
    expect(closestLabel('Save', ['Back', 'Cancel', 'Help'], ['Save', 'Cancel'])).toBeUndefined();
    expect(closestLabel('Save', [])).toBeUndefined();
  });
});

describe('a form sent again, as an attacker would', () => {
  it('changes or drops a field by its value, in a plain form or JSON', () => {
    expect(
      withFieldValue('email=a%40b.test&password=guess-0', 'application/x-www-form-urlencoded', 'guess-0', 'right'),
    ).toBe('email=a%40b.test&password=right');
    expect(withFieldValue('{"email":"a@b.test","password":"guess-0"}', 'application/json', 'guess-0', 'right')).toBe(
      '{"email":"a@b.test","password":"right"}',
    );
  });

  it('leaves out the token, wherever the form carries it', () => {
    const token = 'f3c9a1b2d4e5f60718293a4b5c6d7e8f';
    expect(withoutSecrets(`authenticity_token=${token}&number=213`, 'application/x-www-form-urlencoded', [token])).toBe(
      'number=213',
    );
    expect(withoutSecrets(`{"csrf":"${token}","number":"213"}`, 'application/json', [token])).toBe('{"number":"213"}');
    expect(withoutSecrets(null, 'application/json', [token])).toBeUndefined();
  });
});

describe('what a section shows instead', () => {
  it('is the line most like the text wanted', () => {
    expect(mostAlike('Text messages: On', ['Email a@b.test', 'Text messages: Off', 'Phone +1 21• ••• ••23'])).toBe(
      'Text messages: Off',
    );
    expect(mostAlike('Text messages: On', ['Premium'])).toBeUndefined();
  });
});
