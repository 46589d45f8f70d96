import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SiteRendition, startMockServer } from '../../mock-server/index.ts';

/** The accounts a team would make by hand for the features as they are, one worker's worth (docs/accounts-file.md). */
export function accountsForOneWorker(tag: string) {
  const two = [
    { name: 'Alex', kids: false },
    { name: 'Sam', kids: false },
  ];
  return [
    { email: `guide-1-${tag}@flickbox.test`, password: `change-me-1-${tag}`, profiles: two, phone: null },
    {
      email: `guide-2-${tag}@flickbox.test`,
      password: `change-me-2-${tag}`,
      profiles: two,
      phone: { e164: '+12135550123', textMessages: false },
    },
    {
      email: `guide-3-${tag}@flickbox.test`,
      password: `change-me-3-${tag}`,
      profiles: [...two, { name: 'Robin', kids: false }, { name: 'Jo', kids: false }, { name: 'Kids', kids: true }],
      phone: null,
    },
    {
      email: `guide-4-${tag}@flickbox.test`,
      password: `change-me-4-${tag}`,
      profiles: [...two, { name: 'Kids', kids: true }],
      phone: null,
    },
  ];
}

/**
 * The bundled mock as a team's deployment: no test-control API, and accounts made on it beforehand (here through
 * its account service, as the CLI makes its demo account), listed in an accounts file written to `dir`.
 */
export async function startPremadeSite(dir: string, { site = 'flickbox' as SiteRendition, tag = 'it' } = {}) {
  const server = await startMockServer({ port: 0, testMode: false, drift: null, site });
  const accounts = accountsForOneWorker(tag);
  const ids: string[] = [];
  for (const { phone, ...account } of accounts) {
    ids.push((await server.accounts.createAccount({ ...account, ...(phone && { phone }) })).id);
  }
  const accountsFile = join(dir, `accounts-${site}.json`);
  writeFileSync(accountsFile, JSON.stringify({ accounts }, null, 2));
  return { url: server.url, accountsFile, accounts, ids, server, close: () => server.close() };
}

// `npx tsx tests/support/premade-site.ts <dir> [rendition]`: such a site to try by hand, until Ctrl-C.
if (process.argv[1]?.endsWith('premade-site.ts')) {
  const site = await startPremadeSite(process.argv[2] ?? '.', {
    site: (process.argv[3] ?? 'flickbox') as SiteRendition,
  });
  console.log(`GUIDE_BASE_URL=${site.url} GUIDE_ACCOUNTS_FILE=${site.accountsFile}`);
}
