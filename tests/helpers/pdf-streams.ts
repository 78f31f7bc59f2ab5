// Raw PDF inspection for the report tests: the file's bytes plus every
// (Flate-compressed) stream inflated, and PNG rendering with pdftoppm.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { repoRoot } from './temp';

/** The file as latin1 followed by every stream, inflated where it was compressed. */
export function rawPdfText(pdf: Buffer): string {
  const parts = [pdf.toString('latin1')];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    let body = start + 'stream'.length;
    if (pdf[body] === 0x0d) body++;
    if (pdf[body] === 0x0a) body++;
    const end = pdf.indexOf('endstream', body, 'latin1');
    if (end < 0) break;
    const bytes = pdf.subarray(body, end);
    try {
      parts.push(zlib.inflateSync(bytes).toString('latin1'));
    } catch {
      parts.push(bytes.toString('latin1'));
    }
    at = end + 'endstream'.length;
  }
  return parts.join('\n');
}

/** Page content streams (inflated) that draw rectangles: the vector charts. */
export function countRectOperators(pdf: Buffer): number {
  return (rawPdfText(pdf).match(/[\d.]+ [\d.]+ [\d.]+ [\d.]+ re\b/g) ?? []).length;
}

export const artifactsDir = path.join(repoRoot, 'tests', 'artifacts', 'reports');

/** Renders every page to PNG (50 dpi) under tests/artifacts/reports/<name>-N.png; returns the files (empty without pdftoppm). */
export function renderPngs(pdf: Buffer, name: string): string[] {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const result = spawnSync('pdftoppm', ['-png', '-r', '50', file, path.join(artifactsDir, name)], { encoding: 'utf8' });
  if (result.error) return [];
  return fs
    .readdirSync(artifactsDir)
    .filter((f) => new RegExp(`^${name}-\\d+\\.png$`).test(f))
    .map((f) => path.join(artifactsDir, f));
}
