import { parseArgs } from 'node:util';
import { SITE_RENDITIONS } from './app.ts';
import { demoAccount } from './demo-account.ts';
import { startMockServer } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '0' },
    'no-test-mode': { type: 'boolean', default: false },
    drift: { type: 'string', default: process.env.MOCK_DRIFT ?? '' },
    // The rendition: "flickbox" (scripted forms, the default), "classic" (plain forms, mock-server/classic/) or
    // "components" (the same written with web components, mock-server/classic/components.ts).
    site: { type: 'string', default: process.env.MOCK_SITE || 'flickbox' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535 (0 picks a free port); got "${values.port}".`);
  process.exit(2);
}
const site = SITE_RENDITIONS.find((name) => name === values.site);
if (!site) {
  console.error(`--site (or MOCK_SITE) must be one of ${SITE_RENDITIONS.join(', ')}; got "${values.site}".`);
  process.exit(2);
}
const testMode = !values['no-test-mode'];
const server = await startMockServer({
  port,
  testMode,
  drift: values.drift || null,
  site,
}).catch((error: unknown) => {
  // One sentence for a person at a terminal; the stack of a taken port or an unknown variant helps nobody.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
const demo = demoAccount({ testMode });
await server.accounts.createAccount(demo);

console.log(
  `Mock streaming site (Flickbox${site === 'flickbox' ? '' : `, ${site} rendition`}) listening at ${server.url}`,
);
console.log(`Demo account: ${demo.email} / ${demo.password}${testMode ? '' : ' (a new random password each start)'}`);
if (server.variant.name) console.log(`Drift variant: ${server.variant.name} (mock-server/drift/variants.ts)`);
console.log(
  values['no-test-mode']
    ? 'Test-control API: off'
    : `Test-control API: ${server.url}/__test/ (docs/test-control-api.md)`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
