import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() } }));

const { menuTemplate } = await import('./menu');

function options(platform: NodeJS.Platform = 'linux') {
  return {
    platform,
    recent: [{ path: '/home/agent/Contrat Val & Mont.pilier', territoire: 'Val & Mont', openedAt: '2025-03-01T09:00:00.000Z' }],
    send: vi.fn(),
    about: vi.fn(),
    devTools: false,
  };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const find = (items: MenuItemConstructorOptions[], label: string) => items.find((item) => item.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();

describe('application menu', () => {
  it('has the French menus in order', () => {
    expect(menuTemplate(options()).map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    expect(menuTemplate(options('darwin')).map((m) => m.label)).toEqual(['Pilier', 'Fichier', 'Édition', 'Affichage', 'Aide']);
  });

  it('sends the file commands to the renderer with the usual shortcuts', () => {
    const opts = options();
    const file = submenu(find(menuTemplate(opts), 'Fichier'));
    const expected: [string, string, string][] = [
      ['Nouveau contrat…', 'CmdOrCtrl+N', 'new'],
      ['Ouvrir…', 'CmdOrCtrl+O', 'open'],
      ['Ouvrir le contrat de démonstration', '', 'openDemo'],
      ['Enregistrer une version', 'CmdOrCtrl+S', 'snapshot'],
      ['Historique des versions…', '', 'versions'],
      ['Enregistrer sous…', 'CmdOrCtrl+Shift+S', 'saveAs'],
      ['Fermer le contrat', '', 'close'],
    ];
    for (const [label, accelerator, action] of expected) {
      const item = find(file, label);
      expect(item?.accelerator ?? '', label).toBe(accelerator);
      click(item);
      expect(opts.send).toHaveBeenLastCalledWith({ action });
    }
    expect(find(file, 'Quitter')?.role).toBe('quit');
  });

  it('lists recent files, escaping & for Windows, and opens them by path', () => {
    const opts = options();
    const recent = submenu(find(submenu(find(menuTemplate(opts), 'Fichier')), 'Fichiers récents'));
    expect(recent[0]?.label).toBe('Val && Mont — Contrat Val && Mont.pilier');
    click(recent[0]);
    expect(opts.send).toHaveBeenLastCalledWith({ action: 'openPath', path: '/home/agent/Contrat Val & Mont.pilier' });
    const empty = submenu(find(submenu(find(menuTemplate({ ...opts, recent: [] }), 'Fichier')), 'Fichiers récents'));
    expect(empty).toEqual([{ label: 'Aucun fichier récent', enabled: false }]);
  });

  it('edits, zooms and searches in French', () => {
    const opts = options();
    const [, edit, view, help] = menuTemplate(opts);
    expect(submenu(edit).filter((i) => i.role).map((i) => [i.label, i.role])).toEqual([
      ['Annuler', 'undo'],
      ['Rétablir', 'redo'],
      ['Couper', 'cut'],
      ['Copier', 'copy'],
      ['Coller', 'paste'],
      ['Tout sélectionner', 'selectAll'],
    ]);
    const search = find(submenu(edit), 'Rechercher…');
    expect(search?.accelerator).toBe('CmdOrCtrl+F');
    click(search);
    expect(opts.send).toHaveBeenLastCalledWith({ action: 'find' });
    expect(submenu(view).map((i) => i.role).filter(Boolean)).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
    click(find(submenu(view), 'Liste de contrôle'));
    expect(opts.send).toHaveBeenLastCalledWith({ action: 'toggleChecklist' });
    click(find(submenu(help), 'À propos de Pilier'));
    expect(opts.about).toHaveBeenCalled();
  });

  it('opens the référentiel from Affichage and replays the guided tour from Aide', () => {
    const opts = options();
    const [, , view, help] = menuTemplate(opts);
    click(find(submenu(view), 'Référentiel…'));
    expect(opts.send).toHaveBeenLastCalledWith({ action: 'referentiel' });
    click(find(submenu(help), 'Visite guidée'));
    expect(opts.send).toHaveBeenLastCalledWith({ action: 'tour' });
    expect(submenu(help)[0]?.label).toBe('Visite guidée');
  });

  it('offers the developer tools only when allowed', () => {
    const roles = (devTools: boolean) => submenu(menuTemplate({ ...options(), devTools })[2]).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
