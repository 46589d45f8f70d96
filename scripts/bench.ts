// `npm run bench [-- --runs N --quick --limit N --drift --levers --mock-seconds S --connections C]`: where the time
// goes, against the floor (commands/bench/bench-command.ts; the options in commands/bench/options.ts). Not part of
// npm test: the full benchmark takes most of an hour.
import { benchCommand } from '../commands/bench/bench-command.ts';

process.exit(await benchCommand(process.argv.slice(2)));
