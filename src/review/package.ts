import { Gunzip, gzipSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { AnchorSchema, ReviewerSchema, VERDICTS, type CommentRecord, type ReviewState, type VerdictRecord } from '../api/contract';

/**
 * The review package (`.pilier-relecture`): what a reviewer sends back so the author can see the verdicts and
 * comments beside their own draft. One gzipped JSON document with a `schemaVersion`, validated with zod on read;
 * plain (not gzipped) JSON is read too, for a package someone opened and saved by hand.
 */

export const PACKAGE_EXTENSION = '.pilier-relecture';
export const PACKAGE_FORMAT = 'pilier-relecture';
export const PACKAGE_SCHEMA_VERSION = 1;

const MB = 1024 * 1024;
/** Larger package files are refused before anything is read. */
export const MAX_PACKAGE_BYTES = 20 * MB;
/** A package that would inflate past this is refused while inflating (gzip bomb). */
export const MAX_PACKAGE_JSON_BYTES = 100 * MB;

const text = z.string().max(10_000);
const id = z.string().min(1).max(100);
const iso = z.iso.datetime({ offset: true });
const STATUSES = ['covered', 'partial', 'missing'] as const;

const VerdictRecordSchema = z
  .object({
    requirementId: id,
    verdict: z.enum(VERDICTS).nullable(),
    comment: text,
    automaticStatus: z.enum(STATUSES).nullable(),
    reviewer: ReviewerSchema,
    at: iso,
  })
  .strict();

const CommentRecordSchema = z
  .object({ id, requirementId: id.nullable(), anchor: AnchorSchema.nullable(), text, reviewer: ReviewerSchema, at: iso })
  .strict();

export const ReviewPackageSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    schemaVersion: z.literal(PACKAGE_SCHEMA_VERSION),
    createdAt: iso,
    referentiel: z.object({ id: z.string().min(1).max(200), version: z.string().min(1).max(200) }).strict(),
    territoire: text,
    /** The file the review was made on: its name and fingerprint, so the author can tell which version was read. */
    original: z.object({ name: text, sha256: z.string().regex(/^[0-9a-f]{64}$/), sizeBytes: z.number().int().min(0), importedAt: iso }).strict().nullable(),
    reviewer: ReviewerSchema.nullable(),
    opinion: text,
    verdicts: z.array(VerdictRecordSchema).max(5_000),
    comments: z.array(CommentRecordSchema).max(20_000),
  })
  .strict();

export type ReviewPackage = z.output<typeof ReviewPackageSchema>;

/** The package of a review project's state. */
export function packageOf(
  state: ReviewState,
  context: { createdAt: string; referentiel: { id: string; version: string }; territoire: string },
): ReviewPackage {
  return {
    format: PACKAGE_FORMAT,
    schemaVersion: PACKAGE_SCHEMA_VERSION,
    createdAt: context.createdAt,
    referentiel: context.referentiel,
    territoire: context.territoire,
    original: state.original,
    reviewer: state.reviewer,
    opinion: state.opinion,
    verdicts: state.verdicts.map((v: VerdictRecord) => ({ ...v })),
    comments: state.comments.map((c: CommentRecord) => ({ ...c })),
  };
}

/** The package's bytes: gzipped JSON, with a fixed gzip time (no clock inside). */
export function writePackage(pack: ReviewPackage): Uint8Array {
  return gzipSync(strToU8(JSON.stringify(pack)), { level: 6, mtime: 0 });
}

type Read = { ok: true; value: ReviewPackage } | { ok: false; error: string };

const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

class TooLarge extends Error {}

/** Inflates with a ceiling, chunk by chunk, so a small file cannot fill the memory. */
function gunzipBounded(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > MAX_PACKAGE_JSON_BYTES) throw new TooLarge();
    chunks.push(chunk);
  });
  inflater.push(bytes, true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads a package's bytes, or says in French what is wrong with the file. */
export function readPackage(bytes: Uint8Array, fileName: string): Read {
  const refuse = (why: string): Read => ({ ok: false, error: `Le fichier ${fileName} ${why} : rien n’a été importé.` });
  if (bytes.length === 0) return refuse('est vide (0 octet)');
  if (bytes.length > MAX_PACKAGE_BYTES) return refuse('est trop volumineux pour être une relecture Pilier (plus de 20\u00a0Mo)');
  let json: string;
  try {
    json = strFromU8(isGzip(bytes) ? gunzipBounded(bytes) : bytes);
  } catch (error) {
    if (error instanceof TooLarge) return refuse('se décompresse en plus de 100\u00a0Mo : ce n’est pas une relecture Pilier ordinaire');
    return refuse('est endommagé (compression illisible)');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return refuse(`n’est pas une relecture Pilier (${PACKAGE_EXTENSION}) : son contenu est illisible`);
  }
  const head = value && typeof value === 'object' ? (value as { format?: unknown; schemaVersion?: unknown }) : {};
  if (head.format !== PACKAGE_FORMAT) return refuse(`n’est pas une relecture Pilier (${PACKAGE_EXTENSION})`);
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > PACKAGE_SCHEMA_VERSION) {
    return refuse('a été créé par une version plus récente de Pilier : mettez Pilier à jour pour l’importer');
  }
  const parsed = ReviewPackageSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (champ ${issue.path.join('.')})` : '';
    return refuse(`est une relecture Pilier endommagée ou incomplète${where}`);
  }
  return { ok: true, value: parsed.data };
}
