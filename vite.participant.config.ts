// The phone page (src/participant/): its own small Vite build, apart from the
// Electron renderer. Preact instead of React keeps the script a few KB, JSX is
// compiled against preact/jsx-runtime, and base './' lets the room server serve
// the page under any room code (`/<ROOM>/` with `/<ROOM>/assets/*`).
// electron.vite.config.ts runs this build after the renderer's (so
// `electron-vite build`, `npm run build` and `npm run test:e2e` produce
// out/participant); the size test builds it into a temp folder.

import { resolve } from 'node:path';
import { defineConfig, type InlineConfig } from 'vite';

export const participantRoot = resolve(__dirname, 'src/participant');

export function participantViteConfig(outDir = resolve(__dirname, 'out/participant')): InlineConfig {
  return {
    configFile: false,
    root: participantRoot,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    // Always the production build, also when started from a test run (NODE_ENV=test would give dev JSX with file paths).
    mode: 'production',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: false } },
    build: {
      outDir,
      emptyOutDir: true,
      // Phones in a school are not all new: syntax is lowered for browsers from about 2020.
      target: ['es2020', 'chrome80', 'safari14', 'firefox78'],
      // One script and one style sheet, both files under the page's own origin (strict CSP).
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      sourcemap: false,
      rollupOptions: { input: resolve(participantRoot, 'index.html') },
    },
  };
}

export default defineConfig(participantViteConfig());
