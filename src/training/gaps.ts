import { z } from 'zod';

/**
 * The deliberate gaps of the demo contract (`seeds/demo/contrat-demo.gaps.json`): for each, the checker's expected
 * status and the explanation a trainer gives when the exercise is corrected. Data, validated on load.
 */

const nonEmpty = z.string().trim().min(1);

export const DemoGapSchema = z
  .object({
    status: z.enum(['missing', 'partial']),
    /** The sort of gap (« volet différé », « signataire manquant »…). */
    kind: nonEmpty,
    where: nonEmpty,
    explanation: nonEmpty,
  })
  .strict();

const DemoGapsSchema = z
  .object({
    draft: nonEmpty,
    description: nonEmpty,
    gaps: z.record(z.string(), DemoGapSchema),
    labels: z.record(z.string(), z.enum(['covered', 'partial', 'missing'])),
  })
  .strict();

export type DemoGap = z.infer<typeof DemoGapSchema>;
export interface DemoGaps {
  description: string;
  gaps: Record<string, DemoGap>;
}

export function parseDemoGaps(text: string, fileName: string): { ok: true; value: DemoGaps } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Le fichier ${fileName} n’est pas du JSON valide (${(e as Error).message}).` };
  }
  const parsed = DemoGapsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `Le fichier ${fileName} est invalide (champ ${issue?.path.join('.') || 'racine'} : ${issue?.message ?? 'contenu invalide'}).` };
  }
  return { ok: true, value: { description: parsed.data.description, gaps: parsed.data.gaps } };
}
