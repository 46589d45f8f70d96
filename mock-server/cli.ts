import { parseArgs } from 'node:util';
import { startMockServer } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '0' },
    'no-test-mode': { type: 'boolean', default: false },
  },
});

const DEMO = { email: 'demo@flickbox.test', password: 'demo-password-1' };

const server = await startMockServer({ port: Number(values.port), testMode: !values['no-test-mode'] });
await server.accounts.createAccount({
  ...DEMO,
  profiles: [
    { name: 'Alex', kids: false },
    { name: 'Sam', kids: false },
    { name: 'Kids', kids: true },
  ],
});

console.log(`Mock streaming site (Flickbox) listening at ${server.url}`);
console.log(`Demo account: ${DEMO.email} / ${DEMO.password}`);
console.log(
  values['no-test-mode']
    ? 'Test-control API: off'
    : `Test-control API: ${server.url}/__test/ (docs/test-control-api.md)`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
