import { z } from 'zod';
import type { CheckReport } from '../check/report';

/**
 * The typed IPC contract between the renderer and its host (Electron's main process, or the test host).
 * One map from channel (`domain:verb`) to the schema of its argument and the type of its result; the preload
 * exposes exactly these channels as `window.pilier`, and the host parses every argument with the schema.
 * Expected failures come back as values with a French message; payloads are plain data (ISO strings).
 * @see design.md §4
 */

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const MAX_TEXT = 10_000;
const MAX_PATH = 4_096;
/** One section's serialised Lexical state. */
const MAX_CONTENT = 20 * 1024 * 1024;

const text = z.string().max(MAX_TEXT);
const nonEmpty = text.trim().min(1);
const path = z.string().min(1).max(MAX_PATH);
const periodDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const NewProjectMetaSchema = z
  .object({
    territoire: nonEmpty,
    epci: text,
    communes: z.array(nonEmpty).max(2_000),
    qpv: z.array(z.object({ nom: nonEmpty, code: text }).strict()).max(2_000),
    periode: z.object({ debut: periodDate, fin: periodDate }).strict(),
    referentiel: z.object({ id: nonEmpty, version: nonEmpty }).strict(),
    signataires: z.array(z.object({ nom: nonEmpty, qualite: text.default('') }).strict()).max(2_000),
    mode: z.enum(['redaction', 'relecture', 'exercice']).default('redaction'),
  })
  .strict();

export type NewProjectMeta = z.input<typeof NewProjectMetaSchema>;
export type ProjectMeta = z.output<typeof NewProjectMetaSchema> & { createdAt: string; updatedAt: string };

export const SectionChangeSchema = z.union([
  z
    .object({
      id: nonEmpty.max(200),
      position: z.number().int().min(0).max(100_000).optional(),
      title: text.optional(),
      content: z.string().max(MAX_CONTENT).optional(),
    })
    .strict(),
  z.object({ id: nonEmpty.max(200), deleted: z.literal(true) }).strict(),
]);
export type SectionChange = z.infer<typeof SectionChangeSchema>;

const count = z.number().int().min(0).max(100_000);

/** A check report as the renderer computed it (stored as is; shape checked, sizes bounded). */
export const CheckReportSchema = z
  .object({
    referentiel: z.object({ id: nonEmpty, version: nonEmpty }).strict(),
    summary: z.object({ covered: count, partial: count, missing: count }).strict(),
    requirements: z
      .array(
        z
          .object({
            id: nonEmpty.max(100),
            status: z.enum(['covered', 'partial', 'missing']),
            reason: text,
            evidence: z.array(z.object({ text, blockId: text, start: count.max(100_000_000), end: count.max(100_000_000), headingPath: z.array(text).max(20) }).passthrough()).max(20),
          })
          .passthrough(),
      )
      .max(5_000),
  })
  .strict();

export interface Section {
  id: string;
  position: number;
  title: string;
  /** Lexical editor state, serialised (JSON). */
  content: string;
  updatedAt: string;
}

export interface OpenedProject {
  path: string;
  meta: ProjectMeta;
  sections: Section[];
  report: CheckReport | null;
}

export interface SnapshotInfo {
  id: number;
  createdAt: string;
  label: string | null;
  reason: 'auto' | 'manuel' | 'avant-restauration';
  sizeBytes: number;
}

/** The formats « Exporter… » writes. */
export const EXPORT_FORMATS = ['docx', 'odt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What `export:run` answers: the file written, its size, and how many `obligatoire` requirements it still lacks. */
export interface ExportDone {
  path: string;
  format: ExportFormat;
  sizeBytes: number;
  missingObligatoires: number;
}

/** The reviewer's verdict on one requirement (review mode). */
export const VERDICTS = ['conforme', 'a-completer', 'non-conforme', 'sans-objet'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Where a comment is anchored: a passage of a section (block id from the checker's document, offsets in its text). */
export const AnchorSchema = z
  .object({
    sectionId: nonEmpty.max(200),
    blockId: text.max(200),
    start: count.max(100_000_000),
    end: count.max(100_000_000),
    /** The passage as it read when the comment was made (for re-anchoring after edits). */
    quote: text,
  })
  .strict();
export type Anchor = z.infer<typeof AnchorSchema>;

/** Who reviews: recorded with every verdict and comment. */
export const ReviewerSchema = z.object({ nom: nonEmpty.max(200), qualite: text.max(300).default('') }).strict();
export type Reviewer = z.output<typeof ReviewerSchema>;

export interface VerdictRecord {
  requirementId: string;
  verdict: Verdict | null;
  comment: string;
  /** The automatic status when the verdict was recorded (the report shows both). */
  automaticStatus: 'covered' | 'partial' | 'missing' | null;
  reviewer: Reviewer;
  at: string;
}

export interface CommentRecord {
  id: string;
  /** A comment on a requirement, on a passage, or both. */
  requirementId: string | null;
  anchor: Anchor | null;
  text: string;
  reviewer: Reviewer;
  at: string;
}

/** Everything the reviewer recorded in the open project. */
export interface ReviewState {
  reviewer: Reviewer | null;
  verdicts: VerdictRecord[];
  comments: CommentRecord[];
  /** The reviewer's overall opinion for the report (« avis général »). */
  opinion: string;
  /** The file the review started from (kept byte for byte in the project), if any. */
  original: { name: string; sha256: string; sizeBytes: number; importedAt: string } | null;
}

/** A long task running in the host (import): what the progress bar shows. */
export interface TaskProgress {
  label: string;
  done: number;
  total: number;
}

/** What merging a review package into the author's project did; conflicts are listed, never dropped. */
export interface PackageMerge {
  verdictsAdded: number;
  commentsAdded: number;
  /** Comments whose passage changed since the review: kept, attached to their requirement or section, and listed. */
  conflicts: { commentId: string; quote: string; why: string }[];
}

export interface RecentFile {
  path: string;
  territoire: string;
  openedAt: string;
}

/** Argument schemas, channel by channel. `z.void()` channels take no argument. */
export const CHANNELS = {
  'project:create': z.object({ path, meta: NewProjectMetaSchema }).strict(),
  'project:open': z.object({ path }).strict(),
  'project:openDemo': z.void(),
  'project:saveSections': z.object({ changes: z.array(SectionChangeSchema).min(1).max(1_000) }).strict(),
  // `mode` without its default here: a patch that does not name it must not reset it to « redaction ».
  'project:updateMeta': NewProjectMetaSchema.extend({ mode: z.enum(['redaction', 'relecture', 'exercice']) }).partial().strict(),
  'project:saveReport': z.object({ report: CheckReportSchema }).strict(),
  'project:snapshot': z.object({ label: text.optional() }).strict(),
  'project:listSnapshots': z.void(),
  'project:restoreSnapshot': z.object({ id: z.number().int().positive() }).strict(),
  'project:saveAs': z.object({ path, overwrite: z.boolean().optional() }).strict(),
  'project:close': z.void(),
  'recent:list': z.void(),
  'dialog:saveProject': z.object({ suggestedName: text }).strict(),
  'dialog:openProject': z.void(),
  'dialog:saveExport': z.object({ suggestedName: text, format: z.enum(EXPORT_FORMATS) }).strict(),
  // No `overwrite` here: an existing file is replaced only when the save dialog answered that very path.
  'export:run': z.object({ path, format: z.enum(EXPORT_FORMATS), grille: z.boolean() }).strict(),
  // Review mode (issue 5). The received file is read, checked and stored (byte for byte) in a new project.
  'dialog:openContractFile': z.void(),
  'review:import': z.object({ sourcePath: path, projectPath: path }).strict(),
  'task:progress': z.void(),
  'task:cancel': z.void(),
  'review:load': z.void(),
  'review:setReviewer': ReviewerSchema,
  'review:setVerdict': z
    .object({
      requirementId: nonEmpty.max(100),
      verdict: z.enum(VERDICTS).nullable(),
      comment: text,
      automaticStatus: z.enum(['covered', 'partial', 'missing']).nullable(),
    })
    .strict(),
  'review:addComment': z.object({ requirementId: nonEmpty.max(100).nullable(), anchor: AnchorSchema.nullable(), text: nonEmpty }).strict(),
  'review:deleteComment': z.object({ id: nonEmpty.max(100) }).strict(),
  'review:setOpinion': z.object({ opinion: text }).strict(),
  'review:exportReport': z.object({ path, format: z.enum(EXPORT_FORMATS) }).strict(),
  'dialog:saveReviewPackage': z.object({ suggestedName: text }).strict(),
  'review:exportPackage': z.object({ path }).strict(),
  'dialog:openReviewPackage': z.void(),
  'review:importPackage': z.object({ path }).strict(),
  // Training (issue 6): the référentiel (or a filtered part) as a DOCX handout.
  'export:referentiel': z
    .object({
      path,
      packId: nonEmpty.max(200),
      requirementIds: z.array(nonEmpty.max(100)).max(5_000).optional(),
      title: text.optional(),
    })
    .strict(),
} as const;

export type Channel = keyof typeof CHANNELS;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[];

/** What each channel answers. */
export interface Results {
  'project:create': Result<OpenedProject>;
  'project:open': Result<OpenedProject>;
  'project:openDemo': Result<OpenedProject>;
  'project:saveSections': Result<{ savedAt: string }>;
  'project:updateMeta': Result<ProjectMeta>;
  'project:saveReport': Result<{ createdAt: string }>;
  'project:snapshot': Result<SnapshotInfo>;
  'project:listSnapshots': Result<SnapshotInfo[]>;
  'project:restoreSnapshot': Result<OpenedProject>;
  'project:saveAs': Result<{ path: string }>;
  'project:close': Result<null>;
  'recent:list': Result<RecentFile[]>;
  'dialog:saveProject': Result<{ path: string } | null>;
  'dialog:openProject': Result<{ path: string } | null>;
  'dialog:saveExport': Result<{ path: string } | null>;
  'export:run': Result<ExportDone>;
  'dialog:openContractFile': Result<{ path: string } | null>;
  /** `warnings`: what the reader noticed in the received file (headings guessed from bold text…), in French. */
  'review:import': Result<OpenedProject & { warnings?: string[] }>;
  'task:progress': Result<TaskProgress | null>;
  'task:cancel': Result<null>;
  'review:load': Result<ReviewState>;
  'review:setReviewer': Result<Reviewer>;
  'review:setVerdict': Result<VerdictRecord>;
  'review:addComment': Result<CommentRecord>;
  'review:deleteComment': Result<null>;
  'review:setOpinion': Result<null>;
  'review:exportReport': Result<{ path: string; format: ExportFormat; sizeBytes: number }>;
  'dialog:saveReviewPackage': Result<{ path: string } | null>;
  'review:exportPackage': Result<{ path: string; sizeBytes: number }>;
  'dialog:openReviewPackage': Result<{ path: string } | null>;
  'review:importPackage': Result<PackageMerge & { project: OpenedProject }>;
  'export:referentiel': Result<{ path: string; sizeBytes: number; requirements: number }>;
}

// Compile-time check that the two maps list the same channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelsAgree: Same<Channel, keyof Results> = true;
void channelsAgree;

export type Args<C extends Channel> = z.input<(typeof CHANNELS)[C]>;

/**
 * Application-menu commands the renderer carries out (the desktop host sends each on the `menu:<action>`
 * channel). `openPath` carries the file to open (recent file, command line, double-click); `windowClosing`
 * asks the renderer to flush its pending edits and answer with `project:close` before the window closes.
 */
export const MENU_ACTIONS = [
  'new',
  'open',
  'openDemo',
  'openPath',
  'close',
  'snapshot',
  'versions',
  'saveAs',
  'export',
  'find',
  'toggleChecklist',
  'review',
  'referentiel',
  'tour',
  'windowClosing',
] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];
export interface MenuMessage {
  action: MenuAction;
  /** For `openPath`. */
  path?: string;
}

/** The bridge the preload exposes as `window.pilier` (and the test host binds to the same services). */
export interface Bridge {
  invoke<C extends Channel>(channel: C, ...args: Args<C> extends void ? [] : [Args<C>]): Promise<Results[C]>;
}

/** The desktop host's bridge adds the application menu (the test host has none). */
export interface DesktopBridge extends Bridge {
  /** Listens to menu commands (those sent before the first listener are kept for it); returns the unsubscribe function. */
  onMenu(listener: (message: MenuMessage) => void): () => void;
}

/**
 * Parses a channel's argument. Returns the parsed value, or a French message naming the channel and the
 * problem (the host answers `{ ok: false, error }` without calling the service).
 */
export function parseArgs<C extends Channel>(channel: C, arg: unknown): { ok: true; value: z.output<(typeof CHANNELS)[C]> } | { ok: false; error: string } {
  const schema = CHANNELS[channel];
  const parsed = schema.safeParse(arg);
  if (parsed.success) return { ok: true, value: parsed.data as z.output<(typeof CHANNELS)[C]> };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (champ ${issue.path.join('.')})` : '';
  return { ok: false, error: `Demande refusée : argument invalide pour « ${channel} »${where}.` };
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CHANNELS, name);
}
