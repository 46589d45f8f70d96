// `npm run test:cpu-load [-- --repeats 3 --workers 2 --burners N <selection>]`: every feature of the first guide on
// 2 workers, each scenario several times over, while other processes keep every core busy (commands/slow-site.ts).
import { cpuLoadCommand } from '../commands/slow-site.ts';

process.exit(await cpuLoadCommand(process.argv.slice(2)));
