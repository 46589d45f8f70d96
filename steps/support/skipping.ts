// Skipping a scenario from wherever it finds out it cannot run here, with a reason every report shows.
// Playwright skips through its own testInfo.skip() (which throws its skip error and records the reason as an
// annotation); cucumber-js knows only a step that returns 'skipped', so cucumber-hooks.ts turns the error thrown here
// into that. Either way the error carries the reason, so verifies() passes it on instead of calling it drift.

import type { Skip } from '../../site/control.ts';

const SKIP_REASON = Symbol('the reason a scenario was skipped');

/** A skip for one scenario: the runner's own when it has one, else an error cucumber-hooks.ts understands. */
export function skipper(runnerSkip?: (reason: string) => void): Skip {
  return (reason) => {
    try {
      runnerSkip?.(reason);
    } catch (error) {
      throw tagged(error, reason);
    }
    throw tagged(new Error(`Skipped: ${reason}`), reason);
  };
}

/** The reason, when the error is a scenario being skipped. */
export function skipReasonOf(error: unknown): string | undefined {
  return error instanceof Error ? (error as Error & { [SKIP_REASON]?: string })[SKIP_REASON] : undefined;
}

function tagged(error: unknown, reason: string): unknown {
  return error instanceof Error ? Object.assign(error, { [SKIP_REASON]: reason }) : error;
}
