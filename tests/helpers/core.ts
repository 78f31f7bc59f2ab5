import path from 'node:path';
import { openCore, type Core, type CoreConfig } from '../../src/main/core';
import { dispatch, type Handlers } from '../../src/main/ipc/dispatch';
import type { Channel, ChannelInput, ChannelResult } from '../../src/shared/contract';
import { repoRoot, tempDir } from './temp';

export interface TestCore {
  core: Core;
  dataDir: string;
  saved: string[];
  /** Calls a channel like the renderer does; throws on an error envelope. */
  call<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelResult<C>>;
  close(): void;
}

/** Calls a channel on `handlers` like the renderer does; throws the Dutch message (with its code) on an error envelope. */
export function caller(handlers: Handlers): TestCore['call'] {
  return async (channel, input) => {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as never;
  };
}

/**
 * The real core on a temp data folder; the save dialog answers `savePath()`.
 * `config` overrides parts of the core's configuration, given the temp folder (tests/helpers/lan.ts).
 */
export function openTestCore(
  options: { modulesDir?: string; savePath?: () => string | null; config?: (dataDir: string) => Partial<CoreConfig> } = {},
): TestCore {
  const { dir, cleanup } = tempDir();
  const saved: string[] = [];
  const core = openCore({
    dataDir: dir,
    builtinModulesDir: options.modulesDir ?? path.join(repoRoot, 'tests', 'fixtures', 'modules', 'valid'),
    fontsDir: path.join(repoRoot, 'resources', 'fonts'),
    now: () => new Date('2026-11-25T10:00:00Z'),
    host: {
      chooseSavePath: async ({ defaultName }) => {
        const target = options.savePath ? options.savePath() : path.join(dir, defaultName);
        if (target) saved.push(target);
        return target;
      },
    },
    ...options.config?.(dir),
  });
  return {
    core,
    dataDir: dir,
    saved,
    call: caller(core.handlers),
    close() {
      core.close();
      cleanup();
    },
  };
}
