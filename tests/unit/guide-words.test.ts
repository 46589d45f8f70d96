import { describe, expect, it } from 'vitest';
import { mostAlike } from '../../pages/account-page.ts';
import { withoutSecrets } from '../../pages/forged-request.ts';
import {
  closestLabel,
  guideLabel,
  meaningfulStems,
  meaningWords,
  type OfferedControl,
} from '../../pages/support/drift.ts';
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
  // What the place offers: links go somewhere the harness cannot know; a submit button sends the page's form.
  const link = (name: string): OfferedControl => ({ name, sendsForm: false });
  const sends = (name: string): OfferedControl => ({ name, sendsForm: true });

  it('takes a label that shares a meaningful word, stemmed, or is spelled nearly alike, as renamed', () => {
    expect(closestLabel('Your Account', [link('Sam'), link('Account'), link('Help Center')])).toBe('Account');
    expect(closestLabel('Sign In', [sends('Sing In')])).toBe('Sing In');
    expect(closestLabel('Sign out of all devices', [link('Learn more'), link('Sign out of every device')])).toBe(
      'Sign out of every device',
    );
    // The catalogue's sign-out-all-renamed: "devices" is a word of the guide's.
    expect(closestLabel('Sign out of all devices', [link('Learn more'), link('Manage access and devices')])).toBe(
      'Manage access and devices',
    );
  });

  it('does not take a word the guide shares with every label ("of", "all", "your") for a meaningful one', () => {
    expect(meaningfulStems('Sign out of all devices')).toEqual(['sign', 'out', 'devic']);
    expect(meaningfulStems('Sign out of every device')).toEqual(['sign', 'out', 'devic']);
    expect(closestLabel('Sign out of all devices', [link('All about your plan')])).toBeUndefined();
  });

  it('calls an unrelated control missing, even the only one the guide does not name there', () => {
    expect(closestLabel('Sign out of all devices', [link('Learn more')])).toBeUndefined();
    expect(
      closestLabel('Sign out of all devices', [link('Learn more')], { alsoNamedHere: ['Change Password'] }),
    ).toBeUndefined();
  });

  it('takes the one control sending the same form as the guide’s, whatever its words, as renamed', () => {
    const form = { alsoNamedHere: ['Save', 'Cancel'], sendsTheForm: true };
    expect(closestLabel('Save', [sends('Submit'), link('Cancel')], form)).toBe('Submit');
    expect(closestLabel('Sign in', [sends('Log in')], { sendsTheForm: true })).toBe('Log in');
    // Where it leads is what counts: a link of the only unnamed kind is not the form's button.
    expect(closestLabel('Save', [link('Learn more'), link('Cancel')], form)).toBeUndefined();
    // A control that sends the form stands in only for a guide's control that does.
    expect(closestLabel('Sign out of all devices', [sends('Continue')])).toBeUndefined();
  });

  it('calls it missing when nothing offered can be told apart', () => {
    const form = { alsoNamedHere: ['Save', 'Cancel'], sendsTheForm: true };
    expect(closestLabel('Save', [sends('Back'), link('Cancel'), sends('Help')], form)).toBeUndefined();
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
