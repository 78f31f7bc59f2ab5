// Electronegativity over src/: Electron security anti-patterns. Fails on any
// finding that is not listed, with the reason it is acceptable, in
// scripts/electronegativity-exceptions.json (matched by check and file, not
// line, so an edit elsewhere in the file does not invalidate a review).
//
// Offline by construction: the package's CLI fetches its translations from S3
// and its "security fixes available" check fetches Electron's release list
// from GitHub. This script calls the runner directly with a local translation
// loader and without that one check (`npm outdated electron` covers it).
// (The CLI also breaks on commander ≥ 8, which npm hoists for our own CLI.)

import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const input = path.join(root, 'src');
const exceptionsFile = path.join(root, 'scripts', 'electronegativity-exceptions.json');

// Replace the translation loader (it calls `got` on S3) with the bundled English strings.
const i18nPath = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
const i18n = createRequire(i18nPath)('i18n');
const localI18n = async () => {
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: path.dirname(i18nPath),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
};
const stub = new Module(i18nPath);
stub.filename = i18nPath;
stub.loaded = true;
stub.exports = localI18n;
require.cache[i18nPath] = stub;

const run = require('@doyensec/electronegativity');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

const result = await run(
  {
    input,
    isSarif: false,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);

/** @type {{ check: string; file: string; reason: string }[]} */
const exceptions = JSON.parse(fs.readFileSync(exceptionsFile, 'utf8'));
for (const e of exceptions) {
  if (!e.check || !e.file || !e.reason || e.reason.trim().length < 20) {
    console.error(`${path.relative(root, exceptionsFile)}: elke uitzondering heeft check, file en een reden: ${JSON.stringify(e)}`);
    process.exit(1);
  }
}

const rel = (file) => path.relative(input, path.resolve(input, file)).split(path.sep).join('/');
const used = new Set();
const unexplained = [];
for (const issue of result.issues) {
  const file = rel(issue.file);
  const match = exceptions.findIndex((e) => e.check === issue.id && e.file === file);
  if (match >= 0) used.add(match);
  else unexplained.push({ ...issue, file });
}

const hard = result.errors.filter((e) => !e.tolerable);
console.log(
  `electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${result.atomicChecks + result.globalChecks} checks over src/ (Electron ${electronVersion}), ` +
    `${result.issues.length} findings, ${result.issues.length - unexplained.length} reviewed as acceptable.`,
);
exceptions.forEach((e, i) => {
  if (!used.has(i)) console.log(`  let op: uitzondering zonder bevinding (kan weg?): ${e.check} in ${e.file}`);
});
for (const error of hard) console.error(`  kan niet lezen: ${rel(error.file)}: ${error.message}`);
for (const issue of unexplained) {
  console.error(
    `src/${issue.file}:${issue.location.line}:${issue.location.column}: ${issue.id} (${issue.severity.name}, ${issue.confidence.name}): ${issue.description} ${issue.shortenedURL}`,
  );
}
if (unexplained.length > 0 || hard.length > 0) {
  console.error(
    `\n${unexplained.length} bevinding(en) zonder beoordeling. Los ze op, of zet ze met een reden in ${path.relative(root, exceptionsFile)}.`,
  );
  process.exit(1);
}
