// `npm run reports:merge -- <shard folder> …`: the shards' blobs, Allure results and test results become one run's
// reports (commands/merge-reports.ts). GUIDE_REPORTS_DIR writes them elsewhere than reports/.
import { mergeReports } from '../commands/merge-reports.ts';

process.exit(await mergeReports(process.argv.slice(2)));
