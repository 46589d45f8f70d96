import { describe, expect, it } from 'vitest';
import { sessionDrift } from '../../harness/scenario/session-drift.ts';

const TICKED = 'after the change, although the tick was placed';

describe('what a stakeholder reads when sessions are not as the guide promises', () => {
  it('says nothing when they are', () => {
    expect(sessionDrift({ stillSignedIn: [], newSessions: 1 }, { stillSignedIn: [], newSessions: 1 }, TICKED)).toBe(
      undefined,
    );
  });

  it('names the device still signed in', () => {
    expect(sessionDrift({ stillSignedIn: [], newSessions: 1 }, { stillSignedIn: ['B'], newSessions: 1 }, TICKED)).toBe(
      'Device B was still signed in after the change, although the tick was placed.',
    );
  });

  it('names the devices signed out by a change that should have changed nothing', () => {
    expect(
      sessionDrift(
        { stillSignedIn: ['A', 'B'], newSessions: 0 },
        { stillSignedIn: [], newSessions: 0 },
        'by a refused change',
      ),
    ).toBe('Device A and device B were signed out by a refused change.');
  });

  it('says when this device got no new session', () => {
    expect(
      sessionDrift({ stillSignedIn: ['B'], newSessions: 1 }, { stillSignedIn: ['A', 'B'], newSessions: 0 }, 'after it'),
    ).toBe(
      'Device A was still signed in after it; this device was given no new session after it (its session id was not renewed).',
    );
  });
});
