// `npm run test:slow-site [-- --delays 0.3,1,3 --renditions flickbox,classic --workers 2 <selection>]`: every feature
// of the first guide against each rendition of the bundled mock behind a proxy delaying every answer
// (commands/slow-site.ts). Long at 3 s per answer: not part of `npm test`; the nightly workflow runs it.
import { slowSiteCommand } from '../commands/slow-site.ts';

process.exit(await slowSiteCommand(process.argv.slice(2)));
