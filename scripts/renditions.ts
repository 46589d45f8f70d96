// `node --import tsx scripts/renditions.ts`: the renditions of the bundled mock as a JSON list, from the one place
// they are listed (mock-server/renditions.ts), for the nightly workflow's matrix: a rendition added there is swept
// without touching the workflow.
import { SITE_RENDITIONS } from '../mock-server/index.ts';

console.log(JSON.stringify(SITE_RENDITIONS));
