import type { Block, ContractDocument } from '../document/model';
import type { Kind, Referentiel, Requirement } from '../referential/schema';
import { analyzeBlock, type BlockAnalysis } from './analyze';
import { compilePack, type CompiledPack } from './compile';
import { collectMentions, evidenceOf, mentionsOfBlock, type CheckInput, type Mention } from './evidence';
import { layoutOf, updateLayout, type Layout } from './layout';
import type { CheckReport, Evidence, RequirementResult, Status } from './report';
import { evaluateAction, evaluateCible, evaluatePartenaire, evaluateSignataire, evaluateVolet, type Verdict } from './rules';

const MAX_EVIDENCE = 5;

type Rule = (input: CheckInput, r: Requirement, ms: Mention[]) => Verdict;

const RULES: Record<Kind, Rule> = {
  volet: evaluateVolet,
  signataire: evaluateSignataire,
  partenaire: evaluatePartenaire,
  action: evaluateAction,
  cible: evaluateCible,
};

/**
 * What the last check computed, kept to answer the next one incrementally. `analyses[i]` is always the analysis
 * of `blocks[i]`, so the state doubles as the cache of analyses by block id and text.
 */
interface State {
  blocks: Block[];
  analyses: BlockAnalysis[];
  layout: Layout;
  byReq: Mention[][];
  /** Requirement indices mentioned in each block: built by the first incremental check that needs them. */
  reqsByBlock?: number[][];
  results: RequirementResult[];
  /** Block index by id: built when first needed (a one-off check never needs it). */
  index?: Map<string, number>;
}

function indexOf(state: State): Map<string, number> {
  if (!state.index) {
    const index = new Map<string, number>();
    state.blocks.forEach((b, i) => index.set(b.id, i));
    state.index = index;
  }
  return state.index;
}

function reqsByBlockOf(state: State): number[][] {
  if (!state.reqsByBlock) {
    const reqsByBlock: number[][] = state.blocks.map(() => []);
    state.byReq.forEach((list, req) => {
      let last = -1;
      for (const m of list) if (m.block !== last) reqsByBlock[(last = m.block)]!.push(req);
    });
    state.reqsByBlock = reqsByBlock;
  }
  return state.reqsByBlock;
}

/** The previous analysis can serve: same text, same placeholder flag. */
const sameText = (a: Block, b: Block): boolean => a.text === b.text && (a.placeholder === true) === (b.placeholder === true);

function reqsOf(mentions: Mention[]): number[] {
  return [...new Set(mentions.map((m) => m.req))];
}

/** Same blocks in the same order, same headings: only body text may differ. */
function sameStructure(a: Block[], b: Block[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.id !== y.id || x.type !== y.type || x.level !== y.level || x.listDepth !== y.listDepth) return false;
    if (x.type === 'heading' && x.text !== y.text) return false;
    if (x.table?.id !== y.table?.id || x.table?.row !== y.table?.row || x.table?.col !== y.table?.col) return false;
  }
  return true;
}

/**
 * A checker bound to one référentiel. It remembers each block's analysis by id and text, so checking the
 * same document again after an edit re-analyses only the blocks that changed. When only body text changed
 * (the case of typing), it also updates the layout in place and re-evaluates only the requirements whose
 * evidence can have moved: those mentioned in the changed blocks, in their headings, or in the label that
 * introduces them. Any other change (a heading, a block added or removed) re-evaluates every requirement.
 */
export class Checker {
  private readonly compiled: CompiledPack;
  private state: State | undefined;

  /** Blocks analysed and requirements evaluated by the last call (for tests and benchmarks). */
  lastAnalysed = 0;
  lastEvaluated = 0;

  constructor(pack: Referentiel) {
    this.compiled = compilePack(pack);
  }

  /**
   * Checks the document. `edit.changed` lists the ids of the blocks whose text changed since the last call,
   * when the caller knows it (an editor does): nothing else may have changed — no block added, removed, moved,
   * or retyped, no heading edited. The checker then skips comparing the whole document; if the hint does not
   * hold, it falls back to the full comparison.
   */
  check(document: ContractDocument, edit?: { changed: readonly string[] }): CheckReport {
    if (edit && this.state) {
      const state = this.checkChanged(this.state, document, edit.changed);
      if (state) {
        this.state = state;
        return this.reportOf(state.results);
      }
    }
    const previous = this.state;
    const analyses = this.analysesOf(document.blocks, previous);
    const state =
      previous && sameStructure(previous.blocks, document.blocks)
        ? this.incremental(previous, document.blocks, analyses)
        : undefined;
    this.state = state ?? this.full(document.blocks, analyses);
    return this.reportOf(this.state.results);
  }

  /**
   * Each block's analysis: the previous check's when the block (by id) kept its text, else a fresh one. Blocks
   * analysed now that share a text (« Signature » cells, repeated boilerplate) share one analysis: it depends on
   * the text alone.
   */
  private analysesOf(blocks: Block[], previous: State | undefined): BlockAnalysis[] {
    const sameIds = previous !== undefined && previous.blocks.length === blocks.length && blocks.every((b, i) => b.id === previous.blocks[i]!.id);
    const index = previous && !sameIds ? indexOf(previous) : undefined;
    const fresh = new Map<string, BlockAnalysis>();
    const analyses: BlockAnalysis[] = [];
    let analysed = 0;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      const k = sameIds ? i : index?.get(b.id);
      if (k !== undefined && sameText(previous!.blocks[k]!, b)) {
        analyses.push(previous!.analyses[k]!);
        continue;
      }
      analysed++;
      const placeholder = b.placeholder === true;
      let analysis = placeholder ? undefined : fresh.get(b.text);
      if (analysis === undefined) {
        analysis = analyzeBlock(b.text, this.compiled, placeholder);
        if (!placeholder) fresh.set(b.text, analysis);
      }
      analyses.push(analysis);
    }
    this.lastAnalysed = analysed;
    return analyses;
  }

  private full(blocks: Block[], analyses: BlockAnalysis[]): State {
    const layout = layoutOf(blocks, analyses);
    const input: CheckInput = { blocks, analyses, layout, compiled: this.compiled };
    const byReq = collectMentions(input);
    const results = this.compiled.pack.requirements.map((r, i) => this.evaluate(input, r, byReq[i]!));
    this.lastEvaluated = results.length;
    return { blocks, analyses, layout, byReq, results };
  }

  private checkChanged(state: State, document: ContractDocument, ids: readonly string[]): State | undefined {
    const blocks = document.blocks;
    if (blocks.length !== state.blocks.length) return undefined;
    const analyses = state.analyses.slice();
    const changed: number[] = [];
    const index = indexOf(state);
    for (const id of ids) {
      const i = index.get(id);
      if (i === undefined) return undefined;
      const b = blocks[i]!;
      const before = state.blocks[i]!;
      if (b.id !== id || b.type === 'heading' || b.type !== before.type || b.listDepth !== before.listDepth) return undefined;
      if (b.table?.id !== before.table?.id || b.table?.row !== before.table?.row || b.table?.col !== before.table?.col) return undefined;
      if (sameText(before, b)) continue;
      analyses[i] = analyzeBlock(b.text, this.compiled, b.placeholder === true);
      changed.push(i);
    }
    this.lastAnalysed = changed.length;
    return this.incremental(state, blocks, analyses, changed);
  }

  private incremental(previous: State, blocks: Block[], analyses: BlockAnalysis[], changed?: number[]): State | undefined {
    if (!changed) {
      changed = [];
      for (let i = 0; i < analyses.length; i++) if (analyses[i] !== previous.analyses[i]) changed.push(i);
    }
    const { layout } = previous;
    const affected = updateLayout(layout, blocks, previous.analyses, analyses, changed);
    if (!affected) return undefined;
    const input: CheckInput = { blocks, analyses, layout, compiled: this.compiled };
    const touched = new Set<number>();
    // Old and new mentions of the affected blocks.
    const affectedSet = new Set(affected);
    const fresh = new Map<number, Mention[]>();
    const previousReqs = reqsByBlockOf(previous);
    const reqsByBlock = previousReqs.slice();
    for (const k of affected) {
      const ms = mentionsOfBlock(input, k);
      fresh.set(k, ms);
      for (const req of previousReqs[k]!) touched.add(req);
      reqsByBlock[k] = reqsOf(ms);
      for (const req of reqsByBlock[k]!) touched.add(req);
    }
    // Requirements whose sections or labels contain a changed block.
    const holders = new Set<number>();
    for (const i of changed) {
      for (let h = layout.owner[i]!; h >= 0; h = layout.owner[h]!) holders.add(h);
      for (let k = i - 1; k > layout.owner[i]!; k--) {
        if (analyses[k]!.labelEnd >= 0) {
          holders.add(k);
          break;
        }
      }
    }
    for (const h of holders) for (const req of reqsByBlock[h]!) touched.add(req);
    const byReq = previous.byReq.slice();
    const results = previous.results.slice();
    for (const req of touched) {
      const kept = previous.byReq[req]!.filter((m) => !affectedSet.has(m.block));
      for (const ms of fresh.values()) for (const m of ms) if (m.req === req) kept.push(m);
      kept.sort((x, y) => x.block - y.block || x.hit.start - y.hit.start);
      byReq[req] = kept;
      results[req] = this.evaluate(input, this.compiled.pack.requirements[req]!, kept);
    }
    this.lastEvaluated = touched.size;
    return { blocks, analyses, layout, byReq, reqsByBlock, results, index: previous.index };
  }

  private evaluate(input: CheckInput, r: Requirement, mentions: Mention[]): RequirementResult {
    const verdict = RULES[r.kind](input, r, mentions);
    const seen = new Set<string>();
    const evidence: Evidence[] = [];
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
  }

  private reportOf(results: RequirementResult[]): CheckReport {
    const summary: Record<Status, number> = { covered: 0, partial: 0, missing: 0 };
    for (const r of results) summary[r.status]++;
    const pack = this.compiled.pack;
    return { referentiel: { id: pack.id, version: pack.version }, summary, requirements: results };
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
