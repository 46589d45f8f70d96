import type { AccountService } from '../domain/account-service.ts';
import type { SiteVariantSetting } from '../drift/variants.ts';
import type { SignInThrottle } from '../domain/sign-in-throttle.ts';

/** What every handler of one running mock shares. */
export interface ApiContext {
  accounts: AccountService;
  /** The clean site, or the drift variant chosen for this mock. */
  variant: SiteVariantSetting;
  signInThrottle: SignInThrottle;
}
