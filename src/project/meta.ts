import { z } from 'zod';
import type { Section } from '../api/contract';

/**
 * The data a `.pilier` file holds, validated on the way in (from the app) and on the way out (from the
 * disk): a project file is input like any other (design.md §5.3).
 */

/** Any text of the metadata (territoire, a commune, a section title, a snapshot label…). */
export const MAX_META_CHARS = 10_000;
/** One section's Lexical JSON, in UTF-8 bytes. */
export const MAX_SECTION_BYTES = 20 * 1024 * 1024;
/** Lists of the metadata (communes, QPV, signataires). */
export const MAX_LIST_ITEMS = 2_000;

const text = z.string().max(MAX_META_CHARS);
const nonEmpty = text.trim().min(1);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_LIST_ITEMS);
/** `2024`, `2024-01` or `2024-01-01`: contracts often state years only. */
const periodDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const isoTimestamp = z.iso.datetime();

/** `exercice`: a training copy, opened read-only with the checklist hidden (issue 6). */
export const MODES = ['redaction', 'relecture', 'exercice'] as const;
export type Mode = (typeof MODES)[number];

const metaFields = {
  territoire: nonEmpty,
  epci: text,
  communes: list(nonEmpty),
  qpv: list(z.object({ nom: nonEmpty, code: text }).strict()),
  periode: z
    .object({ debut: periodDate, fin: periodDate })
    .strict()
    .refine((p) => p.fin >= p.debut, { message: 'la fin précède le début', path: ['fin'] }),
  referentiel: z.object({ id: nonEmpty, version: nonEmpty }).strict(),
  signataires: list(z.object({ nom: nonEmpty, qualite: text.default('') }).strict()),
  mode: z.enum(MODES).default('redaction'),
};

/** What the « Nouveau contrat » form gives: the metadata without its timestamps. */
export const NewProjectMetaSchema = z.object(metaFields).strict();
/** The stored metadata. */
export const ProjectMetaSchema = z.object({ ...metaFields, createdAt: isoTimestamp, updatedAt: isoTimestamp }).strict();

export type NewProjectMeta = z.input<typeof NewProjectMetaSchema>;
export type ProjectMeta = z.output<typeof ProjectMetaSchema>;
export type MetaPatch = Partial<NewProjectMeta>;

/** A section as stored: `content` is the Lexical editor state, serialised (the contract's type). */
export type { Section };

export type NewSection = Omit<Section, 'updatedAt'>;

/** One autosaved change. A new section needs `content`; an existing one keeps what is not given. */
export type SectionChange =
  | { id: string; position?: number; title?: string; content?: string }
  | { id: string; deleted: true };

export function isDeletion(change: SectionChange): change is { id: string; deleted: true } {
  return 'deleted' in change && change.deleted === true;
}

const FIELD_LABELS: Record<string, string> = {
  territoire: 'territoire',
  epci: 'EPCI',
  communes: 'communes',
  qpv: 'QPV',
  nom: 'nom',
  code: 'code',
  periode: 'période',
  debut: 'début',
  fin: 'fin',
  referentiel: 'référentiel',
  id: 'identifiant',
  version: 'version',
  signataires: 'signataires',
  qualite: 'qualité',
  mode: 'mode',
  createdAt: 'date de création',
  updatedAt: 'date de modification',
};

function describeField(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key) => (typeof key === 'number' ? `n° ${key + 1}` : (FIELD_LABELS[String(key)] ?? String(key))))
    .join(', ');
}

const thousands = (n: number) => n.toLocaleString('fr-FR').replace(/\s/g, '\u202f');

/** One French phrase for the first problem zod found: « le champ territoire fait 1 000 000 caractères… ». */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'contenu invalide';
  const field = describeField(issue.path);
  const where = field ? `le champ « ${field} »` : 'les métadonnées';
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? `${where} dépasse la limite de ${thousands(Number(issue.maximum))} caractères`
        : `${where} dépasse la limite de ${thousands(Number(issue.maximum))} éléments`;
    case 'too_small':
      return `${where} est vide`;
    case 'invalid_type':
      return `${where} est absent ou d’un type inattendu`;
    case 'unrecognized_keys':
      return `${where} contient un champ inconnu (${issue.keys.join(', ')})`;
    case 'invalid_value':
      return `${where} a une valeur inattendue`;
    case 'invalid_format':
      return `${where} n’est pas au format attendu`;
    default:
      return `${where} : ${issue.message}`;
  }
}

/** Validates a section change from the app; `undefined` when it is acceptable. */
export function sectionChangeProblem(change: SectionChange): string | undefined {
  if (typeof change.id !== 'string' || change.id.length === 0 || change.id.length > 200) {
    return 'une section a un identifiant vide ou trop long';
  }
  if (isDeletion(change)) return undefined;
  const label = `la section « ${change.id} »`;
  if (change.position !== undefined && (!Number.isSafeInteger(change.position) || change.position < 0)) {
    return `${label} a une position invalide`;
  }
  if (change.title !== undefined && (typeof change.title !== 'string' || change.title.length > MAX_META_CHARS)) {
    return `le titre de ${label} dépasse la limite de ${thousands(MAX_META_CHARS)} caractères`;
  }
  if (change.content !== undefined) return contentProblem(label, change.content);
  return undefined;
}

function contentProblem(label: string, content: unknown): string | undefined {
  if (typeof content !== 'string') return `le contenu de ${label} n’est pas du texte`;
  // A UTF-16 length above the limit is always above it in UTF-8; only count bytes when it could matter.
  const bytes = content.length > MAX_SECTION_BYTES ? content.length : Buffer.byteLength(content, 'utf8');
  if (bytes > MAX_SECTION_BYTES) return `le contenu de ${label} dépasse la limite de 20 Mo`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return `le contenu de ${label} n’est pas un état d’éditeur valide (JSON illisible)`;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return `le contenu de ${label} n’est pas un état d’éditeur valide`;
  }
  return undefined;
}

/** The JSON kept in a snapshot: everything needed to put the project back as it was. */
export const SnapshotDataSchema = z
  .object({
    format: z.literal(1),
    meta: ProjectMetaSchema,
    sections: z.array(
      z.object({ id: z.string().min(1), position: z.number().int().min(0), title: z.string(), content: z.string() }).strict(),
    ),
  })
  .strict();

export type SnapshotData = z.output<typeof SnapshotDataSchema>;
