import { z } from 'zod';

/**
 * The shape of a contract template (`templates/*.json`): the sections a new contract starts with, in order,
 * each with the requirements of the référentiel it serves, the guidance shown beside the text (never exported
 * as content) and the placeholder written in its empty body. Templates are data (design.md §5.9).
 */

export const TEMPLATE_SCHEMA_VERSION = 1;

const nonEmpty = z.string().trim().min(1);
const requirementId = z.string().regex(/^[A-Z]{2,5}(-[A-Za-z0-9]+)+$/, 'identifiant d’exigence attendu du type « FEM-1a »');

/**
 * A paragraph or list the skeleton writes from the project's metadata. Variables between braces:
 * `{territoire}`, `{epci}`, `{communes}` (« la commune de A », « les communes de A, B et C »), `{quartiers}`
 * (« trois quartiers prioritaires »), `{periode}` (« 2015-2020 »), `{duree}` (« six ans »); in `qpv-list` items,
 * `{nom}` and `{code}`. Text between « [À compléter : … ] » becomes a placeholder node.
 */
export const PrefillSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: nonEmpty }).strict(),
  z.object({ type: z.literal('qpv-list'), item: nonEmpty, itemWithoutCode: nonEmpty }).strict(),
]);

export interface TemplateSection {
  /** Stable slug, unique in the template (`pilier-cohesion-sociale`, `cs-sante`). */
  id: string;
  title: string;
  /** Ids of the référentiel requirements this section serves. */
  requirements: string[];
  /** What to write, from the annex and the law (French); shown beside the text, never exported as content. */
  guidance: string;
  /** Inner text of the « [À compléter : …] » placeholder written in the empty body. */
  placeholder: string;
  /** Text written from the project's metadata before the placeholder. */
  prefill?: z.infer<typeof PrefillSchema>[];
  /** The section holds the signature table. */
  signatureTable?: boolean;
  /** Sub-sections: `h2` headings inside a top-level section's content, `h3` below them. */
  children?: TemplateSection[];
}

export const TemplateSectionSchema: z.ZodType<TemplateSection> = z.lazy(() =>
  z
    .object({
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'identifiant attendu en minuscules et tirets (« cs-sante »)'),
      title: nonEmpty,
      requirements: z.array(requirementId),
      guidance: nonEmpty,
      placeholder: nonEmpty.refine((t) => !/[[\]]/.test(t), 'sans crochets : le modèle ajoute « [À compléter : … ] » lui-même'),
      prefill: z.array(PrefillSchema).optional(),
      signatureTable: z.boolean().optional(),
      children: z.array(TemplateSectionSchema).optional(),
    })
    .strict(),
);

/** One row of the signature table, for a `signataire` requirement of the référentiel. */
export const SignatorySchema = z
  .object({
    requirement: requirementId,
    /**
     * Name of the institution; the variables of prefilled text are replaced and, with `perCommune`, `{commune}`
     * and `{deCommune}` (« de Brévanne », « d’Arles »).
     */
    institution: nonEmpty,
    /** Who signs for it (« Le préfet de [À compléter : département] »). */
    representedBy: nonEmpty,
    /** One row per commune of the project (the maires). */
    perCommune: z.boolean().optional(),
  })
  .strict();

export const TemplateSchema = z
  .object({
    schemaVersion: z.literal(TEMPLATE_SCHEMA_VERSION),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    title: nonEmpty,
    description: nonEmpty,
    /** Id of the référentiel pack whose requirement ids the sections cite. */
    referentiel: nonEmpty,
    sections: z.array(TemplateSectionSchema).min(1),
    signatories: z.array(SignatorySchema),
  })
  .strict();

export type Prefill = z.infer<typeof PrefillSchema>;
export type Signatory = z.infer<typeof SignatorySchema>;
export type Template = z.infer<typeof TemplateSchema>;
