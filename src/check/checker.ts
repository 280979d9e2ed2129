import type { Block, ContractDocument } from '../document/model';
import type { Kind, Referentiel } from '../referential/schema';
import { analyzeBlock, type BlockAnalysis } from './analyze';
import { compilePack, type CompiledPack } from './compile';
import { collectMentions, evidenceOf, type CheckInput, type Mention } from './evidence';
import { layoutOf } from './layout';
import type { CheckReport, RequirementResult, Status } from './report';
import { evaluateAction, evaluateCible, evaluatePartenaire, evaluateSignataire, evaluateVolet, type Verdict } from './rules';

const MAX_EVIDENCE = 5;

type Rule = (input: CheckInput, r: CompiledPack['pack']['requirements'][number], ms: Mention[]) => Verdict;

const RULES: Record<Kind, Rule> = {
  volet: evaluateVolet,
  signataire: evaluateSignataire,
  partenaire: evaluatePartenaire,
  action: evaluateAction,
  cible: evaluateCible,
};

/**
 * A checker bound to one référentiel. It remembers each block's analysis by id and text, so checking the
 * same document again after an edit re-analyses only the blocks that changed; the per-requirement verdicts
 * are then recomputed from the cached analyses (cheap).
 */
export class Checker {
  private readonly compiled: CompiledPack;
  private cache = new Map<string, { text: string; placeholder: boolean; analysis: BlockAnalysis }>();

  constructor(pack: Referentiel) {
    this.compiled = compilePack(pack);
  }

  /** Number of blocks analysed by the last call (for tests and benchmarks). */
  lastAnalysed = 0;

  check(document: ContractDocument): CheckReport {
    const next = new Map<string, { text: string; placeholder: boolean; analysis: BlockAnalysis }>();
    let analysed = 0;
    const analyses = document.blocks.map((b: Block) => {
      const placeholder = b.placeholder === true;
      const known = this.cache.get(b.id);
      if (known && known.text === b.text && known.placeholder === placeholder) {
        next.set(b.id, known);
        return known.analysis;
      }
      analysed++;
      const entry = { text: b.text, placeholder, analysis: analyzeBlock(b.text, this.compiled, placeholder) };
      next.set(b.id, entry);
      return entry.analysis;
    });
    this.cache = next;
    this.lastAnalysed = analysed;
    return this.report({ blocks: document.blocks, analyses, layout: layoutOf(document.blocks, analyses), compiled: this.compiled });
  }

  private report(input: CheckInput): CheckReport {
    const pack = this.compiled.pack;
    const mentions = collectMentions(input);
    const summary: Record<Status, number> = { covered: 0, partial: 0, missing: 0 };
    const requirements = pack.requirements.map((r, i): RequirementResult => {
      const verdict = RULES[r.kind](input, r, mentions[i]!);
      summary[verdict.status]++;
      const seen = new Set<string>();
      const evidence = [];
      for (const m of verdict.basis) {
        const e = evidenceOf(input, m);
        const key = `${e.blockId}:${e.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        evidence.push(e);
        if (evidence.length >= MAX_EVIDENCE) break;
      }
      return {
        id: r.id,
        title: r.title,
        kind: r.kind,
        level: r.level,
        axis: r.axis,
        source: r.source,
        status: verdict.status,
        confidence: verdict.confidence,
        reason: verdict.reason,
        evidence,
        ...(verdict.figure ? { figure: verdict.figure } : {}),
      };
    });
    return { referentiel: { id: pack.id, version: pack.version }, summary, requirements };
  }
}

/**
 * Checks a document against a référentiel: for every requirement, covered / partial / missing, with a
 * French reason and the passages that support it.
 * @see seeds/referentiel-annexe-1-2014.json for the requirements and their evidence vocabulary.
 */
export function check(document: ContractDocument, pack: Referentiel): CheckReport {
  return new Checker(pack).check(document);
}
