// The installer config: the fuses electron-builder flips in the packaged
// Electron binary, checked against electron-builder's own schema (a typo in a
// fuse name would otherwise be noticed only on a build machine).

import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/temp';

const require = createRequire(import.meta.url);
const pkg = require(path.join(repoRoot, 'package.json')) as { build: Record<string, any> };

describe('electron-builder config', () => {
  it('sets the hardening fuses', () => {
    expect(pkg.build.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps only the Dutch locale on macOS, where the lang switch has no effect', () => {
    expect(pkg.build.mac.electronLanguages).toEqual(['nl']);
  });

  it("matches electron-builder's schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(pkg.build, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...pkg.build, electronFuses: { ...pkg.build.electronFuses, runAsNodee: false } }, new DebugLogger(false)),
    ).rejects.toThrow(/electronFuses/);
  });
});
