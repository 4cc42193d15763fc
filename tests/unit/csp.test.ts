import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/lib/csp';

/** The policy as a map: directive → its sources. */
const directives = (policy: string): Map<string, string[]> =>
  new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));

describe('contentSecurityPolicy(scriptHashes)', () => {
  it("allows scripts from the site itself and the given hashes only (CSP Level 3, §6.1.1 script-src)", () => {
    const hash = createHash('sha256').update('document.documentElement.classList.add("js")').digest('base64');
    const d = directives(contentSecurityPolicy([hash, hash]));
    expect(d.get('script-src')).toEqual(["'self'", `'sha256-${hash}'`]);
    expect(d.get('default-src')).toEqual(["'self'"]);
  });
  it('names no other origin, no unsafe-eval and no inline scripts without a hash', () => {
    const policy = contentSecurityPolicy();
    for (const [name, sources] of directives(policy)) {
      for (const s of sources) expect(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:'], `${name} ${s}`).toContain(s);
      if (name.startsWith('script') || name === 'default-src') expect(sources).not.toContain("'unsafe-inline'");
    }
    expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
  });
  it("lets workers start from the site's own files only, not from blob: or data: URLs (CSP Level 3, §6.1.13 worker-src)", () => {
    expect(directives(contentSecurityPolicy()).get('worker-src')).toEqual(["'self'"]);
  });
  it('has no directive a <meta> policy ignores (frame-ancestors, report-uri, sandbox)', () => {
    const names = [...directives(contentSecurityPolicy(['x'])).keys()];
    for (const ignored of ['frame-ancestors', 'report-uri', 'sandbox']) expect(names).not.toContain(ignored);
    expect(names).toContain('object-src');
  });
});
