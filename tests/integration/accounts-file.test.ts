import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAccountsFile } from '../../site/accounts-file.ts';
import { checkSiteAnswers, type SiteSetting, siteSetting } from '../../site/setting.ts';

const dir = mkdtempSync(join(tmpdir(), 'accounts-file-'));
const fileWith = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const account = (email: string) => ({ email, password: 'pass-1', profiles: [{ name: 'Alex' }] });

describe('GUIDE_ACCOUNTS_FILE', () => {
  it('reads the example in docs, a Kids profile marked and the others not', () => {
    const accounts = readAccountsFile('docs/examples/accounts.example.json');
    expect(accounts).toHaveLength(6);
    expect(accounts[2]?.profiles.at(-1)).toEqual({ name: 'Kids', kids: true });
    expect(accounts[0]?.profiles[0]).toEqual({ name: 'Alex', kids: false });
    expect(accounts[0]?.phone).toBeNull();
    expect(accounts[4]?.phone).toEqual({ e164: '+12135550123', textMessages: false });
  });

  it('takes an account without a phone field as one that starts with no phone number', () => {
    const [only] = readAccountsFile(fileWith('no-phone.json', JSON.stringify({ accounts: [account('a@b.test')] })));
    expect(only?.phone).toBeNull();
  });

  it.each([
    ['missing', join(dir, 'nowhere.json'), /^GUIDE_ACCOUNTS_FILE \S+nowhere\.json cannot be read \(ENOENT\)\.$/],
    ['not JSON', fileWith('broken.json', '{ "accounts": ['), /^GUIDE_ACCOUNTS_FILE \S+ is not JSON: .+\.$/],
    [
      'an invalid email',
      fileWith('email.json', JSON.stringify({ accounts: [account('a@b.test'), account('not-an-email')] })),
      /\(accounts\[1\]\.email: Invalid email address\)\.$/,
    ],
    [
      'an account without profiles',
      fileWith('profiles.json', JSON.stringify({ accounts: [{ ...account('a@b.test'), profiles: [] }] })),
      /\(accounts\[0\]\.profiles: /,
    ],
    [
      'an unknown field',
      fileWith('field.json', JSON.stringify({ accounts: [{ ...account('a@b.test'), nickname: 'A' }] })),
      /\(accounts\[0\]: Unrecognized key: "nickname"\)\.$/,
    ],
    [
      'a phone number not in international form',
      fileWith(
        'phone.json',
        JSON.stringify({ accounts: [{ ...account('a@b.test'), phone: { e164: '213 555 0123', textMessages: true } }] }),
      ),
      /\(accounts\[0\]\.phone\.e164: a phone number in international form, e\.g\. \+12135550123\)\.$/,
    ],
    [
      'the same email twice',
      fileWith('twice.json', JSON.stringify({ accounts: [account('a@b.test'), account('A@b.test')] })),
      /\(accounts: the same email is listed twice, and two scenarios would then share one account\)\.$/,
    ],
  ])('refuses a file that is %s in one sentence naming it', (_, path, message) => {
    expect(() => readAccountsFile(path)).toThrow(message);
  });
});

describe('the site under test, from the environment', () => {
  const accountsFile = 'docs/examples/accounts.example.json';

  it('is the bundled mock without GUIDE_BASE_URL, a test-control API with it, pre-made accounts with both', () => {
    expect(siteSetting({ MOCK_DRIFT: 'renamed' })).toEqual({
      kind: 'bundled mock',
      drift: 'renamed',
      rendition: 'flickbox',
      answerDelaySeconds: 0,
    });
    expect(siteSetting({ GUIDE_BASE_URL: 'http://site.test/' })).toEqual({
      kind: 'test-control API',
      url: 'http://site.test',
    });
    expect(siteSetting({ GUIDE_BASE_URL: 'http://site.test', GUIDE_ACCOUNTS_FILE: accountsFile })).toMatchObject({
      kind: 'pre-made accounts',
      url: 'http://site.test',
      accounts: { length: 6 },
    });
  });

  it('refuses pre-made accounts without a site to find them on', () => {
    expect(() => siteSetting({ GUIDE_ACCOUNTS_FILE: accountsFile })).toThrow(
      /^GUIDE_ACCOUNTS_FILE needs GUIDE_BASE_URL: /,
    );
  });

  describe('answering, with pre-made accounts: a plain GET of the home page, as the site has no /__test', () => {
    let server: Server;
    let url: string;
    let status = 200;
    beforeAll(async () => {
      server = createServer((request, response) => {
        response.statusCode = request.url === '/' ? status : 404;
        response.end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const premade = (at = url): SiteSetting => ({ kind: 'pre-made accounts', url: at, accountsFile, accounts: [] });

    it('is enough that the home page answers', async () => {
      status = 200;
      await expect(checkSiteAnswers(premade())).resolves.toBeUndefined();
    });

    it('says so in one sentence when the home page answers with an error', async () => {
      status = 503;
      await expect(checkSiteAnswers(premade())).rejects.toThrow(
        `The site under test at ${url} answered GET / with 503: point GUIDE_BASE_URL at the site's home page.`,
      );
    });

    it('says so in one sentence when nothing answers', async () => {
      const stopped = createServer();
      await new Promise<void>((resolve) => stopped.listen(0, '127.0.0.1', resolve));
      const gone = `http://127.0.0.1:${(stopped.address() as AddressInfo).port}`;
      await new Promise<void>((resolve) => stopped.close(() => resolve()));
      await expect(checkSiteAnswers(premade(gone))).rejects.toThrow(
        `The site under test at ${gone} is not answering (ECONNREFUSED): start it, or point GUIDE_BASE_URL at a running site.`,
      );
    });
  });
});
