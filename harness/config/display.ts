/** Options of `playwright test` that open a browser window (or Playwright's own) on the screen. */
const NEEDS_A_DISPLAY = ['--headed', '--debug', '--ui'] as const;

/**
 * One sentence when an option asks for a window and Linux has no display to show it on (DISPLAY and WAYLAND_DISPLAY
 * unset): said before anything starts, so no browser fails half-way and the last run's reports stay. macOS and
 * Windows always have one.
 */
export function displayProblem(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const option = NEEDS_A_DISPLAY.find((wanted) => args.some((arg) => arg === wanted || arg.startsWith(`${wanted}=`)));
  if (option === undefined || platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return undefined;
  return `${option} needs a display: none was found (DISPLAY/WAYLAND_DISPLAY unset); run without ${option}, or under xvfb-run.`;
}
