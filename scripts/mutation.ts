// `npm run mutation [-- --all] [-- --force]`: the mutation check of the harness itself (commands/mutation-report.ts).
// --all mutates every file of harness/ and commands/ instead of the focused scope; --force tests every mutant again.
import { mutationCommand } from '../commands/mutation-report.ts';

process.exit(await mutationCommand(process.argv.slice(2)));
