// `npm run drift [-- <variant> …] [--skip-clean] [--report-only]`: proves the harness catches drift
// (commands/drift-command.ts). Names sweep only those variants; --skip-clean leaves out the clean run (minutes);
// --report-only prints the table and writes drift.json again from the last sweep's results.
import { driftCommand } from '../commands/drift-command.ts';

process.exit(await driftCommand(process.argv.slice(2)));
