import type { AccountService } from '../domain/account-service.ts';
import type { SignInThrottle } from '../domain/sign-in-throttle.ts';

/** What every handler of one running mock shares. */
export interface ApiContext {
  accounts: AccountService;
  signInThrottle: SignInThrottle;
}
