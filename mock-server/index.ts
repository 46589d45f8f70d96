// The mock server's public entry: the only module test code may import.
import type * as Server from './server.ts';

export type { MockServer, StartOptions } from './server.ts';
export { SITE_RENDITIONS, type SiteRendition } from './renditions.ts';

/**
 * Loads the server (express, msw, zod, libphonenumber: about 0.7 s) only when one is started, so a process that only
 * talks to a running site over HTTP (site/test-control-client.ts), like `npm run guide` before its workers start, does not pay.
 */
export async function startMockServer(options: Server.StartOptions): ReturnType<typeof Server.startMockServer> {
  const server = await import('./server.ts');
  return server.startMockServer(options);
}
export { CLEAN_SITE, DRIFT_VARIANTS, type DriftKind, type DriftVariant, type SiteVariant } from './drift/variants.ts';
