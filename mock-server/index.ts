// The mock server's public entry: the only module test code may import.
export { startMockServer, type MockServer, type StartOptions } from './server.ts';
export { TestControlClient } from './test-control-client.ts';
export type {
  AccountSnapshot,
  ActiveSession,
  NewTestAccount,
  TestAccount,
  TestProfile,
} from './test-control-client.ts';
export { CLEAN_SITE, DRIFT_VARIANTS, type DriftVariant, type SiteVariant } from './drift/variants.ts';
