import { accountHandlers } from './account-handlers.ts';
import { devicesHandlers } from './devices-handlers.ts';
import type { ApiContext } from './context.ts';
import { passwordHandlers } from './password-handlers.ts';
import { phoneHandlers } from './phone-handlers.ts';
import { sessionHandlers } from './session-handlers.ts';
import { testControlHandlers } from './test-control-handlers.ts';

/** The one list that composes the site's API: happy paths per resource. */
export function siteHandlers(context: ApiContext) {
  return [
    ...sessionHandlers(context),
    ...accountHandlers(context),
    ...passwordHandlers(context),
    ...phoneHandlers(context),
    ...devicesHandlers(context),
  ];
}

export { testControlHandlers };
