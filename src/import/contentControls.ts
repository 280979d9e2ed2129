import { strFromU8, unzipSync } from 'fflate';
import type { Block } from '../document/model';

/**
 * The content controls (`w:sdt`) of a Word document, and the blocks of the document model each one wraps. The text
 * comes from mammoth, which reads through content controls without a trace of them; so word/document.xml is
 * scanned here for the controls and their paragraphs and table cells, and those are matched, in order and by their
 * text, to mammoth's blocks.
 *
 * Pilier tags the sections it exports with the requirement ids they serve (`pilier:FEM-1a,INT-1f`, spread over
 * nested controls when the list is long, see src/export/docx/contentControl.ts) and its own parts
 * (`pilier-partie:garde`, `pilier-partie:grille`); Word's table of contents is a control of the « Table of
 * Contents » gallery. The reader leaves the grille and tables of contents out of the document: they repeat the
 * contract's headings and requirements, and would count as evidence (src/import/docx.ts also knows the grille by
 * its title, for a file whose editor dropped the control).
 */

export interface ContentControl {
  /** The control's tag (`w:tag`), « » when it has none. */
  tag: string;
  /** The control's title (`w:alias`). */
  alias?: string;
  /** Requirement ids of a `pilier:` tag, those of nested controls continuing the list included. */
  requirements: string[];
  /** Ids of the document's blocks inside the control, in reading order. */
  blockIds: string[];
  /** Parts that are not the contract's own text: Word's table of contents, Pilier's grille and cover page. */
  generated?: 'sommaire' | 'grille' | 'garde';
}

const REQUIREMENTS_TAG = 'pilier:';
/** Pilier's own parts, by tag. */
const PARTS: Record<string, ContentControl['generated']> = {
  'pilier-partie:garde': 'garde',
  'pilier-partie:sommaire': 'sommaire',
  'pilier-partie:grille': 'grille',
};
const REQUIREMENT_ID = /^[A-Z]{2,5}(-[A-Za-z0-9]+)+$/;
/** Larger document parts are not scanned (mammoth has read them already; this is only structure). */
const MAX_SCANNED_BYTES = 200 * 1024 * 1024;

interface RawControl extends ContentControl {
  parent: number;
  /** Elements directly in its `w:sdtContent`, and the first of them when it is a control. */
  contentChildren: number;
  firstChildControl?: number;
  mergedInto?: number;
}

interface Unit {
  kind: 'paragraph' | 'cell';
  key: string;
  controls: number[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e] ?? whole;
  });
}

/** Text mammoth does not read: deletions, field codes, text boxes, the alternative it does not take. */
const SKIPPED = new Set(['w:del', 'w:delText', 'w:instrText', 'w:txbxContent', 'mc:Choice']);

/** Text compared without any whitespace (mammoth collapses it; Word splits runs anywhere). */
const keyOf = (text: string): string => text.replace(/[\s\u200b\u00ad]+/g, '');

const valOf = (attrs: string): string | undefined => {
  const m = /\bw:val="([^"]*)"/.exec(attrs);
  return m ? decode(m[1]!) : undefined;
};

/** The units (paragraphs outside tables, table cells) of document.xml in order, and its controls. */
export function scanDocumentXml(xml: string): { units: Unit[]; controls: RawControl[] } {
  const controls: RawControl[] = [];
  const units: Unit[] = [];
  const open: number[] = []; // controls open, outermost first
  const stack: string[] = []; // element names open
  interface Paragraph { text: string; controls: Set<number> }
  interface Cell { texts: string[]; controls: number[]; merged: boolean; after: Unit[]; paragraphs: Unit[] }
  interface TableFrame { cells: Cell[] }
  const tables: TableFrame[] = [];
  const cells: Cell[] = [];
  let paragraph: Paragraph | undefined;
  let skipText = 0; // inside w:del, w:instrText, text boxes, fallbacks
  const emit = (unit: Unit): void => {
    const cell = cells.at(-1);
    if (tables.length > 0 && cell) cell.after.push(unit);
    else units.push(unit);
  };
  const tag = /<(\/?)([A-Za-z][\w.-]*:[\w.-]+|[A-Za-z][\w.-]*)([^>]*?)(\/?)>/g;
  let m: RegExpExecArray | null;
  let textFrom = -1;
  while ((m = tag.exec(xml))) {
    const [whole, closing, name, attrs, selfClosing] = m as unknown as [string, string, string, string, string];
    if (textFrom >= 0) {
      if (paragraph && skipText === 0) paragraph.text += decode(xml.slice(textFrom, m.index));
      textFrom = -1;
    }
    if (closing) {
      stack.pop();
      if (SKIPPED.has(name)) skipText = Math.max(0, skipText - 1);
      else if (name === 'w:p' && paragraph && !stack.includes('w:txbxContent')) {
        const unit: Unit = { kind: 'paragraph', key: keyOf(paragraph.text), controls: [...open, ...paragraph.controls] };
        const cell = cells.at(-1);
        if (cell && tables.length > 0) {
          cell.texts.push(paragraph.text);
          cell.paragraphs.push(unit);
        } else emit(unit);
        paragraph = undefined;
      } else if (name === 'w:tc') {
        const cell = cells.pop();
        if (cell) tables.at(-1)?.cells.push(cell);
      } else if (name === 'w:tbl') {
        const table = tables.pop();
        if (!table) continue;
        const real = table.cells.filter((c) => !c.merged);
        // A one-cell table is a frame around text: mammoth reads its paragraphs as such.
        const out =
          real.length === 1
            ? [...real[0]!.paragraphs, ...real[0]!.after]
            : real.flatMap((c) => [{ kind: 'cell' as const, key: keyOf(c.texts.join('')), controls: [...c.controls, ...c.paragraphs.flatMap((p) => p.controls)] }, ...c.after]);
        for (const unit of out) emit(unit);
      } else if (name === 'w:sdt') {
        const index = open.pop();
        const control = index === undefined ? undefined : controls[index];
        const inner = control?.firstChildControl === undefined ? undefined : controls[control.firstChildControl];
        if (control && inner && control.contentChildren === 1 && control.tag.startsWith(REQUIREMENTS_TAG) && inner.tag.startsWith(REQUIREMENTS_TAG)) {
          inner.mergedInto = index;
        }
      }
      continue;
    }
    const parent = stack.at(-1);
    if (parent === 'w:sdtContent') {
      const owner = controls[open.at(-1)!];
      if (owner) {
        owner.contentChildren++;
        if (owner.contentChildren === 1 && name === 'w:sdt') owner.firstChildControl = controls.length;
      }
    }
    if (!selfClosing) stack.push(name);
    switch (name) {
      case 'w:sdt':
        if (selfClosing) break;
        open.push(controls.length);
        paragraph?.controls.add(controls.length);
        controls.push({ tag: '', requirements: [], blockIds: [], parent: open.at(-2) ?? -1, contentChildren: 0 });
        break;
      case 'w:tag':
      case 'w:alias':
      case 'w:docPartGallery': {
        const control = parent === 'w:sdtPr' || parent === 'w:docPartObj' ? controls[open.at(-1) ?? -1] : undefined;
        const value = valOf(attrs) ?? '';
        if (control && name === 'w:tag') control.tag = value;
        else if (control && name === 'w:alias') control.alias = value;
        else if (control && /^table of contents$/i.test(value)) control.generated = 'sommaire';
        break;
      }
      case 'w:p':
        if (!selfClosing && !stack.slice(0, -1).includes('w:txbxContent')) paragraph = { text: '', controls: new Set() };
        break;
      case 'w:t':
        if (!selfClosing) textFrom = m.index + whole.length;
        break;
      case 'w:tab':
      case 'w:br':
      case 'w:cr':
        if (paragraph && skipText === 0 && parent === 'w:r') paragraph.text += ' ';
        break;
      case 'w:tbl':
        if (!selfClosing) tables.push({ cells: [] });
        break;
      case 'w:tc':
        if (!selfClosing) cells.push({ texts: [], controls: [...open], merged: false, after: [], paragraphs: [] });
        break;
      case 'w:vMerge': {
        const value = valOf(attrs);
        const cell = cells.at(-1);
        if (cell && parent === 'w:tcPr' && (value === undefined || value === 'continue')) cell.merged = true;
        break;
      }
      default:
        if (!selfClosing && SKIPPED.has(name)) skipText++;
    }
  }
  return { units, controls };
}

/** Matches units to blocks in order, by text: a unit finds the next block with its text not far ahead. */
const LOOKAHEAD = 48;

function attach(units: Unit[], controls: RawControl[], blocks: Block[]): void {
  const keys = blocks.map((b) => keyOf(b.text));
  let next = 0;
  for (const unit of units) {
    if (unit.kind === 'paragraph' && unit.key === '') continue; // mammoth drops empty paragraphs
    const end = Math.min(blocks.length, next + LOOKAHEAD);
    for (let j = next; j < end; j++) {
      const isCell = blocks[j]!.type === 'tableCell';
      if (keys[j] !== unit.key || isCell !== (unit.kind === 'cell')) continue;
      for (const index of new Set(unit.controls)) controls[index]?.blockIds.push(blocks[j]!.id);
      next = j + 1;
      break;
    }
  }
}

function publicControls(controls: RawControl[]): ContentControl[] {
  const root = (i: number): number => {
    let at = i;
    while (controls[at]?.mergedInto !== undefined) at = controls[at]!.mergedInto!;
    return at;
  };
  controls.forEach((c, i) => {
    if (!c.tag.startsWith(REQUIREMENTS_TAG)) return;
    const ids = c.tag.slice(REQUIREMENTS_TAG.length).split(',').map((s) => s.trim());
    controls[root(i)]!.requirements.push(...ids.filter((id) => REQUIREMENT_ID.test(id)));
  });
  return controls
    .filter((c) => c.mergedInto === undefined)
    .map((c) => {
      const generated = c.generated ?? PARTS[c.tag];
      return {
        tag: c.tag,
        ...(c.alias !== undefined ? { alias: c.alias } : {}),
        requirements: [...new Set(c.requirements)],
        blockIds: [...new Set(c.blockIds)],
        ...(generated ? { generated } : {}),
      };
    });
}

/**
 * The content controls of a DOCX and the blocks they wrap. Never throws: a document whose XML cannot be read
 * this way simply has no controls (its text was read by mammoth already).
 */
export function readContentControls(bytes: Uint8Array, blocks: Block[]): ContentControl[] {
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' && f.originalSize <= MAX_SCANNED_BYTES });
    const part = files['word/document.xml'];
    if (!part) return [];
    const xml = strFromU8(part);
    if (!xml.includes('<w:sdt>') && !xml.includes('<w:sdt ')) return [];
    const { units, controls } = scanDocumentXml(xml);
    attach(units, controls, blocks);
    return publicControls(controls);
  } catch {
    return [];
  }
}
