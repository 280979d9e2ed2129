import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Block, ContractDocument } from '../src/document/model';

/** Writes a generated contract as a DOCX (Word styles, bullet lists, tables) for the read benchmark. */
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

export async function contractToDocx(doc: ContractDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let table: Block[] = [];
  const flushTable = () => {
    if (table.length === 0) return;
    const rows = new Map<number, Block[]>();
    for (const c of table) rows.set(c.table!.row, [...(rows.get(c.table!.row) ?? []), c]);
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [...rows.values()].map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c.text)] })) })),
      }),
    );
    table = [];
  };
  for (const b of doc.blocks) {
    if (b.type === 'tableCell') {
      table.push(b);
      continue;
    }
    flushTable();
    if (b.type === 'heading') children.push(new Paragraph({ text: b.text, heading: HEADINGS[Math.min(3, (b.level ?? 1) - 1)] }));
    else if (b.type === 'listItem') children.push(new Paragraph({ text: b.text, bullet: { level: b.listDepth ?? 0 } }));
    else children.push(new Paragraph(b.text));
  }
  flushTable();
  const file = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(file));
}
