// `npm test` fails when `npm audit --omit=dev` reports a high or critical advisory for what the
// server ships. The audit needs the registry's advisory endpoint (a POST); where the registry in use
// refuses it (a read-only mirror or proxy answers 405) the dependencies cannot be checked, and this
// says so loudly instead of passing in silence or failing every run for a reason no code change fixes.
import { spawnSync } from 'node:child_process';
import { judgeAudit, type AuditReport } from './audit-report.ts';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report: AuditReport | undefined;
try {
  report = JSON.parse(run.stdout) as AuditReport;
} catch {
  report = undefined;
}
const verdict = judgeAudit(report, run.error?.message || run.stderr.trim().split('\n').at(-1) || 'no answer');
if (verdict.kind === 'serious') {
  console.error(`[pathways] ${verdict.message}`);
  process.exit(1);
}
(verdict.kind === 'unchecked' ? console.warn : console.log)(`[pathways] ${verdict.message}`);
