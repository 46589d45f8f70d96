import { describe, expect, it } from 'vitest';
import { displayProblem } from '../../harness/config/display.ts';

describe('an option that opens a window, on a machine without a display', () => {
  it('is one sentence on Linux with neither DISPLAY nor WAYLAND_DISPLAY', () => {
    expect(displayProblem(['features/x.feature', '--headed'], {}, 'linux')).toBe(
      '--headed needs a display: none was found (DISPLAY/WAYLAND_DISPLAY unset); run without --headed, or under xvfb-run.',
    );
    expect(displayProblem(['--ui'], { DISPLAY: '' }, 'linux')).toMatch(/^--ui needs a display/);
  });

  it('passes with a display, without such an option, or on macOS and Windows', () => {
    expect(displayProblem(['--headed'], { DISPLAY: ':99' }, 'linux')).toBeUndefined();
    expect(displayProblem(['--headed'], { WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined();
    expect(displayProblem(['--workers', '1'], {}, 'linux')).toBeUndefined();
    expect(displayProblem(['--headed'], {}, 'darwin')).toBeUndefined();
    expect(displayProblem(['--headed'], {}, 'win32')).toBeUndefined();
  });
});
