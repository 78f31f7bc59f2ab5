import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { build as viteBuild, type Plugin } from 'vite';
import { participantViteConfig } from './vite.participant.config';

// The phone page is a separate Preact bundle (vite.participant.config.ts). It is
// built right after the renderer, so every `electron-vite build` (npm run build,
// test:e2e, dist) also produces out/participant; the renderer's own build and its
// React plugin are untouched. Under `electron-vite dev` it is built once when the
// dev server starts (the room server serves files, not a dev server).
function participantPage(): Plugin {
  let command: 'build' | 'serve' = 'build';
  return {
    name: 'sessiewijzer-participant-page',
    configResolved(config) {
      command = config.command;
    },
    async closeBundle() {
      // In dev, closeBundle runs when the dev server stops: nothing to build then.
      if (command === 'build') await viteBuild(participantViteConfig());
    },
    configureServer(server) {
      viteBuild(participantViteConfig()).catch((error: unknown) =>
        server.config.logger.error(`Telefoonpagina niet gebouwd: ${error instanceof Error ? error.message : String(error)}`),
      );
    },
  };
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts') },
      },
    },
  },
  preload: {
    // A sandboxed preload must be CommonJS and self-contained (it cannot
    // require a shared chunk), so each entry is bundled on its own: the main
    // window's full bridge and the audience window's small one.
    build: {
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/preload/index.ts'),
          audience: resolve(__dirname, 'src/preload/audience.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
    plugins: [react(), participantPage()],
  },
});
