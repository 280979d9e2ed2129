/**
 * Tiny PDFs written by hand for the reader's tests: text runs placed at given points in Helvetica (regular or
 * bold, WinAnsi encoding, so French accents and « » ’ œ – • work), one content stream per page. Options make the
 * bad files a reader must refuse: password-protected, truncated, pages without a text layer.
 */

export interface TestRun {
  text: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  size?: number;
  bold?: boolean;
}

export interface TestPage {
  runs: TestRun[];
  /** A filled rectangle and a one-pixel image, as a scanned page has instead of text. */
  image?: boolean;
}

export interface TestPdfOptions {
  /** Adds a standard security handler whose user password is not empty: readers must ask for it. */
  encrypted?: boolean;
  /** Page size in points (A4 portrait by default). */
  width?: number;
  height?: number;
}

const WIN_ANSI: Record<string, number> = {
  '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  'Œ': 0x8c, 'œ': 0x9c, 'Ÿ': 0x9f,
};

/** A PDF literal string, in WinAnsi, with `(`, `)`, `\` and bytes above 127 escaped. */
function literal(text: string): string {
  let out = '(';
  for (const ch of text) {
    const code = WIN_ANSI[ch] ?? ch.codePointAt(0)!;
    if (code > 0xff) throw new Error(`Caractère hors WinAnsi dans un PDF de test : ${ch}`);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out})`;
}

function contentOf(page: TestPage): string {
  const ops: string[] = [];
  if (page.image) ops.push('0.5 g 50 50 400 600 re f', 'q 400 0 0 600 50 50 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \u0080 EI Q');
  for (const r of page.runs) ops.push(`BT /${r.bold ? 'F2' : 'F1'} ${r.size ?? 11} Tf 1 0 0 1 ${r.x} ${r.y} Tm ${literal(r.text)} Tj ET`);
  return ops.join('\n');
}

/** Builds the PDF's bytes (latin1: one byte per character of the file's text). */
export function buildTestPdf(pages: TestPage[], options: TestPdfOptions = {}): Uint8Array {
  const width = options.width ?? 595;
  const height = options.height ?? 842;
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const content = contentOf(page);
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const encrypt = options.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'6f'.repeat(32)}> /U <${'75'.repeat(32)}> /P -4 >>`)
    : undefined;
  let text = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const id = `<${'ab'.repeat(16)}>`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/** Lines of body text, `gap` points apart, from `top` down: a paragraph as a word processor lays it out. */
export function lines(texts: string[], x: number, top: number, options: { size?: number; gap?: number; bold?: boolean } = {}): TestRun[] {
  const gap = options.gap ?? (options.size ?? 11) * 1.25;
  return texts.map((text, i) => ({ text, x, y: top - i * gap, ...(options.size ? { size: options.size } : {}), ...(options.bold ? { bold: true } : {}) }));
}
