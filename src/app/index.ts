/**
 * The services behind the IPC contract (Node only; no Electron): what the desktop host, the Chromium test
 * host and the command line call.
 */
export { createServices, projectFileName, type Dialogs, type Services, type ServicesOptions } from './services';
export { invoke, type Handlers, type ParsedArg, type Refusal } from './invoke';
export { reviewHandlers, type ReviewChannel, type ReviewDialogs } from './review';
export { recentFiles, MAX_RECENT, RECENT_FILE_NAME, type RecentFiles } from './recent';
export { DEMO_FILE_NAME, TEMPLATE_FILE_NAME } from './sources';
