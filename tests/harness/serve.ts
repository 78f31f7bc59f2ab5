// Runs the harness by hand: `npx tsx tests/harness/serve.ts` after `npm run build`,
// then open the printed address in Chromium with the bridge (see tests/e2e/fixtures.ts).
import { startHarness } from './server';

void startHarness({ dataDir: process.env.SESSIEWIJZER_DATA_DIR }).then((h) => {
  console.log(`Sessiewijzer-harnas op ${h.url} (gegevens: ${h.dataDir})`);
});
