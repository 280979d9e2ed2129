/**
 * Hand-written PDFs: a valid one is a few hundred bytes, so each broken variant is written on purpose rather
 * than produced by a tool. Offsets in the cross-reference table are computed, the rest is plain text.
 */

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/** A PDF from its objects (numbered from 1); `trailer` adds entries to the trailer dictionary. */
export function pdf(objects: string[], trailer = ''): Uint8Array {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}

function stream(content: string): string {
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

function page(contents: string, resources = '<< /Font << /F1 5 0 R >> >>'): string[] {
  return [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources ${resources} >>`,
    stream(contents),
    FONT,
  ];
}

/** One page of text: a heading and two paragraphs. */
export function textPdf(): Uint8Array {
  const lines = [
    ['18', 'Contrat de ville de Val-Fictif'],
    ['11', 'Le volet cohesion sociale porte sur la sante, l education et l acces aux droits.'],
    ['11', 'Les signataires s engagent a mobiliser le droit commun dans les quartiers prioritaires.'],
  ];
  const text = lines.map(([size, line], i) => `BT /F1 ${size} Tf 72 ${770 - i * 24} Td (${line}) Tj ET`).join('\n');
  return pdf(page(text));
}

/** A page with only vector drawing (rectangles), no text layer: a scan would look the same to a reader. */
export function drawingOnlyPdf(): Uint8Array {
  return pdf(page('0.2 0.4 0.8 rg 72 600 200 150 re f\n0 0 0 RG 2 w 72 400 m 500 400 l S', '<< >>'));
}

/** A page tree with no page at all. */
export function zeroPagePdf(): Uint8Array {
  return pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
}

/**
 * Protected by a password (standard security handler, RC4 40 bits): the /U entry does not match the empty
 * user password, so a reader must ask for one.
 */
export function encryptedPdf(): Uint8Array {
  const objects = page('BT /F1 12 Tf 72 770 Td (secret) Tj ET');
  objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${'7a'.repeat(32)}> /U <${'c3'.repeat(32)}> /P -44 >>`);
  return pdf(objects, `/Encrypt 6 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] `);
}

/** The text PDF with its cross-reference table and `startxref` replaced by noise. */
export function garbageXrefPdf(): Uint8Array {
  const bytes = textPdf();
  const text = String.fromCharCode(...bytes);
  const xref = text.lastIndexOf('xref\n0 ');
  const noise = Array.from({ length: text.length - xref - 20 }, (_, i) => String.fromCharCode(33 + ((i * 37) % 90))).join('');
  return latin1(`${text.slice(0, xref)}${noise}\nstartxref\n99999999\n%%EOF\n`);
}
