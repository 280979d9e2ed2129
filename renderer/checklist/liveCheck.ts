import type { EditorState } from 'lexical';
import { Checker, type CheckReport } from '../../src/check';
import { blocksFromSection } from '../../src/document/lexical';
import type { Block } from '../../src/document/model';
import type { Referentiel } from '../../src/referential';

export interface SectionSource {
  id: string;
  title: string;
  /** Serialised Lexical state. */
  content: string;
}

/** Longest wait for an animation frame before checking anyway (a hidden window gets none). */
const MAX_DEFER_MS = 100;
/** Reading the sections of a newly opened project yields to the window after this long (input stays handled). */
const SLICE_MS = 30;

const yieldToWindow = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Checkers compiled ahead of time (compiling the référentiel takes tens of ms), one per référentiel. */
const spares = new WeakMap<Referentiel, Checker>();

/** Compiles a checker for `pack` now (in an idle moment after start), so that opening a contract does not wait for it. */
export function prepareChecker(pack: Referentiel): void {
  if (!spares.has(pack)) spares.set(pack, new Checker(pack));
}

function freshChecker(pack: Referentiel): Checker {
  const spare = spares.get(pack);
  spares.delete(pack);
  return spare ?? new Checker(pack);
}

/**
 * The checklist's engine: one incremental `Checker` kept for the open project, and each section's blocks.
 * An edit only marks its section; the check runs after the next paint, once for all the edits made
 * meanwhile, so typing never waits for it. Only the edited section's blocks are rebuilt, and the checker
 * re-analyses only the blocks whose text changed.
 */
export class LiveCheck {
  /** Made at the first check of each loaded project. */
  private checker: Checker | null = null;
  private order: string[] = [];
  private readonly titles = new Map<string, string>();
  private readonly blocks = new Map<string, Block[]>();
  private readonly pending = new Map<string, EditorState>();
  /** Sections of the loaded project whose blocks are not read yet (read by the next check, or when asked for). */
  private readonly unread = new Map<string, SectionSource>();
  private scheduled = false;
  private running = false;
  /** A check was asked for while one was running: run again after it. */
  private again = false;
  /** Bumped by `load`: a check reading the previous project's sections stops. */
  private epoch = 0;
  private waiters: (() => void)[] = [];
  /** Sections were added, removed or reloaded since the last check: the checker compares everything. */
  private structural = true;
  /** Milliseconds the last check took (blocks rebuilt and checked). */
  lastDurationMs = 0;

  constructor(
    private pack: Referentiel,
    private readonly onReport: (report: CheckReport) => void,
  ) {}

  /**
   * Checks against another référentiel pack from now on (the project's pack, or the one it switched to): a
   * new checker, and a full check of the sections as they are.
   */
  checkAgainst(pack: Referentiel): void {
    if (pack === this.pack) return;
    this.pack = pack;
    this.checker = null;
    this.structural = true;
    if (this.order.length > 0) this.schedule();
  }

  /**
   * Starts over with a project's sections (opening, restoring a version). The blocks are read by the check,
   * which runs after the editors are painted, a slice at a time (or at once for a section asked for before).
   */
  load(sections: SectionSource[]): void {
    this.epoch++;
    this.checker = null;
    this.pending.clear();
    this.blocks.clear();
    this.titles.clear();
    this.unread.clear();
    this.order = sections.map((s) => s.id);
    for (const s of sections) {
      this.titles.set(s.id, s.title);
      this.unread.set(s.id, s);
    }
    this.structural = true;
    this.schedule();
  }

  /** A section's editor changed: its blocks are rebuilt at the next check. */
  edited(sectionId: string, state: EditorState): void {
    this.unread.delete(sectionId);
    this.pending.set(sectionId, state);
    this.schedule();
  }

  /** Resolves when no check is waiting or running (after the first report of a newly opened project). */
  settled(): Promise<void> {
    if (!this.scheduled && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** A section was inserted (or replaced) with this content. */
  insert(section: SectionSource, order: string[]): void {
    this.put(section);
    this.order = order;
    this.structural = true;
    this.schedule();
  }

  remove(sectionId: string): void {
    this.order = this.order.filter((id) => id !== sectionId);
    this.blocks.delete(sectionId);
    this.pending.delete(sectionId);
    this.unread.delete(sectionId);
    this.titles.delete(sectionId);
    this.structural = true;
    this.schedule();
  }

  /** The blocks of a section as of the last check. */
  blocksOf(sectionId: string): readonly Block[] {
    const unread = this.unread.get(sectionId);
    if (unread) this.put(unread);
    return this.blocks.get(sectionId) ?? [];
  }

  private put(section: SectionSource): void {
    this.titles.set(section.id, section.title);
    this.unread.delete(section.id);
    this.pending.delete(section.id);
    this.blocks.set(section.id, safeBlocks(section));
  }

  private schedule(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    let done = false;
    const go = (): void => {
      if (done) return;
      done = true;
      void this.run();
    };
    // After the frame that shows the keystroke is painted, not before it.
    requestAnimationFrame(() => setTimeout(go, 0));
    setTimeout(go, MAX_DEFER_MS);
  }

  private async run(): Promise<void> {
    this.scheduled = false;
    this.running = true;
    this.again = false;
    try {
      if (await this.readUnread()) this.check();
    } finally {
      this.running = false;
      if (this.again) this.schedule();
      else this.waiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Reads the sections not read yet, yielding to the window between slices; false if another project was loaded meanwhile. */
  private async readUnread(): Promise<boolean> {
    const mine = this.epoch;
    let slice = performance.now();
    for (const section of [...this.unread.values()]) {
      if (performance.now() - slice > SLICE_MS) {
        await yieldToWindow();
        if (this.epoch !== mine) return false;
        slice = performance.now();
      }
      // Edited, removed or asked for meanwhile: already done.
      if (this.unread.get(section.id) === section) this.put(section);
    }
    return this.epoch === mine;
  }

  private check(): void {
    const started = performance.now();
    // Tell the checker which blocks changed when the edit kept the structure (the case of typing): it then
    // skips comparing the whole document.
    let changed: string[] | undefined = this.structural ? undefined : [];
    for (const [id, state] of this.pending) {
      const before = this.blocks.get(id);
      const after = safeBlocks({ id, title: this.titles.get(id) ?? '', content: JSON.stringify(state.toJSON()) });
      if (changed) changed = changedText(before, after, changed);
      this.blocks.set(id, after);
    }
    this.pending.clear();
    this.structural = false;
    const document = { blocks: this.order.flatMap((id) => this.blocks.get(id) ?? []) };
    this.checker ??= freshChecker(this.pack);
    const report = changed ? this.checker.check(document, { changed }) : this.checker.check(document);
    this.lastDurationMs = performance.now() - started;
    this.onReport(report);
  }
}

/**
 * Adds to `into` the ids of the blocks whose text changed between two readings of a section, or returns undefined
 * when the structure changed (a block added, removed or retyped, a heading edited).
 */
function changedText(before: Block[] | undefined, after: Block[], into: string[]): string[] | undefined {
  if (!before || before.length !== after.length) return undefined;
  for (let i = 0; i < after.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (a.id !== b.id || a.type !== b.type || a.level !== b.level || a.listDepth !== b.listDepth) return undefined;
    if (a.table?.row !== b.table?.row || a.table?.col !== b.table?.col || a.table?.id !== b.table?.id) return undefined;
    if (a.text === b.text && a.placeholder === b.placeholder) continue;
    if (a.type === 'heading') return undefined;
    into.push(b.id);
  }
  return into;
}

/** A section whose content cannot be read counts as empty for the checklist (the editor says why). */
function safeBlocks(section: SectionSource): Block[] {
  try {
    return blocksFromSection(section);
  } catch {
    return [];
  }
}
