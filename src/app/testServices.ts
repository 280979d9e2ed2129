import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Channel, Results } from '../api/contract';
import { manualClock, temporaryFolder } from '../project/testProject';
import { invoke } from './invoke';
import { createServices, type Services } from './services';

/** Test fixtures for the services: a temp data folder, the repository's seeds and templates, fake dialogs. */

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const SEEDS_DIR = join(root, 'seeds');
export const TEMPLATES_DIR = join(root, 'templates');

export interface TestHost {
  services: Services;
  folder: ReturnType<typeof temporaryFolder>;
  clock: ReturnType<typeof manualClock>;
  warnings: string[];
  /** What the fake dialogs answer next. */
  dialogAnswers: {
    save: string | null;
    open: string | null;
    exportTo: string | null;
    suggested: string[];
    /** Review mode: the received contract, where to save the package, which package to import. */
    contractFile: string | null;
    packageTo: string | null;
    packageFrom: string | null;
  };
  /** Calls a channel as a host does: through `invoke` (channel check and argument parsing). */
  call<C extends Channel>(channel: C, arg?: unknown): Promise<Results[C]>;
  /** Like `call`, for a result expected to be ok: returns its value or fails the test with the error. */
  value<C extends Channel>(channel: C, arg?: unknown): Promise<Extract<Results[C], { ok: true }>['value']>;
  dispose(): void;
}

export function testHost(options: { folder?: ReturnType<typeof temporaryFolder>; dataDir?: string } = {}): TestHost {
  const folder = options.folder ?? temporaryFolder();
  const clock = manualClock();
  const warnings: string[] = [];
  const dialogAnswers: TestHost['dialogAnswers'] = { save: null, open: null, exportTo: null, suggested: [], contractFile: null, packageTo: null, packageFrom: null };
  const services = createServices({
    dataDir: options.dataDir ?? join(folder.dir, 'data'),
    seedsDir: SEEDS_DIR,
    templatesDir: TEMPLATES_DIR,
    clock: clock.now,
    warn: (message) => warnings.push(message),
    dialogs: {
      saveProject: async (suggested) => {
        dialogAnswers.suggested.push(suggested);
        return dialogAnswers.save;
      },
      openProject: async () => dialogAnswers.open,
      saveExport: async (suggested) => {
        dialogAnswers.suggested.push(suggested);
        return dialogAnswers.exportTo;
      },
      openContractFile: async () => dialogAnswers.contractFile,
      saveReviewPackage: async (suggested) => {
        dialogAnswers.suggested.push(suggested);
        return dialogAnswers.packageTo;
      },
      openReviewPackage: async () => dialogAnswers.packageFrom,
    },
  });
  const call = <C extends Channel>(channel: C, arg?: unknown) => invoke(services.handlers, channel, arg) as Promise<Results[C]>;
  return {
    services,
    folder,
    clock,
    warnings,
    dialogAnswers,
    call,
    async value(channel, arg) {
      const result = await call(channel, arg);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error}`);
      return result.value as never;
    },
    dispose() {
      services.dispose();
      if (!options.folder) folder.remove();
    },
  };
}
