// `npm run parity`: the features under cucumber-js agree with the Playwright run, scenario by scenario
// (commands/parity.ts).
import { parity } from '../commands/parity.ts';

process.exit(await parity());
