import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AnchorSchema, ReviewerSchema, VERDICTS, type CommentRecord, type Reviewer, type ReviewState, type VerdictRecord } from '../api/contract';
import { describeError, fail, ok, type Result } from './errors';
import { MAX_META_CHARS } from './meta';

/**
 * The reviewer's records in a `.pilier` file (schema version 2): one verdict per requirement, comments (on a
 * requirement, on a passage, or both), the reviewer and the overall opinion, and the original file the review
 * started from (the `originals` table, written once when the project is created, never modified). JSON columns
 * (reviewers, anchors) are validated with zod when read: a project file is input like any other.
 */

const STATUSES = ['covered', 'partial', 'missing'] as const;
const isoTimestamp = z.iso.datetime();
const text = z.string().max(MAX_META_CHARS);

const VerdictRowSchema = z.object({
  requirement_id: z.string().min(1).max(100),
  verdict: z.enum(VERDICTS).nullable(),
  comment: text,
  automatic_status: z.enum(STATUSES).nullable(),
  reviewer: z.string(),
  at: isoTimestamp,
});

const CommentRowSchema = z.object({
  id: z.string().min(1).max(100),
  requirement_id: z.string().min(1).max(100).nullable(),
  anchor: z.string().nullable(),
  text,
  reviewer: z.string(),
  at: isoTimestamp,
});

/** The original file as stored, and its fingerprint. */
export interface StoredOriginal {
  name: string;
  bytes: Uint8Array;
  sha256: string;
  importedAt: string;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a merge writes, all in one transaction: verdicts replaced whole, comments added, the opinion if given. */
export interface ReviewWrite {
  verdicts: VerdictRecord[];
  comments: CommentRecord[];
  opinion?: string;
}

class StoredDataError extends Error {}

function parseJson<T>(schema: z.ZodType<T>, json: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new StoredDataError(what);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoredDataError(what);
  return parsed.data;
}

function toVerdict(raw: unknown): VerdictRecord {
  const row = VerdictRowSchema.safeParse(raw);
  if (!row.success) throw new StoredDataError('un verdict');
  const r = row.data;
  return {
    requirementId: r.requirement_id,
    verdict: r.verdict,
    comment: r.comment,
    automaticStatus: r.automatic_status,
    reviewer: parseJson(ReviewerSchema, r.reviewer, `le relecteur du verdict ${r.requirement_id}`),
    at: r.at,
  };
}

function toComment(raw: unknown): CommentRecord {
  const row = CommentRowSchema.safeParse(raw);
  if (!row.success) throw new StoredDataError('un commentaire');
  const r = row.data;
  return {
    id: r.id,
    requirementId: r.requirement_id,
    anchor: r.anchor === null ? null : parseJson(AnchorSchema, r.anchor, `le passage du commentaire ${r.id}`),
    text: r.text,
    reviewer: parseJson(ReviewerSchema, r.reviewer, `le relecteur du commentaire ${r.id}`),
    at: r.at,
  };
}

/**
 * The review tables of an open project. Obtained from `ProjectFile.review()`; writes go through the project's
 * transaction helper, so a failure rolls back and comes back as a French message.
 */
export class ReviewStore {
  constructor(
    private readonly db: Database.Database,
    private readonly fileName: string,
    private readonly write: <T>(work: () => T) => Result<T>,
  ) {}

  private read<T>(work: () => T): Result<T> {
    try {
      return ok(work());
    } catch (error) {
      if (error instanceof StoredDataError) {
        return fail(
          `Les données de relecture de ${this.fileName} sont endommagées (${error.message} est illisible) : Pilier ne peut pas les afficher ; le fichier n’a pas été modifié. Restaurez une copie de sauvegarde si vous en avez une.`,
        );
      }
      return fail(describeError(this.fileName, 'read', error));
    }
  }

  /** Everything recorded: reviewer, verdicts (by requirement id), comments (oldest first), opinion, original. */
  state(): Result<ReviewState> {
    return this.read(() => {
      const meta = this.db.prepare('SELECT reviewer, opinion FROM review_meta WHERE id = 1').get() as { reviewer: string | null; opinion: string } | undefined;
      const verdicts = this.db.prepare('SELECT * FROM review_verdicts ORDER BY requirement_id').all().map(toVerdict);
      const comments = this.db.prepare('SELECT * FROM review_comments ORDER BY at, id').all().map(toComment);
      const original = this.db.prepare('SELECT name, sha256, length(bytes) AS size, imported_at FROM originals ORDER BY id LIMIT 1').get() as
        | { name: string; sha256: string; size: number; imported_at: string }
        | undefined;
      return {
        reviewer: meta?.reviewer ? parseJson(ReviewerSchema, meta.reviewer, 'le relecteur') : null,
        verdicts,
        comments,
        opinion: typeof meta?.opinion === 'string' ? meta.opinion : '',
        original: original ? { name: original.name, sha256: original.sha256, sizeBytes: original.size, importedAt: original.imported_at } : null,
      };
    });
  }

  setReviewer(reviewer: Reviewer): Result<Reviewer> {
    const parsed = ReviewerSchema.parse(reviewer);
    return this.write(() => {
      this.db
        .prepare("INSERT INTO review_meta (id, reviewer, opinion) VALUES (1, ?, '') ON CONFLICT (id) DO UPDATE SET reviewer = excluded.reviewer")
        .run(JSON.stringify(parsed));
      return parsed;
    });
  }

  setOpinion(opinion: string): Result<null> {
    if (opinion.length > MAX_META_CHARS) return fail(`L’avis général n’a pas été enregistré dans ${this.fileName} : il dépasse 10\u202f000 caractères.`);
    return this.write(() => {
      this.storeOpinion(opinion);
      return null;
    });
  }

  private storeOpinion(opinion: string): void {
    this.db.prepare('INSERT INTO review_meta (id, reviewer, opinion) VALUES (1, NULL, ?) ON CONFLICT (id) DO UPDATE SET opinion = excluded.opinion').run(opinion);
  }

  private storeVerdict(record: VerdictRecord): void {
    this.db
      .prepare(
        'INSERT INTO review_verdicts (requirement_id, verdict, comment, automatic_status, reviewer, at) VALUES (?, ?, ?, ?, ?, ?) ' +
          'ON CONFLICT (requirement_id) DO UPDATE SET verdict = excluded.verdict, comment = excluded.comment, ' +
          'automatic_status = excluded.automatic_status, reviewer = excluded.reviewer, at = excluded.at',
      )
      .run(record.requirementId, record.verdict, record.comment, record.automaticStatus, JSON.stringify(record.reviewer), record.at);
  }

  private storeComment(record: CommentRecord): void {
    this.db
      .prepare('INSERT INTO review_comments (id, requirement_id, anchor, text, reviewer, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(record.id, record.requirementId, record.anchor ? JSON.stringify(record.anchor) : null, record.text, JSON.stringify(record.reviewer), record.at);
  }

  /** Records (or replaces) the verdict on one requirement. */
  setVerdict(record: VerdictRecord): Result<VerdictRecord> {
    return this.write(() => {
      this.storeVerdict(record);
      return record;
    });
  }

  addComment(record: CommentRecord): Result<CommentRecord> {
    return this.write(() => {
      this.storeComment(record);
      return record;
    });
  }

  /** Deletes a comment; an unknown id is refused (the screen is out of date). */
  deleteComment(id: string): Result<null> {
    const removed = this.write(() => this.db.prepare('DELETE FROM review_comments WHERE id = ?').run(id).changes);
    if (!removed.ok) return removed;
    return removed.value === 0 ? fail('Ce commentaire n’existe plus (il a peut-être déjà été supprimé) : rien n’a été modifié.') : ok(null);
  }

  /** A merge's writes, all or nothing; comments whose id is already there are left as they are. */
  apply(change: ReviewWrite): Result<null> {
    return this.write(() => {
      for (const v of change.verdicts) this.storeVerdict(v);
      const known = this.db.prepare('SELECT 1 FROM review_comments WHERE id = ?').pluck();
      for (const c of change.comments) if (known.get(c.id) === undefined) this.storeComment(c);
      if (change.opinion !== undefined) this.storeOpinion(change.opinion);
      return null;
    });
  }

  /** The original file, byte for byte, with its recorded fingerprint; `null` when the project has none. */
  original(): Result<StoredOriginal | null> {
    return this.read(() => {
      const row = this.db.prepare('SELECT name, bytes, sha256, imported_at FROM originals ORDER BY id LIMIT 1').get() as
        | { name: string; bytes: Buffer; sha256: string; imported_at: string }
        | undefined;
      if (!row) return null;
      return { name: row.name, bytes: new Uint8Array(row.bytes), sha256: row.sha256, importedAt: row.imported_at };
    });
  }
}
