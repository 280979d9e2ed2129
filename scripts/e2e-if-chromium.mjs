// Part of `npm test`: runs the end-to-end specs (real renderer in Debian's Chromium) when Chromium is installed,
// and says so plainly when it is not (`.ci/run` installs it). Set PILIER_REQUIRE_E2E=1 to make its absence an error.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.PILIER_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const message = `Tests de bout en bout ignorés : Chromium est absent (${chromium}). Installez-le (apt-get install chromium) pour les lancer.`;
  if (process.env.PILIER_REQUIRE_E2E === '1') {
    console.error(message);
    process.exit(1);
  }
  console.warn(message);
  process.exit(0);
}
const run = spawnSync('npm', ['run', 'test:e2e'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
