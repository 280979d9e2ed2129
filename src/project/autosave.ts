import type { Result } from './errors';
import { isDeletion, type SectionChange } from './meta';

/**
 * Autosave: collects section edits and writes them in one transaction shortly after typing pauses, so no
 * « Enregistrer » is ever needed to keep work. Timers come from the caller (`setTimeout`/`clearTimeout` in
 * the app, a fake clock in tests).
 */

export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions {
  scheduler: Scheduler;
  /** Quiet time after the last edit before writing. Default 750 ms (the promise is « within a second »). */
  delayMs?: number;
  /** Longest wait after the first unsaved edit, so non-stop typing is saved too. Default 5 s. */
  maxWaitMs?: number;
  /** Wait before trying again after a failed write (disk full, file on a removed drive). Default 5 s. */
  retryMs?: number;
  onSaved?(savedAt: string): void;
  /** The French message of a failed write; the changes stay pending and are retried. */
  onError?(message: string): void;
}

export type SaveSections = (changes: SectionChange[]) => Result<{ savedAt: string }>;

/** Applies `next` over `previous`: fields `next` gives win; a deletion wins over edits, and an edit after a deletion starts afresh. */
function merge(previous: SectionChange | undefined, next: SectionChange): SectionChange {
  if (!previous || isDeletion(next) || isDeletion(previous)) return next;
  const merged: { id: string; position?: number; title?: string; content?: string } = { ...previous };
  if (next.position !== undefined) merged.position = next.position;
  if (next.title !== undefined) merged.title = next.title;
  if (next.content !== undefined) merged.content = next.content;
  return merged;
}

export class Autosave {
  private pending = new Map<string, SectionChange>();
  private quietTimer: unknown;
  private maxWaitTimer: unknown;
  private retryTimer: unknown;
  private readonly delayMs: number;
  private readonly maxWaitMs: number;
  private readonly retryMs: number;

  constructor(
    private readonly save: SaveSections,
    private readonly options: AutosaveOptions,
  ) {
    this.delayMs = options.delayMs ?? 750;
    this.maxWaitMs = options.maxWaitMs ?? 5_000;
    this.retryMs = options.retryMs ?? 5_000;
  }

  /** Sections with unsaved changes. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Records an edit and (re)starts the quiet-time timer. */
  edit(change: SectionChange): void {
    this.pending.set(change.id, merge(this.pending.get(change.id), change));
    const { scheduler } = this.options;
    if (this.quietTimer !== undefined) scheduler.clearTimeout(this.quietTimer);
    this.quietTimer = scheduler.setTimeout(() => this.flushNow(), this.delayMs);
    this.maxWaitTimer ??= scheduler.setTimeout(() => this.flushNow(), this.maxWaitMs);
  }

  /**
   * Writes every pending change now (on quit, close, « Enregistrer sous », before a snapshot). Returns
   * `null` when there was nothing to write. On failure the changes stay pending, a retry is scheduled,
   * and `onError` hears the message.
   */
  flushNow(): Result<{ savedAt: string }> | null {
    this.clearTimers();
    if (this.pending.size === 0) return null;
    const changes = [...this.pending.values()];
    this.pending = new Map();
    let result: Result<{ savedAt: string }>;
    try {
      result = this.save(changes);
    } catch (error) {
      this.requeue(changes);
      throw error;
    }
    if (result.ok) {
      this.options.onSaved?.(result.value.savedAt);
    } else {
      this.requeue(changes);
      this.retryTimer = this.options.scheduler.setTimeout(() => this.flushNow(), this.retryMs);
      this.options.onError?.(result.error);
    }
    return result;
  }

  /** Stops the timers; pending changes are dropped unless `flushNow()` was called first. */
  dispose(): void {
    this.clearTimers();
    this.pending.clear();
  }

  /** Puts failed changes back under any edit made since. */
  private requeue(changes: SectionChange[]): void {
    const newer = this.pending;
    this.pending = new Map(changes.map((c) => [c.id, c]));
    for (const change of newer.values()) this.pending.set(change.id, merge(this.pending.get(change.id), change));
  }

  private clearTimers(): void {
    const { scheduler } = this.options;
    for (const timer of [this.quietTimer, this.maxWaitTimer, this.retryTimer]) {
      if (timer !== undefined) scheduler.clearTimeout(timer);
    }
    this.quietTimer = this.maxWaitTimer = this.retryTimer = undefined;
  }
}
