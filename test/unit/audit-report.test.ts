// The npm audit gate's judgement, on the shapes `npm audit --json` prints.
import { describe, expect, it } from 'vitest';
import { judgeAudit } from '../audit-report.ts';

describe('judgeAudit', () => {
  it('fails on a high or critical advisory, naming the package', () => {
    const verdict = judgeAudit(
      {
        metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 1, critical: 0, total: 2 } },
        vulnerabilities: { 'body-parser': { severity: 'high' }, debug: { severity: 'low' } },
      },
      '',
    );
    expect(verdict.kind).toBe('serious');
    expect(verdict.message).toContain('body-parser (high)');
    expect(verdict.message).not.toContain('debug');
  });

  it('passes low and moderate findings, with their counts', () => {
    const verdict = judgeAudit(
      { metadata: { vulnerabilities: { low: 2, moderate: 1, high: 0, critical: 0 } }, vulnerabilities: {} },
      '',
    );
    expect(verdict).toEqual({
      kind: 'clean',
      message: expect.stringContaining('low 2, moderate 1') as unknown as string,
    });
  });

  it('says the dependencies were not checked when the endpoint refuses the audit', () => {
    const verdict = judgeAudit(
      {
        message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      },
      '',
    );
    expect(verdict.kind).toBe('unchecked');
    expect(verdict.message).toMatch(/could not check.*405 Method Not Allowed/);
    expect(judgeAudit(undefined, 'spawn npm ENOENT').message).toContain('spawn npm ENOENT');
  });
});
