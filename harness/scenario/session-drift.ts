/** How the account's sessions on the site compare with those noted as each device signed in. */
export interface SessionChanges {
  /** Devices whose session from signing in still works, by name. */
  stillSignedIn: string[];
  /** Sessions the site holds that no device signed in for (e.g. an id renewed after a password change). */
  newSessions: number;
}

const names = (devices: string[]) => devices.map((name) => `device ${name}`).join(devices.length > 2 ? ', ' : ' and ');

/**
 * What differs between the sessions the guide promises and those the site holds, in one sentence a stakeholder
 * reads ("Device B was still signed in after the change, although the tick was placed"); undefined when they agree.
 * `after` says what happened ("after the change with the tick").
 */
export function sessionDrift(expected: SessionChanges, actual: SessionChanges, after: string): string | undefined {
  const stillIn = actual.stillSignedIn.filter((name) => !expected.stillSignedIn.includes(name));
  const signedOut = expected.stillSignedIn.filter((name) => !actual.stillSignedIn.includes(name));
  const said: string[] = [];
  if (stillIn.length)
    said.push(`${capitalise(names(stillIn))} ${stillIn.length > 1 ? 'were' : 'was'} still signed in ${after}`);
  if (signedOut.length)
    said.push(`${capitalise(names(signedOut))} ${signedOut.length > 1 ? 'were' : 'was'} signed out ${after}`);
  if (actual.newSessions !== expected.newSessions) {
    said.push(
      expected.newSessions === 0
        ? `the site holds ${actual.newSessions} session(s) no device signed in for ${after}`
        : actual.newSessions === 0
          ? `this device was given no new session ${after} (its session id was not renewed)`
          : `the site holds ${actual.newSessions} new sessions ${after}, not ${expected.newSessions}`,
    );
  }
  if (!said.length) return undefined;
  const sentence = said.join('; ');
  return `${capitalise(sentence)}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
