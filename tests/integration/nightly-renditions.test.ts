// The nightly workflow sweeps the drift catalogue on every rendition of the bundled mock, taking the list from the
// one place it is kept: a rendition added to mock-server/renditions.ts is swept without editing the workflow.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, tsx } from '../../commands/processes.ts';
import { SITE_RENDITIONS } from '../../mock-server/index.ts';

const NIGHTLY = readFileSync('.github/workflows/nightly.yml', 'utf8');

describe('the nightly drift sweep', () => {
  it('lists every rendition of the bundled mock, as JSON, from mock-server/renditions.ts', async () => {
    const { exitCode, stdout } = await run(...tsx('scripts/renditions.ts'), { output: 'capture' });
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toEqual([...SITE_RENDITIONS]);
  });

  it('runs npm run drift once per listed rendition, with MOCK_SITE set to it', () => {
    expect(NIGHTLY).toContain('run: echo "list=$(node --import tsx scripts/renditions.ts)" >> "$GITHUB_OUTPUT"');
    expect(NIGHTLY).toContain('rendition: ${{ fromJSON(needs.renditions.outputs.list) }}');
    expect(NIGHTLY).toContain('MOCK_SITE: ${{ matrix.rendition }}');
    expect(NIGHTLY).toMatch(/^\s+mkdir -p reports && npm run drift \| tee/m);
    // No rendition written into the workflow by hand.
    for (const rendition of SITE_RENDITIONS) expect(NIGHTLY).not.toMatch(new RegExp(`\\b${rendition}\\b`));
  });
});
