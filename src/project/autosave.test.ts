import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Autosave, type Scheduler } from './autosave';
import type { Result } from './errors';
import type { SectionChange } from './meta';
import { createProject } from './open';
import type { ProjectFile } from './projectFile';
import { lexical, sampleMeta, sampleSections, temporaryFolder } from './testProject';

/** Timers that only fire when the test moves time forward. */
class FakeScheduler implements Scheduler {
  now = 0;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private next = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pending(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = end;
  }
}

function recorder(result: () => Result<{ savedAt: string }> = () => ({ ok: true, value: { savedAt: 't' } })) {
  const calls: SectionChange[][] = [];
  const save = (changes: SectionChange[]) => {
    calls.push(changes);
    return result();
  };
  return { calls, save };
}

describe('Autosave (fake clock)', () => {
  it('writes once, 750 ms after the last of a burst of edits, with the edits merged per section', () => {
    const scheduler = new FakeScheduler();
    const { calls, save } = recorder();
    const autosave = new Autosave(save, { scheduler });
    autosave.edit({ id: 'a', content: 'A1' });
    scheduler.advance(500);
    autosave.edit({ id: 'a', title: 'Titre' });
    scheduler.advance(500);
    autosave.edit({ id: 'b', content: 'B1' });
    autosave.edit({ id: 'a', content: 'A2' });
    scheduler.advance(749);
    expect(calls).toEqual([]);
    scheduler.advance(1);
    expect(calls).toEqual([[{ id: 'a', title: 'Titre', content: 'A2' }, { id: 'b', content: 'B1' }]]);
    expect(autosave.pendingCount).toBe(0);
    expect(scheduler.pending).toBe(0);
  });

  it('saves at least every 5 seconds during non-stop typing', () => {
    const scheduler = new FakeScheduler();
    const { calls, save } = recorder();
    const autosave = new Autosave(save, { scheduler });
    for (let t = 0; t < 6000; t += 200) {
      autosave.edit({ id: 'a', content: `frappe ${t}` });
      scheduler.advance(200);
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual([{ id: 'a', content: 'frappe 4800' }]);
  });

  it('flushNow writes at once (quit, close) and reports nothing to do when idle', () => {
    const scheduler = new FakeScheduler();
    const { calls, save } = recorder();
    const saved: string[] = [];
    const autosave = new Autosave(save, { scheduler, onSaved: (at) => saved.push(at) });
    expect(autosave.flushNow()).toBeNull();
    autosave.edit({ id: 'a', content: 'A' });
    expect(autosave.flushNow()).toEqual({ ok: true, value: { savedAt: 't' } });
    expect(calls).toHaveLength(1);
    expect(saved).toEqual(['t']);
    scheduler.advance(10_000);
    expect(calls).toHaveLength(1);
  });

  it('keeps failed changes, tells the user, and retries with the edits made since', () => {
    const scheduler = new FakeScheduler();
    let full = true;
    const { calls, save } = recorder(() => (full ? { ok: false, error: 'Le disque est plein' } : { ok: true, value: { savedAt: 't' } }));
    const errors: string[] = [];
    const autosave = new Autosave(save, { scheduler, onError: (m) => errors.push(m) });
    autosave.edit({ id: 'a', content: 'A1' });
    autosave.edit({ id: 'b', content: 'B1' });
    scheduler.advance(750);
    expect(errors).toEqual(['Le disque est plein']);
    expect(autosave.pendingCount).toBe(2);
    autosave.edit({ id: 'a', title: 'Nouveau titre' });
    full = false;
    scheduler.advance(750);
    expect(calls.at(-1)).toEqual([{ id: 'a', content: 'A1', title: 'Nouveau titre' }, { id: 'b', content: 'B1' }]);
    expect(autosave.pendingCount).toBe(0);
  });

  it('lets a deletion win over earlier edits of the same section', () => {
    const scheduler = new FakeScheduler();
    const { calls, save } = recorder();
    const autosave = new Autosave(save, { scheduler });
    autosave.edit({ id: 'a', content: 'A' });
    autosave.edit({ id: 'a', deleted: true });
    autosave.flushNow();
    expect(calls).toEqual([[{ id: 'a', deleted: true }]]);
  });
});

describe('Autosave on a real project file', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  let project: ProjectFile;
  beforeEach(() => {
    folder = temporaryFolder();
    const created = createProject(folder.file('contrat.pilier'), sampleMeta(), sampleSections());
    if (!created.ok) throw new Error(created.error);
    project = created.value;
  });
  afterEach(() => {
    project.close();
    folder.remove();
  });

  it('lands the edits in the file within a second of the last one', () => {
    const scheduler = new FakeScheduler();
    const autosave = new Autosave((changes) => project.saveSections(changes), { scheduler });
    autosave.edit({ id: 'diagnostic', content: lexical('Premier jet') });
    autosave.edit({ id: 'diagnostic', content: lexical('Second jet') });
    const stored = () => {
      const sections = project.listSections();
      return sections.ok ? sections.value.find((s) => s.id === 'diagnostic')?.content : undefined;
    };
    expect(stored()).toBe(sampleSections()[1]!.content);
    scheduler.advance(1000);
    expect(stored()).toBe(lexical('Second jet'));
  });
});
