import { Menu, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuMessage, RecentFile } from '../../src/api/contract';

/**
 * The French application menu. Commands the renderer carries out (new contract, open, snapshot, find…)
 * are sent to the focused window as `menu:<action>` messages; editing, zoom and full screen use Electron's
 * roles, which act on the focused page directly.
 */

export interface MenuOptions {
  platform: NodeJS.Platform;
  recent: readonly RecentFile[];
  /** Sends a command to the focused window's renderer. */
  send(message: MenuMessage): void;
  about(): void;
  /** Offers the developer tools (not in a packaged app). */
  devTools: boolean;
}

/** Windows reads `&` as a mnemonic marker in menu labels. */
const literal = (label: string) => label.replace(/&/g, '&&');

function recentItems(options: MenuOptions): MenuItemConstructorOptions[] {
  if (options.recent.length === 0) return [{ label: 'Aucun fichier récent', enabled: false }];
  return options.recent.map((file) => ({
    label: literal(`${file.territoire} — ${basename(file.path)}`),
    toolTip: file.path,
    click: () => options.send({ action: 'openPath', path: file.path }),
  }));
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const send = (action: MenuMessage['action']) => () => options.send({ action });
  const fileMenu: MenuItemConstructorOptions = {
    label: 'Fichier',
    submenu: [
      { label: 'Nouveau contrat…', accelerator: 'CmdOrCtrl+N', click: send('new') },
      { label: 'Ouvrir…', accelerator: 'CmdOrCtrl+O', click: send('open') },
      { label: 'Fichiers récents', submenu: recentItems(options) },
      { label: 'Ouvrir le contrat de démonstration', click: send('openDemo') },
      { label: 'Relire un contrat reçu (DOCX, ODT, PDF)…', accelerator: 'CmdOrCtrl+Shift+O', click: send('review') },
      { type: 'separator' },
      { label: 'Enregistrer une version', accelerator: 'CmdOrCtrl+S', click: send('snapshot') },
      { label: 'Historique des versions…', click: send('versions') },
      { label: 'Enregistrer sous…', accelerator: 'CmdOrCtrl+Shift+S', click: send('saveAs') },
      { label: 'Exporter (DOCX, ODT)…', accelerator: 'CmdOrCtrl+E', click: send('export') },
      { type: 'separator' },
      { label: 'Fermer le contrat', click: send('close') },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: 'Quitter', role: 'quit', accelerator: 'CmdOrCtrl+Q' } as const]),
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: 'Édition',
    submenu: [
      { label: 'Annuler', role: 'undo' },
      { label: 'Rétablir', role: 'redo' },
      { type: 'separator' },
      { label: 'Couper', role: 'cut' },
      { label: 'Copier', role: 'copy' },
      { label: 'Coller', role: 'paste' },
      { label: 'Tout sélectionner', role: 'selectAll' },
      { type: 'separator' },
      { label: 'Rechercher…', accelerator: 'CmdOrCtrl+F', click: send('find') },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: 'Affichage',
    submenu: [
      { label: 'Zoom avant', role: 'zoomIn' },
      { label: 'Zoom arrière', role: 'zoomOut' },
      { label: 'Taille réelle (100\u202f%)', role: 'resetZoom' },
      { type: 'separator' },
      { label: 'Plein écran', role: 'togglefullscreen' },
      { label: 'Liste de contrôle', accelerator: 'CmdOrCtrl+Shift+L', click: send('toggleChecklist') },
      { label: 'Référentiel…', click: send('referentiel') },
      ...(options.devTools ? [{ type: 'separator' } as const, { label: 'Outils de développement', role: 'toggleDevTools' } as const] : []),
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    label: 'Aide',
    role: 'help',
    submenu: [{ label: 'Visite guidée', click: send('tour') }, { type: 'separator' }, { label: 'À propos de Pilier', click: () => options.about() }],
  };
  const appMenu: MenuItemConstructorOptions = {
    label: 'Pilier',
    submenu: [
      { label: 'À propos de Pilier', click: () => options.about() },
      { type: 'separator' },
      { label: 'Masquer Pilier', role: 'hide' },
      { label: 'Masquer les autres', role: 'hideOthers' },
      { label: 'Tout afficher', role: 'unhide' },
      { type: 'separator' },
      { label: 'Quitter Pilier', role: 'quit' },
    ],
  };
  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, helpMenu];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
