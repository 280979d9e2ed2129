import type { CommentRecord, PackageMerge, ReviewState, VerdictRecord } from '../api/contract';
import type { ContractDocument } from '../document/model';
import { relocate } from './anchor';
import type { ReviewPackage } from './package';
import { VERDICT_LABELS } from './summary';

/**
 * Merging a review package into the author's project: by requirement id for verdicts, by passage for comments.
 * Nothing is dropped: a verdict that loses (older than the one already recorded, or replaced by a newer one)
 * keeps its comment as a comment on its requirement; a comment whose passage cannot be found any more is kept,
 * attached to its section and requirement, and listed in `conflicts`. Importing the same package twice adds
 * nothing. Only the review records change; the author's text is never touched. Pure: the caller stores `write`.
 */

export interface MergeInput {
  /** What the author's project already holds. */
  current: Pick<ReviewState, 'verdicts' | 'comments' | 'opinion'>;
  incoming: ReviewPackage;
  /** The author's text as it reads now (`documentFromSections`). */
  document: ContractDocument;
  /** Ids for the comments the merge creates (kept verdict comments, a differing opinion). */
  newId: () => string;
}

export interface MergePlan {
  write: { verdicts: VerdictRecord[]; comments: CommentRecord[]; opinion?: string };
  result: PackageMerge;
}

const sameVerdict = (a: VerdictRecord, b: VerdictRecord): boolean =>
  a.verdict === b.verdict && a.comment === b.comment && a.at === b.at && a.reviewer.nom === b.reviewer.nom && a.automaticStatus === b.automaticStatus;

const label = (v: VerdictRecord): string => (v.verdict ? VERDICT_LABELS[v.verdict].toLowerCase() : 'sans verdict');

/** Instants compare as dates (ISO strings with different offsets or precision still order right). */
const time = (iso: string): number => Date.parse(iso) || 0;

export function mergePackage(input: MergeInput): MergePlan {
  const { current, incoming, document } = input;
  const verdicts: VerdictRecord[] = [];
  const comments: CommentRecord[] = [];
  const conflicts: PackageMerge['conflicts'] = [];
  const existing = new Map(current.verdicts.map((v) => [v.requirementId, v]));
  const knownComments = new Set(current.comments.map((c) => c.id));
  let verdictsAdded = 0;

  /** A verdict that does not stay on its requirement: its comment becomes a comment there. */
  const keepAsComment = (v: VerdictRecord, prefix: string): CommentRecord | undefined => {
    if (!v.comment.trim()) return undefined;
    const text = `${prefix} (${label(v)}) : ${v.comment}`;
    if (current.comments.some((c) => c.requirementId === v.requirementId && c.text === text)) return undefined;
    const kept: CommentRecord = { id: input.newId(), requirementId: v.requirementId, anchor: null, text, reviewer: v.reviewer, at: v.at };
    comments.push(kept);
    return kept;
  };

  for (const v of incoming.verdicts) {
    const before = existing.get(v.requirementId);
    if (!before) {
      verdicts.push(v);
      verdictsAdded++;
    } else if (sameVerdict(before, v)) {
      continue;
    } else if (time(v.at) > time(before.at)) {
      verdicts.push(v);
      verdictsAdded++;
      if (before.comment !== v.comment) keepAsComment(before, 'Verdict antérieur remplacé');
    } else {
      const kept = keepAsComment(v, 'Verdict plus ancien que celui du projet');
      if (kept) {
        conflicts.push({ commentId: kept.id, quote: '', why: `le projet porte déjà un verdict plus récent sur ${v.requirementId} : celui de la relecture est gardé comme commentaire` });
      }
    }
  }

  for (const c of incoming.comments) {
    if (knownComments.has(c.id)) continue;
    knownComments.add(c.id);
    if (!c.anchor) {
      comments.push(c);
      continue;
    }
    const placed = relocate(c.anchor, document);
    comments.push({ ...c, anchor: placed.anchor });
    if (!placed.found) conflicts.push({ commentId: c.id, quote: c.anchor.quote, why: placed.why });
  }

  let opinion: string | undefined;
  const theirs = incoming.opinion.trim();
  if (theirs && theirs !== current.opinion.trim()) {
    if (!current.opinion.trim()) opinion = incoming.opinion;
    else {
      const text = `Avis général de la relecture : ${theirs}`;
      if (!current.comments.some((c) => c.text === text)) {
        const reviewer = incoming.reviewer ?? { nom: 'Relecteur', qualite: '' };
        const kept: CommentRecord = { id: input.newId(), requirementId: null, anchor: null, text, reviewer, at: incoming.createdAt };
        comments.push(kept);
        conflicts.push({ commentId: kept.id, quote: '', why: 'le projet porte déjà un autre avis général : celui de la relecture est gardé comme commentaire' });
      }
    }
  }

  return {
    write: { verdicts, comments, ...(opinion !== undefined ? { opinion } : {}) },
    result: { verdictsAdded, commentsAdded: comments.length, conflicts },
  };
}
