import { describe, expect, it } from 'vitest';
import { evidenceSettings, speedOptions } from '../../harness/config/speed-options.ts';

describe('speed options', () => {
  it('keep everything a report reader needs when nothing is set', () => {
    expect(speedOptions({})).toEqual({ evidence: 'each-step', traces: 'evidence-run' });
  });

  it('take each documented choice', () => {
    expect(speedOptions({ GUIDE_EVIDENCE: 'failures', GUIDE_TRACES: 'off' })).toEqual({
      evidence: 'failures',
      traces: 'off',
    });
  });

  it('refuse an unknown choice in one sentence that lists the choices', () => {
    expect(() => speedOptions({ GUIDE_TRACES: 'of' })).toThrow(
      'GUIDE_TRACES=of is not a choice: use evidence-run or off (the first is the default).',
    );
  });

  it('trace only the evidence run of a failed scenario, with its DOM snapshots but without the screencast', () => {
    expect(evidenceSettings('evidence-run')).toEqual({
      retries: 1,
      trace: { mode: 'on-first-retry', screenshots: false },
      video: 'on-first-retry',
    });
  });

  it('run no scenario twice and record nothing when traces are off', () => {
    expect(evidenceSettings('off')).toEqual({ retries: 0, trace: 'off', video: 'off' });
  });
});
