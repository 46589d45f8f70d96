import { existsSync, readFileSync } from 'node:fs';

/** What `npm run drift` found for one drift variant of the mock. */
export interface DriftOutcome {
  name: string;
  kind: string;
  breaks: string;
  /** The guide steps the variant should be caught by. */
  caughtBy: string[];
  /** Some scenario failed against the variant. */
  caught: boolean;
  /** The guide steps named by the failures ("Guide step <id>: …"). */
  guideSteps: string[];
  expectedStepNamed: boolean;
  /** The first failure says the variant's kind of drift ("Drift (<kind>): …"). */
  kindNamed: boolean;
  /** The first failure's "Drift (…)" line, or its first line. */
  message: string;
}

export interface DriftReport {
  generatedAt: string;
  seconds: number;
  /** `seconds` timed the clean mock and every variant, not a partial sweep (absent in reports before it was kept). */
  wholeSweep?: boolean;
  clean: { passed: number; failed: number };
  variants: DriftOutcome[];
}

export const DRIFT_JSON = 'reports/drift/drift.json';

export function readDriftReport(path = DRIFT_JSON): DriftReport | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as DriftReport) : null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** The illustrated guide's closing section: would a drifted site have been caught, and by which sentence? */
export function driftAppendix(report: DriftReport | null = readDriftReport()): string {
  if (!report) return '';
  const caught = report.variants.filter((v) => v.caught && v.expectedStepNamed && v.kindNamed).length;
  const rows = report.variants
    .map((v) => {
      const verdict = v.caught ? (v.expectedStepNamed && v.kindNamed ? 'caught' : 'caught elsewhere') : 'survived';
      const steps = v.guideSteps.map((id) => `<a href="#step-${escape(id)}">${escape(id)}</a>`).join(', ') || '—';
      return `<tr class="${v.caught ? 'verified' : 'drifted'}"><td><code>${escape(v.name)}</code><br><small>${escape(v.breaks)}</small></td><td>${escape(v.kind)}</td><td>${verdict}</td><td>${steps}</td><td>${escape(v.message)}</td></tr>`;
    })
    .join('\n');
  return `<section class="drift-summary" id="drift">
<h2>Would a drifted site be caught?</h2>
<p>On ${escape(report.generatedAt)} the checks ran against the clean mock (${report.clean.passed} passed, ${report.clean.failed} failed)
and against ${report.variants.length} deliberately drifted versions of it: ${caught} caught by the guide step expected,
in ${Math.round(report.seconds / 60)} min (<code>npm run drift</code>).</p>
<table><thead><tr><th>drift</th><th>kind</th><th>verdict</th><th>guide steps that failed</th><th>first failure</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}
