import type { CheckReport } from '../check/report';
import { UNREADABLE_SECTION_TEXT } from '../document/lexical';
import type { Referentiel } from '../referential/schema';
import {
  paragraphNode,
  PLACEHOLDER_NODE_TYPE,
  textNode,
  type SerializedBlockNode,
  type SerializedInlineNode,
} from '../template/lexicalNodes';
import type { Template, TemplateSection } from '../template/schema';
import type { ExportInput, ExportMeta, ExportOptions, ExportSection } from './input';

/**
 * Builds what the DOCX and ODT writers take from a project: its metadata, its stored sections (Lexical JSON), the
 * template they came from, the pack and the check report, and the date to print. Pure: the caller reads the
 * file and the clock.
 *
 * Two things happen on the way. Each section gets the requirement ids it serves: those of the template section
 * with its id (or, for a section renamed or imported, with its title) and of its sub-sections, in the pack's
 * order; a section the template does not know serves what the report found in it. And each placeholder still in
 * the text is written « [À compléter — …] »; the first one of each template section (or sub-section) also
 * carries the section's guidance, inside the brackets, so that a reader of the exported file sees what is
 * expected and the checker still counts the whole placeholder as not written.
 */

/** Between a placeholder's label and the guidance it carries. */
export const GUIDANCE_LEAD = 'Ce qui est attendu : ';
const GUIDANCE_SEPARATOR = `. ${GUIDANCE_LEAD}`;

const PLACEHOLDER_TEXT = /^\[\s*À compléter\s*[:：—–-]?\s*([^\]]*?)\s*\]$/iu;

/** A placeholder as exported: « [À compléter — label] », or with the guidance « [À compléter — label. Ce qui est attendu : …] ». */
export function exportPlaceholderText(label: string, guidance?: string): string {
  // Brackets inside would end the placeholder early for every reader (PLACEHOLDER_PATTERN stops at « ] »).
  const clean = (t: string): string => t.replace(/\[/g, '(').replace(/\]/g, ')').replace(/\s+/g, ' ').trim();
  const l = clean(label).replace(/[.\s]+$/, '');
  const g = guidance ? clean(guidance) : '';
  const head = l ? `[À compléter — ${l}` : '[À compléter';
  return g ? `${head}${l ? GUIDANCE_SEPARATOR : ` — ${GUIDANCE_LEAD}`}${g}]` : `${head}]`;
}

/** The label and the guidance of an exported placeholder; undefined when the text is not one. */
export function splitPlaceholder(text: string): { label: string; guidance?: string } | undefined {
  const m = PLACEHOLDER_TEXT.exec(text.trim());
  if (!m) return undefined;
  const inner = m[1]!;
  const at = inner.indexOf(GUIDANCE_LEAD);
  if (at < 0) return { label: inner };
  const label = inner.slice(0, at).replace(/[.\s—-]+$/u, '');
  return { label, guidance: inner.slice(at + GUIDANCE_LEAD.length) };
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'list', 'table']);

interface LooseNode {
  type?: unknown;
  children?: unknown;
  text?: unknown;
  tag?: unknown;
}

/**
 * The top-level blocks of a stored section. Quotes and code blocks become paragraphs (the writers know the four
 * block types of the editor's schema); content that cannot be read gives one paragraph saying so.
 */
export function blocksOfContent(content: string): SerializedBlockNode[] {
  let root: LooseNode | undefined;
  try {
    const state = JSON.parse(content) as { root?: LooseNode } | null;
    root = state?.root;
  } catch {
    root = undefined;
  }
  if (!root || typeof root !== 'object' || !Array.isArray(root.children)) return [paragraphNode([textNode(UNREADABLE_SECTION_TEXT)])];
  const blocks: SerializedBlockNode[] = [];
  for (const child of root.children as unknown[]) {
    if (!child || typeof child !== 'object') continue;
    const node = child as LooseNode;
    const type = typeof node.type === 'string' ? node.type : '';
    if (BLOCK_TYPES.has(type) && Array.isArray(node.children)) blocks.push(node as unknown as SerializedBlockNode);
    else if (Array.isArray(node.children)) blocks.push(paragraphNode(node.children as SerializedInlineNode[]));
    else if (typeof node.text === 'string') blocks.push(paragraphNode([textNode(node.text)]));
  }
  return blocks;
}

/** Titles compared without case, accents, punctuation or a leading number. */
export function sameTitleKey(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:\d+(?:\s\d+)*|[ivxlc]+)\s+(?=\p{L})/u, '');
}

function collectIds(section: TemplateSection): string[] {
  return [...section.requirements, ...(section.children ?? []).flatMap(collectIds)];
}

/** Requirement ids in the pack's order, once each, unknown ones dropped. */
function inPackOrder(ids: Iterable<string>, pack: Referentiel): string[] {
  const wanted = new Set(ids);
  return pack.requirements.filter((r) => wanted.has(r.id)).map((r) => r.id);
}

/** What the report found in a section the template does not know: covered or partial requirements with evidence there. */
function foundIn(sectionId: string, report: CheckReport): string[] {
  const prefix = `${sectionId}/`;
  return report.requirements.filter((r) => r.status !== 'missing' && r.evidence.some((e) => e.blockId.startsWith(prefix))).map((r) => r.id);
}

const inlineText = (nodes: unknown): string =>
  Array.isArray(nodes)
    ? nodes.map((n: LooseNode) => (typeof n?.text === 'string' ? n.text : Array.isArray(n?.children) ? inlineText(n.children) : '')).join('')
    : '';

/** A copy of the inline nodes with every placeholder in the exported form; `guidance` goes to the first one. */
function rewriteInline(nodes: SerializedInlineNode[], guidance?: string): SerializedInlineNode[] {
  return nodes.map((node) => {
    if (node.type === PLACEHOLDER_NODE_TYPE) {
      const parts = splitPlaceholder(node.text);
      if (!parts) return { ...node };
      const text = exportPlaceholderText(parts.label, parts.guidance ?? guidance);
      guidance = undefined;
      return { ...node, text };
    }
    if (node.type === 'link') return { ...node, children: rewriteInline(node.children) };
    return { ...node };
  });
}

/** A copy of a block with its placeholders rewritten, deep (lists and table cells too). */
function rewriteDeep(node: SerializedBlockNode): SerializedBlockNode {
  const walk = (n: unknown): unknown => {
    if (!n || typeof n !== 'object') return n;
    const loose = n as LooseNode;
    if (!Array.isArray(loose.children)) return loose.type === PLACEHOLDER_NODE_TYPE ? rewriteInline([n as SerializedInlineNode])[0] : { ...loose };
    return { ...loose, children: (loose.children as unknown[]).map(walk) };
  };
  return walk(node) as SerializedBlockNode;
}

const isPlaceholderOnly = (children: SerializedInlineNode[]): boolean =>
  children.some((c) => c.type === PLACEHOLDER_NODE_TYPE) && children.every((c) => c.type === PLACEHOLDER_NODE_TYPE || (c.type === 'text' && !c.text.trim()));

/**
 * The blocks of a section with placeholders rewritten. The template section followed changes at each `h2`
 * (sub-section) and `h3` whose title is one of the template's; a paragraph made only of a placeholder takes the
 * guidance of the template section it is in, the first time only.
 */
function withGuidance(blocks: SerializedBlockNode[], top: TemplateSection | undefined): SerializedBlockNode[] {
  const used = new Set<TemplateSection>();
  let current = top;
  let sub: TemplateSection | undefined;
  return blocks.map((block) => {
    if (block.type === 'heading' && top) {
      const key = sameTitleKey(inlineText(block.children));
      if (block.tag === 'h2') {
        sub = top.children?.find((c) => sameTitleKey(c.title) === key);
        current = sub;
      } else if (block.tag === 'h3') {
        current = sub?.children?.find((c) => sameTitleKey(c.title) === key) ?? sub;
      }
    }
    if (block.type === 'paragraph' && Array.isArray(block.children) && isPlaceholderOnly(block.children) && current && !used.has(current)) {
      used.add(current);
      return { ...block, children: rewriteInline(block.children, current.guidance) };
    }
    return rewriteDeep(block);
  });
}

export interface ExportSource {
  /** The project's metadata (a `ProjectMeta` fits). */
  meta: Omit<ExportMeta, 'referentiel'> & { referentiel?: ExportMeta['referentiel'] };
  /** Stored sections: `content` is a serialised Lexical editor state. */
  sections: { id: string; position: number; title: string; content: string }[];
  /** The template the contract follows; without it, sections serve what the report found in them. */
  template?: Template;
  pack: Referentiel;
  report: CheckReport;
  /** ISO date (YYYY-MM-DD) to print on the title page. */
  date: string;
  options?: Partial<ExportOptions>;
}

/** The writers' input for a project. */
export function buildExportInput(source: ExportSource): ExportInput {
  const { template, pack, report } = source;
  const byId = new Map((template?.sections ?? []).map((s) => [s.id, s]));
  const byTitle = new Map((template?.sections ?? []).map((s) => [sameTitleKey(s.title), s]));
  const ordered = source.sections.map((s, i) => ({ s, i })).sort((a, b) => a.s.position - b.s.position || a.i - b.i);
  const sections: ExportSection[] = ordered.map(({ s }) => {
    const top = byId.get(s.id) ?? byTitle.get(sameTitleKey(s.title));
    const requirements = inPackOrder(top ? collectIds(top) : foundIn(s.id, report), pack);
    return { id: s.id, title: s.title, requirements, blocks: withGuidance(blocksOfContent(s.content), top) };
  });
  const { meta } = source;
  return {
    meta: {
      territoire: meta.territoire,
      epci: meta.epci,
      communes: [...meta.communes],
      qpv: meta.qpv.map((q) => ({ nom: q.nom, code: q.code })),
      periode: { debut: meta.periode.debut, fin: meta.periode.fin },
      referentiel: meta.referentiel ?? { id: pack.id, version: pack.version },
    },
    date: source.date,
    sections,
    pack,
    report,
    options: { grille: source.options?.grille ?? true, ...pickDefined(source.options) },
  };
}

function pickDefined(options: Partial<ExportOptions> | undefined): Partial<ExportOptions> {
  const out: Partial<ExportOptions> = {};
  if (options?.author !== undefined) out.author = options.author;
  if (options?.organisation !== undefined) out.organisation = options.organisation;
  return out;
}
