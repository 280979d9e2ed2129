import { describe, expect, it } from 'vitest';
import { MENU_ACTIONS, type MenuAction } from '../../src/api/contract';
import { runMenuCommand, type MenuTarget } from './menuCommands';

function target(hasProject: boolean): { target: MenuTarget; calls: string[] } {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]): Promise<void> => {
      calls.push(args.length > 0 ? `${name}(${args.map(String).join(',')})` : name);
      return Promise.resolve();
    };
  return {
    calls,
    target: {
      hasProject,
      showScreen: record('showScreen'),
      openWithDialog: record('openWithDialog'),
      openDemo: record('openDemo'),
      openPath: record('openPath'),
      closeProject: record('closeProject'),
      saveProjectAs: record('saveProjectAs'),
      createSnapshot: record('createSnapshot'),
      setVersionsOpen: record('setVersionsOpen'),
      setFindOpen: record('setFindOpen'),
      toggleChecklist: record('toggleChecklist'),
      setExportOpen: record('setExportOpen'),
      startReview: record('startReview'),
      openReferentiel: record('openReferentiel'),
      startTour: record('startTour'),
      prepareWindowClose: record('prepareWindowClose'),
    },
  };
}

describe('the application menu in the renderer', () => {
  it('carries out every action the host can send when a contract is open', async () => {
    const carried: Partial<Record<MenuAction, string[]>> = {};
    for (const action of MENU_ACTIONS) {
      const { target: t, calls } = target(true);
      expect(await runMenuCommand({ action, path: '/tmp/a.pilier' }, t), action).toBe(true);
      carried[action] = calls;
    }
    expect(carried.openPath).toEqual(['openPath(/tmp/a.pilier)']);
    expect(carried.windowClosing).toEqual(['prepareWindowClose']);
    expect(carried.new).toEqual(['showScreen(new)']);
    expect(carried.toggleChecklist).toEqual(['toggleChecklist']);
    expect(carried.saveAs).toEqual(['saveProjectAs']);
    expect(carried.export).toEqual(['setExportOpen(true)']);
  });

  it('ignores the commands that need a contract when none is open, and an openPath without a path', async () => {
    const { target: t, calls } = target(false);
    for (const action of ['close', 'saveAs', 'export', 'snapshot', 'versions', 'find', 'toggleChecklist', 'tour'] as const) {
      expect(await runMenuCommand({ action }, t), action).toBe(false);
    }
    expect(await runMenuCommand({ action: 'openPath' }, t)).toBe(false);
    expect(calls).toEqual([]);
    expect(await runMenuCommand({ action: 'windowClosing' }, t)).toBe(true);
    expect(calls).toEqual(['prepareWindowClose']);
  });
});
