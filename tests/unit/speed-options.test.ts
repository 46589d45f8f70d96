import { describe, expect, it } from 'vitest';
import { speedOptions, traceSetting } from '../../harness/config/speed-options.ts';

describe('speed options', () => {
  it('keep everything a report reader needs when nothing is set', () => {
    expect(speedOptions({})).toEqual({ evidence: 'each-step', traces: 'retain-on-failure' });
  });

  it('take each documented choice', () => {
    expect(speedOptions({ GUIDE_EVIDENCE: 'failures', GUIDE_TRACES: 'off' })).toEqual({
      evidence: 'failures',
      traces: 'off',
    });
  });

  it('refuse an unknown choice in one sentence that lists the choices', () => {
    expect(() => speedOptions({ GUIDE_TRACES: 'of' })).toThrow(
      'GUIDE_TRACES=of is not a choice: use retain-on-failure or off (the first is the default).',
    );
  });

  it('keep a trace of every failure with its DOM snapshots but without the screencast, unless traces are off', () => {
    expect(traceSetting('retain-on-failure')).toEqual({ mode: 'retain-on-failure', screenshots: false });
    expect(traceSetting('off')).toBe('off');
  });
});
