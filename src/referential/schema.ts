import { z } from 'zod';

/**
 * The shape of a référentiel pack (`seeds/referentiel-*.json`): the requirements a contrat de ville is
 * checked against, each traced to its source text, with the vocabulary that counts as evidence.
 * Packs are data: adding a circular's pack needs no code change (design.md §5.9).
 */

export const PACK_SCHEMA_VERSION = 1;

/** What the contract must show for the requirement. */
export const KINDS = ['volet', 'signataire', 'partenaire', 'action', 'cible'] as const;
export type Kind = (typeof KINDS)[number];

/** How binding the requirement is. */
export const LEVELS = ['obligatoire', 'attendu', 'recommandé'] as const;
export type Level = (typeof LEVELS)[number];

const nonEmpty = z.string().trim().min(1);

export const TargetSchema = z
  .object({
    /** The national figure, e.g. 25 for « 25 % ». */
    value: z.number(),
    /** `%`, `postes`, `structures`, `x` (multiplier)… */
    unit: nonEmpty,
    /** What the figure measures, in French (« part des jeunes des QPV parmi les bénéficiaires »). */
    measure: nonEmpty,
    deadline: z.string().optional(),
    baseline: z.string().optional(),
    /** `min`: a local figure at least this high meets it; `max`: at most (e.g. a reduction). */
    direction: z.enum(['min', 'max']).default('min'),
  })
  .strict();

export const FormerNameSchema = z
  .object({
    /** The name a text of another period may use (« Pôle emploi »). */
    term: nonEmpty,
    /** The current name (« France Travail »). */
    current: nonEmpty,
    since: z.string().optional(),
  })
  .strict();

export const AmbiguousSchema = z
  .object({
    /** An acronym or phrase with several meanings (« CLS »). */
    term: nonEmpty,
    /** It counts for this requirement only when one of these words is in the same block or its headings. */
    requireAny: z.array(nonEmpty).min(1),
  })
  .strict();

export const EvidenceSchema = z
  .object({
    /** Phrases (any case, accents optional, inflections tolerated) that show the requirement's subject. */
    phrases: z.array(nonEmpty).default([]),
    /** Acronyms, matched on the capitalised form only, dots optional (« C.L.S.P.D. » = « CLSPD »). */
    acronyms: z.array(nonEmpty).default([]),
    /** Older names still met in texts; each also counts as evidence. */
    formerNames: z.array(FormerNameSchema).default([]),
    /** Phrases that, in a heading, make a dedicated section (volets, piliers, annexes). */
    headings: z.array(nonEmpty).default([]),
    /** Sub-theme headings: for a pilier, two such sections with content make it present. */
    themes: z.array(nonEmpty).default([]),
    /** Terms that count only in the right context. */
    ambiguous: z.array(AmbiguousSchema).default([]),
    /** Cues that do not count as evidence here (shown to trainers; also matched by the checker). */
    doesNotCount: z.array(nonEmpty).default([]),
  })
  .strict();

export const RequirementSchema = z
  .object({
    id: z.string().regex(/^[A-Z]{2,5}(-[A-Za-z0-9]+)+$/, 'identifiant attendu du type « FEM-1a »'),
    parent: z.string().optional(),
    /** `annexe`: a bullet of the annex; `cadre`: a structural requirement of the law or the circulars. */
    origin: z.enum(['annexe', 'cadre']),
    /** Convention id for annex bullets (`SPO`, `SAN`…). */
    convention: z.string().optional(),
    title: nonEmpty,
    /** Verbatim annex text of the bullet, or the legal text for a structural requirement. */
    source: nonEmpty,
    /** Citation of the legal basis (« Loi n° 2014-173, art. 7 »). */
    legalBasis: nonEmpty,
    /**
     * What `source` holds: the text itself (`verbatim`, the default: an annex bullet, an article), quoted excerpts
     * joined by a summary (`extraits`), or a summary of the cited text (`paraphrase`).
     */
    sourceForm: z.enum(['verbatim', 'extraits', 'paraphrase']).optional(),
    kind: z.enum(KINDS),
    /**
     * How a volet shows: `section` (a dedicated heading or labelled paragraph with content, the default) or
     * `mention` (a clause or an annex: a local statement such as « la CIA est annexée au présent contrat »).
     */
    presence: z.enum(['section', 'mention']).optional(),
    level: z.enum(LEVELS),
    /** One line, from the source wording, on why this level. */
    levelReason: nonEmpty,
    /** Pilier or axe id (see `axes`). */
    axis: nonEmpty,
    target: TargetSchema.optional(),
    evidence: EvidenceSchema,
    /** One wording that counts and one that does not, for trainers. */
    examples: z
      .object({ compliant: nonEmpty, notCounting: nonEmpty })
      .strict()
      .optional(),
  })
  .strict();

export const ConventionSchema = z
  .object({
    id: z.string().regex(/^[A-Z]{2,5}$/),
    ministry: nonEmpty,
    date: nonEmpty,
    dateNote: z.string().optional(),
  })
  .strict();

export const AxisSchema = z
  .object({
    id: nonEmpty,
    label: nonEmpty,
    group: z.enum(['pilier', 'stratégie', 'axe transversal', 'gouvernance', 'signataires', 'annexes', 'autre']),
  })
  .strict();

export const PackSchema = z
  .object({
    schemaVersion: z.literal(PACK_SCHEMA_VERSION),
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    title: nonEmpty,
    source: nonEmpty,
    date: nonEmpty,
    /** For readers of the pack: what its `source` fields quote and how far they were verified. */
    note: z.string().optional(),
    conventions: z.array(ConventionSchema),
    axes: z.array(AxisSchema).min(1),
    requirements: z.array(RequirementSchema).min(1),
  })
  .strict();

export type Target = z.infer<typeof TargetSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type Requirement = z.infer<typeof RequirementSchema>;
export type Convention = z.infer<typeof ConventionSchema>;
export type Axis = z.infer<typeof AxisSchema>;
export type Referentiel = z.infer<typeof PackSchema>;
