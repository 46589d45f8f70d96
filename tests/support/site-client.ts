import { startMockServer, type MockServer } from '../../mock-server/index.ts';

export type StartedSite = MockServer & Awaited<ReturnType<typeof startMockServer>>;

export function startSite(): Promise<StartedSite> {
  return startMockServer({ testMode: true });
}

let counter = 0;
/** A unique email per call, so tests in one file never share an account. */
export const uniqueEmail = (label: string) => `${label}-${process.pid}-${++counter}@unit.test`;
