import { describe, expect, it } from 'vitest';
import { run } from '../../commands/processes.ts';

const node = (code: string) => [process.execPath, ['-e', code]] as const;

describe('a child process', () => {
  it('gives its exit status, its captured output and when the watched text first came', async () => {
    const [command, args] = node(
      "process.stdout.write('ready\\n'); setTimeout(() => { console.error('done'); process.exit(3); }, 200)",
    );
    const finished = await run(command, [...args], { output: 'capture', watch: /ready/ });
    expect(finished).toMatchObject({ exitCode: 3, stdout: 'ready\n', stderr: 'done\n' });
    expect(finished.firstMatchSeconds).toBeLessThan(finished.seconds);
  });

  it('passes its environment, and says 127 for a command that is not there', async () => {
    const [command, args] = node('process.stdout.write(process.env.PROBE ?? "")');
    expect((await run(command, [...args], { output: 'capture', env: { PROBE: 'x' } })).stdout).toBe('x');
    expect((await run('/nowhere/command', [], { output: 'capture' })).exitCode).toBe(127);
  });
});
