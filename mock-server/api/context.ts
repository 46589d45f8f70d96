import type { AccountService } from '../domain/account-service.ts';

/** What every handler of one running mock shares. */
export interface ApiContext {
  accounts: AccountService;
}
