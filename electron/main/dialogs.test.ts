import { describe, expect, it, vi } from 'vitest';

const shown: { kind: string; options: { filters?: { extensions: string[] }[]; defaultPath?: string; properties?: string[] } }[] = [];
vi.mock('electron', () => ({
  app: { getPath: () => '/home/a/Documents' },
  dialog: {
    showOpenDialog: async (_window: unknown, options: never) => {
      shown.push({ kind: 'open', options });
      return { canceled: false, filePaths: ['/home/a/Documents/reçu.pdf'] };
    },
    showSaveDialog: async (_window: unknown, options: never) => {
      shown.push({ kind: 'save', options });
      return { canceled: true, filePath: '' };
    },
  },
}));

const { pilierPathsFrom, windowDialogs } = await import('./dialogs');

describe('the review dialogs', () => {
  const dialogs = windowDialogs({} as never);

  it('open a received contract in any format the importer reads, and a review package', async () => {
    expect(await dialogs.openContractFile()).toBe('/home/a/Documents/reçu.pdf');
    expect(shown.at(-1)!.options.filters![0]!.extensions).toEqual(['docx', 'odt', 'pdf', 'md', 'markdown', 'txt']);
    expect(await dialogs.openReviewPackage()).toBe('/home/a/Documents/reçu.pdf');
    expect(shown.at(-1)!.options.filters).toEqual([{ name: 'Relecture Pilier', extensions: ['pilier-relecture'] }]);
  });

  it('save a package where the user says, asking before replacing; a cancelled dialog answers null', async () => {
    expect(await dialogs.saveReviewPackage('Relecture.pilier-relecture')).toBeNull();
    expect(shown.at(-1)!.options.defaultPath).toBe('/home/a/Documents/Relecture.pilier-relecture');
    expect(shown.at(-1)!.options.properties).toContain('showOverwriteConfirmation');
  });
});

describe('.pilier paths from a command line', () => {
  it('keeps .pilier files, resolved against the working folder, and drops options', () => {
    const argv = ['/opt/Pilier/pilier', '--no-sandbox', 'contrat.pilier', '/home/a/Autre.PILIER', 'notes.docx', '--flag=x.pilier'];
    expect(pilierPathsFrom(argv, '/home/a/Documents')).toEqual(['/home/a/Documents/contrat.pilier', '/home/a/Autre.PILIER']);
  });

  it('ignores the executable itself and the app folder of a development run', () => {
    expect(pilierPathsFrom(['/usr/bin/electron', '.'], '/work')).toEqual([]);
  });
});
