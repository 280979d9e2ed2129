// `npm start`: builds the desktop app and opens it in Electron.
//   1. bundles the main process and the preload (esbuild) into dist/electron/;
//   2. builds the renderer (vite, renderer/vite.config.ts) into renderer/dist/;
//   3. checks that Electron's binary is installed (tries its installer once if not);
//   4. makes sure better-sqlite3 is compiled for Electron (electron-builder install-app-deps), then checks it
//      really loads in Electron: offline, the rebuild can silently produce a Node build instead;
//   5. starts Electron on the app. Extra arguments (`npm start -- contrat.pilier`) are passed on.
// `node scripts/start.mjs --build-only` stops after step 2 (what `npm run dist` needs before electron-builder).
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
export const MAIN_ENTRY = 'dist/electron/main.cjs';

/** Bundles the main process and the preload into `outdir`: CommonJS, one file each. */
export async function buildDesktop(outdir = join(root, 'dist', 'electron')) {
  const common = { bundle: true, format: 'cjs', charset: 'utf8', legalComments: 'none', logLevel: 'warning', sourcemap: 'linked' };
  await build({
    ...common,
    entryPoints: { main: join(root, 'electron', 'main', 'index.ts') },
    outfile: join(outdir, 'main.cjs'),
    platform: 'node',
    target: 'node22',
    // Native and host modules stay outside: Electron provides `electron`, better-sqlite3 is unpacked beside the asar.
    external: ['electron', 'better-sqlite3'],
  });
  await build({
    ...common,
    entryPoints: { preload: join(root, 'electron', 'preload', 'index.ts') },
    outfile: join(outdir, 'preload.cjs'),
    // A sandboxed preload may require nothing but `electron`: everything else is bundled in (the contract's
    // channel list brings zod: about 450 kB minified, parsed once per page load).
    platform: 'browser',
    minify: true,
    target: 'chrome130',
    external: ['electron'],
  });
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  return result.status === 0;
}

function fail(lines) {
  console.error(`\n${lines.join('\n')}\n`);
  process.exit(1);
}

function buildRenderer() {
  const config = join(root, 'renderer', 'vite.config.ts');
  if (!existsSync(config)) fail([`Le renderer ne peut pas être construit : ${config} est absent.`]);
  if (!run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: join(root, 'renderer') })) {
    fail(['La construction du renderer (vite build, dans renderer/) a échoué : voir les messages ci-dessus.']);
  }
}

/** The Electron executable, or `null` when its binary was not downloaded. */
export function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(join(electronDir, 'dist')) || !existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const MISSING_ELECTRON = [
  'Pilier ne peut pas s’ouvrir : le programme Electron n’est pas installé sur cette machine.',
  '',
  'Le paquet npm « electron » est présent, mais son binaire (node_modules/electron/dist/) ne l’est pas :',
  'il se télécharge depuis GitHub, et cette machine n’y a pas accès (ou ELECTRON_SKIP_BINARY_DOWNLOAD était défini).',
  '',
  'Pour l’installer, sur une machine qui accède à github.com :',
  '  node node_modules/electron/install.js',
  'ou, derrière un miroir interne : ELECTRON_MIRROR=https://votre-miroir/electron/ node node_modules/electron/install.js',
  'ou encore copiez le dossier dist/ d’un Electron 41.7.1 de la même plateforme dans node_modules/electron/dist/',
  'et écrivez le nom de l’exécutable (« electron » sous Linux) dans node_modules/electron/path.txt.',
  '',
  'Ensuite, npm start compilera better-sqlite3 pour Electron : les tests sous Node (npm test) échoueront',
  'alors jusqu’à ce que vous lanciez npm rebuild better-sqlite3.',
  '',
  'Tout le reste fonctionne sans Electron : npm test, npm run test:e2e (Chromium), la commande pilier.',
];

export function ensureElectron() {
  let binary = electronBinary();
  if (binary) return binary;
  console.log('Le binaire d’Electron est absent : tentative d’installation (node node_modules/electron/install.js)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const attempt = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, env, timeout: 180_000, encoding: 'utf8' });
  binary = electronBinary();
  if (!binary) {
    const reason = `${attempt.stderr ?? ''}`.split('\n').find((line) => line.trim()) ?? attempt.error?.message ?? 'raison inconnue';
    fail([`Échec de l’installation : ${reason.trim()}`, '', ...MISSING_ELECTRON]);
  }
  return binary;
}

/** True when better-sqlite3 loads in Electron's own Node (Electron run as Node, with Electron's ABI). */
function sqliteLoadsIn(binary) {
  const probe = "const D=require('better-sqlite3');new D(':memory:').prepare('select 1').get();";
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  const result = spawnSync(binary, ['-e', probe], { cwd: root, env, stdio: 'ignore', timeout: 60_000 });
  return result.status === 0;
}

const REBUILD_NOTE = [
  'Note : better-sqlite3 est maintenant compilé pour Electron. Les tests sous Node (npm test) échoueront',
  '(« NODE_MODULE_VERSION ») tant que vous n’aurez pas lancé : npm rebuild better-sqlite3',
];

function ensureSqliteForElectron(binary) {
  if (sqliteLoadsIn(binary)) return;
  console.log('Compilation de better-sqlite3 pour Electron (electron-builder install-app-deps)…');
  const env = { ...process.env };
  // A global `nodedir` (npm config) makes node-gyp build against Node's headers while claiming Electron's.
  delete env.npm_config_nodedir;
  delete env.NPM_CONFIG_NODEDIR;
  const builder = join(root, 'node_modules', 'electron-builder', 'cli.js');
  const rebuilt = run(process.execPath, [builder, 'install-app-deps'], { env });
  if (!rebuilt || !sqliteLoadsIn(binary)) {
    fail([
      'Pilier ne peut pas s’ouvrir : better-sqlite3 n’a pas pu être compilé pour Electron 41.7.1.',
      'Cette compilation télécharge les en-têtes d’Electron (electronjs.org / GitHub) et demande un compilateur C++',
      '(build-essential et python3 sous Linux). Sans accès réseau, elle produit un module pour Node que',
      'Electron refuse : il n’est pas utilisé.',
      'Relancez npm start sur une machine connectée ; pour revenir au module de Node : npm rebuild better-sqlite3',
    ]);
  }
  console.log(REBUILD_NOTE.join('\n'));
}

function checkMainEntry() {
  const main = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main;
  if (main !== MAIN_ENTRY) fail([`package.json doit indiquer "main": "${MAIN_ENTRY}" pour qu’Electron trouve le processus principal (trouvé : ${main ?? 'rien'}).`]);
}

async function main() {
  const buildOnly = process.argv.includes('--build-only');
  try {
    await buildDesktop();
  } catch (error) {
    fail([`La construction du processus principal ou du preload a échoué : ${error instanceof Error ? error.message : error}`]);
  }
  buildRenderer();
  if (buildOnly) return;
  checkMainEntry();
  const binary = ensureElectron();
  ensureSqliteForElectron(binary);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const args = ['.', ...process.argv.slice(2).filter((arg) => arg !== '--build-only')];
  const child = spawn(binary, args, { cwd: root, env, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
