import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META } from '../../src/shared/csp';
import { repoRoot } from '../helpers/temp';

describe('Content Security Policy', () => {
  it('index.html carries the same policy that main sends as a header', () => {
    const html = fs.readFileSync(path.join(repoRoot, 'src', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CSP_META);
    expect(CSP_HEADER.startsWith(CSP_META)).toBe(true);
  });

  it('allows no inline script or style and nothing from the network', () => {
    expect(CSP_HEADER).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(CSP_HEADER).toContain("default-src 'none'");
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
  });
});
