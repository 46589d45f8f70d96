// `npm test`: the one command that proves the repository green (commands/test-command.ts).
import { testCommand } from '../commands/test-command.ts';

process.exit(await testCommand());
