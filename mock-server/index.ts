// The mock server's public entry: the only module test code may import.
import type * as Server from './server.ts';
import { prebuilt } from './prebuilt.mjs';

export type { MockServer, StartOptions } from './server.ts';
export { SITE_RENDITIONS, type SiteRendition } from './renditions.ts';

/**
 * Loads the server (express, msw, zod, libphonenumber: some 400 modules) only when one is started, so a process that
 * only talks to a running site over HTTP (site/test-control-client.ts), like `npm run guide` before its workers start,
 * does not pay; and loads it prebuilt (prebuilt.mjs), so a test worker's first scenario does not wait for a
 * TypeScript loader to go through those modules one by one.
 */
export async function startMockServer(options: Server.StartOptions): ReturnType<typeof Server.startMockServer> {
  const server = (await import(await prebuilt('mock-server/server.ts'))) as typeof Server;
  return server.startMockServer(options);
}
export { CLEAN_SITE, DRIFT_VARIANTS, type DriftKind, type DriftVariant, type SiteVariant } from './drift/variants.ts';
