// `npm run mock-server`: the mock as one prebuilt JavaScript file (mock-server/prebuilt.mjs), so it answers within a
// second of the command. Plain JavaScript: starting without tsx is the point.
import { prebuilt } from '../mock-server/prebuilt.mjs';

await import(await prebuilt('mock-server/cli.ts'));
