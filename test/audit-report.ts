// What `npm audit --omit=dev --json` said, judged: fail on a high or critical advisory, and say so
// plainly when the audit could not run at all.
export interface AuditReport {
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string }>;
  message?: string;
}

export type AuditVerdict =
  | { kind: 'clean'; message: string }
  | { kind: 'serious'; message: string }
  | { kind: 'unchecked'; message: string };

export function judgeAudit(report: AuditReport | undefined, failure: string): AuditVerdict {
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    return {
      kind: 'unchecked',
      message:
        `WARNING: npm audit could not check the production dependencies: ${report?.message ?? failure}. ` +
        'The registry in use does not serve the advisory endpoint; run `npm run audit` where it does.',
    };
  }
  const names = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
    .map(([name, v]) => `${name} (${v.severity})`);
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  if (serious > 0) {
    return {
      kind: 'serious',
      message: `npm audit: ${serious} high or critical advisories in production dependencies: ${names.join(', ')}. Run \`npm audit --omit=dev\` for details and upgrade them.`,
    };
  }
  const summary = Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return {
    kind: 'clean',
    message: `npm audit: no high or critical advisories in production dependencies (${summary}).`,
  };
}
