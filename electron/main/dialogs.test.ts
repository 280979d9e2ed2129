import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: {}, dialog: {} }));

const { pilierPathsFrom } = await import('./dialogs');

describe('.pilier paths from a command line', () => {
  it('keeps .pilier files, resolved against the working folder, and drops options', () => {
    const argv = ['/opt/Pilier/pilier', '--no-sandbox', 'contrat.pilier', '/home/a/Autre.PILIER', 'notes.docx', '--flag=x.pilier'];
    expect(pilierPathsFrom(argv, '/home/a/Documents')).toEqual(['/home/a/Documents/contrat.pilier', '/home/a/Autre.PILIER']);
  });

  it('ignores the executable itself and the app folder of a development run', () => {
    expect(pilierPathsFrom(['/usr/bin/electron', '.'], '/work')).toEqual([]);
  });
});
