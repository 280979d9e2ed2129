import { app, dialog, type BrowserWindow } from 'electron';
import { isAbsolute, join, resolve } from 'node:path';
import type { Dialogs } from '../../src/app';

/** The native file dialogs behind `dialog:*`, and the paths of `.pilier` files handed to the app. */

const PILIER_FILTER = { name: 'Contrat Pilier', extensions: ['pilier'] };
/** What `review:import` reads (src/import): the formats a received contract comes in. */
const CONTRACT_FILTER = { name: 'Contrat reçu (Word, OpenDocument, PDF, texte)', extensions: ['docx', 'odt', 'pdf', 'md', 'markdown', 'txt'] };
const REVIEW_PACKAGE_FILTER = { name: 'Relecture Pilier', extensions: ['pilier-relecture'] };
const EXPORT_FILTERS = {
  docx: { name: 'Document Word', extensions: ['docx'] },
  odt: { name: 'Document OpenDocument (LibreOffice)', extensions: ['odt'] },
};

export function windowDialogs(window: BrowserWindow): Dialogs {
  return {
    async saveProject(suggestedName) {
      const result = await dialog.showSaveDialog(window, {
        title: 'Enregistrer le contrat',
        buttonLabel: 'Enregistrer',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [PILIER_FILTER],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async saveExport(suggestedName, format) {
      const result = await dialog.showSaveDialog(window, {
        title: 'Exporter le contrat',
        buttonLabel: 'Exporter',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [EXPORT_FILTERS[format]],
        // The service replaces an existing file only because this dialog asked the user first.
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openProject() {
      const result = await dialog.showOpenDialog(window, {
        title: 'Ouvrir un contrat',
        buttonLabel: 'Ouvrir',
        filters: [PILIER_FILTER],
        properties: ['openFile'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async openContractFile() {
      const result = await dialog.showOpenDialog(window, {
        title: 'Relire un contrat reçu',
        buttonLabel: 'Relire',
        defaultPath: app.getPath('documents'),
        filters: [CONTRACT_FILTER, { name: 'Tous les fichiers', extensions: ['*'] }],
        properties: ['openFile'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveReviewPackage(suggestedName) {
      const result = await dialog.showSaveDialog(window, {
        title: 'Exporter la relecture',
        buttonLabel: 'Exporter',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [REVIEW_PACKAGE_FILTER],
        // The service replaces an existing file only because this dialog asked the user first.
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openReviewPackage() {
      const result = await dialog.showOpenDialog(window, {
        title: 'Importer une relecture',
        buttonLabel: 'Importer',
        filters: [REVIEW_PACKAGE_FILTER],
        properties: ['openFile'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/**
 * The `.pilier` files named on a command line (first launch, or a second instance forwarded by the
 * single-instance lock), resolved against the folder it was typed in. Options and other files are ignored.
 */
export function pilierPathsFrom(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && /\.pilier$/i.test(arg))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}

export function showAbout(window: BrowserWindow | null): void {
  const options = {
    type: 'info' as const,
    title: 'À propos de Pilier',
    message: `Pilier ${app.getVersion()}`,
    detail:
      'Assistant hors ligne pour rédiger et relire les contrats de ville (politique de la ville).\nAucune donnée ne quitte cet ordinateur.\nLicence EUPL-1.2.',
    buttons: ['Fermer'],
  };
  void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
