import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * GUIDE_ACCOUNTS_FILE: accounts made beforehand on a site that has no test-control API (docs/accounts-file.md).
 * `{ "accounts": [{ "email", "password", "profiles": [{ "name", "kids" }] }] }`
 */
const AccountsFileSchema = z.strictObject({
  accounts: z
    .array(
      z.strictObject({
        email: z.email(),
        password: z.string().min(1),
        profiles: z
          .array(z.strictObject({ name: z.string().trim().min(1), kids: z.boolean().default(false) }))
          .min(1)
          .max(5),
      }),
    )
    .min(1)
    .refine((accounts) => new Set(accounts.map((a) => a.email.toLowerCase())).size === accounts.length, {
      error: 'the same email is listed twice, and two scenarios would then share one account',
    }),
});

export type PremadeAccount = z.infer<typeof AccountsFileSchema>['accounts'][number];

/** The file's accounts; anything wrong with the file is one sentence naming the file and the first problem. */
export function readAccountsFile(path: string): PremadeAccount[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`GUIDE_ACCOUNTS_FILE ${path} cannot be read (${(error as NodeJS.ErrnoException).code}).`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`GUIDE_ACCOUNTS_FILE ${path} is not JSON: ${(error as Error).message}.`, { cause: error });
  }
  const parsed = AccountsFileSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const where = issue?.path.length ? `${fieldPath(issue.path)}: ` : '';
    throw new Error(
      `GUIDE_ACCOUNTS_FILE ${path} is not a list of accounts as docs/accounts-file.md describes (${where}${issue?.message}).`,
    );
  }
  return parsed.data.accounts;
}

/** ["accounts", 1, "profiles", 0, "name"] → "accounts[1].profiles[0].name" */
function fieldPath(path: PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
}

/** "Alex, Kids (Kids)": how feature files write a set of profiles, and how messages name one. */
export function describeProfiles(profiles: { name: string; kids?: boolean }[]): string {
  return profiles.map((p) => (p.kids ? `${p.name} (Kids)` : p.name)).join(', ');
}
