import { existsSync, readFileSync } from 'node:fs';
import type { VariantJudgement } from './drift-sweep.ts';
import type { DriftKind } from '../scenario/outcome.ts';
import { reportPaths } from '../config/reports-dir.ts';

/** What `npm run drift` found for one drift variant of the mock. */
export interface DriftOutcome extends VariantJudgement {
  name: string;
  kind: DriftKind;
  breaks: string;
  /** The guide steps the variant should be caught by. */
  caughtBy: string[];
  /** The class of finding a defect of the site leaving the guide true must be reported as. */
  finding?: string;
}

/** What a variant must be caught as: a kind of drift, or a finding of a class. */
export const caughtAs = (v: Pick<DriftOutcome, 'kind' | 'finding'>) => (v.finding ? `finding (${v.finding})` : v.kind);

export interface DriftReport {
  generatedAt: string;
  seconds: number;
  /** `seconds` timed the clean mock and every variant, not a partial sweep (absent in reports before it was kept). */
  wholeSweep?: boolean;
  clean: { passed: number; failed: number };
  variants: DriftOutcome[];
}

export const DRIFT_JSON = reportPaths().driftJson;

/**
 * The last sweep's report; null when there is none, or it was written before variants had a verdict and a count of
 * their traces.
 */
export function readDriftReport(path = DRIFT_JSON): DriftReport | null {
  if (!existsSync(path)) return null;
  const report = JSON.parse(readFileSync(path, 'utf8')) as DriftReport;
  const current = (v: Partial<DriftOutcome>) => typeof v.verdict === 'string' && typeof v.traces === 'object';
  return report.variants.every(current) ? report : null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * The illustrated guide's closing section: would a drifted site have been caught, and by which sentence? With a
 * guide's step ids, only the variants meant to be caught by one of them.
 */
export function driftAppendix(report: DriftReport | null = readDriftReport(), stepIds?: ReadonlySet<string>): string {
  if (!report) return '';
  const variants = stepIds ? report.variants.filter((v) => v.caughtBy.some((id) => stepIds.has(id))) : report.variants;
  if (!variants.length) return '';
  const caught = variants.filter((v) => v.verdict === 'caught').length;
  const rows = variants
    .map((v) => {
      const steps = v.guideSteps.map((id) => `<a href="#step-${escape(id)}">${escape(id)}</a>`).join(', ') || '—';
      return `<tr class="${v.verdict === 'caught' ? 'verified' : 'drifted'}"><td><code>${escape(v.name)}</code><br><small>${escape(v.breaks)}</small></td><td>${escape(caughtAs(v))}</td><td>${escape(v.verdict)}</td><td>${steps}</td><td>${escape(v.message)}</td></tr>`;
    })
    .join('\n');
  return `<section class="drift-summary" id="drift">
<h2>Would a drifted site be caught?</h2>
<p>On ${escape(report.generatedAt)} the checks ran against the clean mock (${report.clean.passed} passed, ${report.clean.failed} failed)
and against ${variants.length} deliberately drifted versions of it: ${caught} caught by the guide step expected,
in ${Math.round(report.seconds / 60)} min (<code>npm run drift</code>).</p>
<table><thead><tr><th>drift</th><th>kind</th><th>verdict</th><th>guide steps that failed</th><th>first failure</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}
