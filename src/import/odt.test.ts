import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_ODT_BYTES, readOdt, type OdtReadResult } from './odt';

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"';
const TEXT_TYPE = 'application/vnd.oasis.opendocument.text';

interface Options {
  mimetype?: string | null;
  manifest?: string;
  styles?: string;
  automatic?: string;
  extra?: Zippable;
}

function content(body: string, automatic = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.3"><office:automatic-styles>${automatic}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
}

function manifest(extra = ''): string {
  return `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${TEXT_TYPE}"/>${extra}</manifest:manifest>`;
}

/** A minimal ODT around a body. */
function odt(body: string, options: Options = {}): Uint8Array {
  const files: Zippable = {};
  if (options.mimetype !== null) files.mimetype = [strToU8(options.mimetype ?? TEXT_TYPE), { level: 0 }];
  files['content.xml'] = strToU8(content(body, options.automatic));
  if (options.styles) files['styles.xml'] = strToU8(`<office:document-styles ${NS}><office:styles>${options.styles}</office:styles></office:document-styles>`);
  files['META-INF/manifest.xml'] = strToU8(options.manifest ?? manifest());
  return zipSync({ ...files, ...options.extra });
}

async function ok(bytes: Uint8Array): Promise<Extract<OdtReadResult, { ok: true }>> {
  const result = await readOdt(bytes, 'contrat.odt');
  if (!result.ok) throw new Error(result.error);
  return result;
}

async function refused(bytes: Uint8Array, name = 'contrat.odt'): Promise<string> {
  const result = await readOdt(bytes, name);
  if (result.ok) throw new Error('lu alors qu’il devait être refusé');
  expect(result.error).toContain(name);
  return result.error;
}

const rows = (result: Extract<OdtReadResult, { ok: true }>) =>
  result.document.blocks.map((b) => [b.id, b.type, b.level ?? b.listDepth ?? b.table?.row, b.text, ...(b.placeholder ? ['à compléter'] : [])]);

describe('readOdt: what a real document holds', () => {
  it('reads headings by outline level or style, paragraphs, nested lists and placeholders', async () => {
    const styles = '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/><style:style style:name="Title" style:family="paragraph"/>';
    const automatic = '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_2"/>';
    const body =
      '<text:p text:style-name="Title">Contrat de ville</text:p>' +
      '<text:h text:outline-level="1">Pilier <text:span>1</text:span></text:h>' +
      '<text:p>Un<text:s text:c="3"/>texte   sur\n plusieurs<text:tab/>lignes<text:line-break/>suite</text:p>' +
      '<text:p text:style-name="P1">Santé</text:p>' +
      '<text:list><text:list-item><text:p>premier</text:p><text:list><text:list-item><text:p>sous-point</text:p></text:list-item></text:list></text:list-item>' +
      '<text:list-item><text:p>second</text:p><text:p>suite du second</text:p></text:list-item></text:list>' +
      '<text:p>[À compléter — objectifs du volet santé]</text:p>' +
      '<text:p>Texte et [À compléter — chiffre]</text:p>';
    const result = await ok(odt(body, { styles, automatic }));
    expect(rows(result)).toEqual([
      ['b0', 'heading', 1, 'Contrat de ville'],
      ['b1', 'heading', 1, 'Pilier 1'],
      ['b2', 'paragraph', undefined, 'Un texte sur plusieurs\tlignes\nsuite'],
      ['b3', 'heading', 2, 'Santé'],
      ['b4', 'listItem', 0, 'premier'],
      ['b5', 'listItem', 1, 'sous-point'],
      ['b6', 'listItem', 0, 'second\nsuite du second'],
      ['b7', 'paragraph', undefined, '[À compléter — objectifs du volet santé]', 'à compléter'],
      ['b8', 'paragraph', undefined, 'Texte et [À compléter — chiffre]'],
    ]);
    expect(result.document.blocks[7]!.headingPath).toEqual(['Pilier 1', 'Santé']);
    expect(result.warnings).toEqual([]);
  });

  it('reads tables cell by cell with spans, repeats and nested tables; a one-cell frame is plain text', async () => {
    const body =
      '<table:table><table:table-column table:number-columns-repeated="3"/>' +
      '<table:table-header-rows><table:table-row><table:table-cell><text:p>Action</text:p></table:table-cell><table:table-cell table:number-columns-spanned="2"><text:p>Pilote</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table-header-rows>' +
      '<table:table-row><table:table-cell><text:p>Réussite</text:p><text:p>éducative</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"><text:p>Ville</text:p></table:table-cell></table:table-row>' +
      '<table:table-row table:number-rows-repeated="100000"><table:table-cell table:number-columns-repeated="3"/></table:table-row>' +
      '<table:table-row><table:table-cell><table:table><table:table-row><table:table-cell><text:p>a</text:p></table:table-cell><table:table-cell><text:p>b</text:p></table:table-cell></table:table-row></table:table></table:table-cell></table:table-row>' +
      '</table:table>' +
      '<table:table><table:table-row><table:table-cell><text:p>Encadré seul</text:p></table:table-cell></table:table-row></table:table>';
    const result = await ok(odt(body));
    expect(rows(result)).toEqual([
      ['t0r0c0', 'tableCell', 0, 'Action'],
      ['t0r0c1', 'tableCell', 0, 'Pilote'],
      ['t0r1c0', 'tableCell', 1, 'Réussite\néducative'],
      ['t0r1c1', 'tableCell', 1, 'Ville'],
      ['t0r1c2', 'tableCell', 1, 'Ville'],
      ['t0r100002c0', 'tableCell', 100002, ''],
      ['t1r0c0', 'tableCell', 0, 'a'],
      ['t1r0c1', 'tableCell', 0, 'b'],
      ['b0', 'paragraph', undefined, 'Encadré seul'],
    ]);
  });

  it('skips the table of contents, tracked deletions, comments and the grille; reads notes and text frames after their paragraph', async () => {
    const body =
      '<text:tracked-changes><text:changed-region><text:deletion><text:p>texte supprimé</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
      '<text:table-of-content text:name="Sommaire"><text:index-body><text:p>Préambule 3</text:p></text:index-body></text:table-of-content>' +
      '<text:h text:outline-level="1">Préambule</text:h>' +
      '<text:p>Appel<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Loi du 21 février 2014.</text:p></text:note-body></text:note><office:annotation><text:p>commentaire</text:p></office:annotation> fin.<draw:frame><draw:text-box><text:p>Dans le cadre</text:p></draw:text-box></draw:frame></text:p>' +
      '<text:section text:name="pilier-grille"><text:h text:outline-level="1">Annexe — Grille de complétude</text:h><text:p>FEM-1a manquante</text:p></text:section>';
    const result = await ok(odt(body));
    expect(rows(result)).toEqual([
      ['b0', 'heading', 1, 'Préambule'],
      ['b1', 'paragraph', undefined, 'Appel fin.'],
      ['b2', 'paragraph', undefined, 'Loi du 21 février 2014.'],
      ['b3', 'paragraph', undefined, 'Dans le cadre'],
    ]);
    expect(result.warnings).toEqual(['La « Grille de complétude » annexée à contrat.odt n’a pas été relue : elle est recalculée à partir du texte.']);
  });

  it('reports sections with the requirement ids of their names, nested ones included', async () => {
    const body =
      '<text:section text:name="pilier:FEM-1a,INT-1f"><text:h text:outline-level="1">Axes</text:h><text:p>a</text:p>' +
      '<text:section text:name="Section1"><text:p>b</text:p></text:section></text:section>' +
      '<text:section text:name="pilier:FEM-1a,INT-1f#2"><text:p>c</text:p></text:section>';
    const { sections } = await ok(odt(body));
    expect(sections).toEqual([
      { name: 'Section1', requirements: [], blockIds: ['b2'] },
      { name: 'pilier:FEM-1a,INT-1f', requirements: ['FEM-1a', 'INT-1f'], blockIds: ['b0', 'b1', 'b2'] },
      { name: 'pilier:FEM-1a,INT-1f#2', requirements: ['FEM-1a', 'INT-1f'], blockIds: ['b3'] },
    ]);
  });

  it('reads headings kept in numbered lists and numbered paragraphs, and prefixes other than the usual ones', async () => {
    const body = '<text:list><text:list-item><text:h text:outline-level="2">Titre numéroté</text:h></text:list-item></text:list><text:numbered-paragraph text:level="2"><text:p>point</text:p></text:numbered-paragraph>';
    expect(rows(await ok(odt(body)))).toEqual([
      ['b0', 'heading', 2, 'Titre numéroté'],
      ['b1', 'listItem', 1, 'point'],
    ]);
    const foreign = `<?xml version="1.0"?><o:document-content xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:t="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><o:body><o:text><t:h t:outline-level="1">Préambule</t:h><t:p>Texte</t:p></o:text></o:body></o:document-content>`;
    const bytes = zipSync({ mimetype: [strToU8(TEXT_TYPE), { level: 0 }], 'content.xml': strToU8(foreign) });
    expect(rows(await ok(bytes))).toEqual([
      ['b0', 'heading', 1, 'Préambule'],
      ['b1', 'paragraph', undefined, 'Texte'],
    ]);
  });

  it('reads a flat OpenDocument file (.fodt), and warns when there is no heading', async () => {
    const flat = `<?xml version="1.0"?><office:document ${NS} office:mimetype="${TEXT_TYPE}"><office:meta><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">Contrat plat</dc:title></office:meta><office:body><office:text><text:p>Seul paragraphe</text:p></office:text></office:body></office:document>`;
    const result = await ok(strToU8(flat));
    expect(result.document.title).toBe('Contrat plat');
    expect(result.warnings[0]).toMatch(/^Aucun titre reconnu dans contrat\.odt/);
    expect((await ok(odt(''))).warnings).toEqual(['Le document contrat.odt ne contient aucun texte.']);
  });
});

/** The ZIP with the uncompressed size of one entry, as the central directory declares it, changed. */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let p = out.length - 22; p >= 0; p--) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const length = view.getUint16(p + 28, true);
    if (new TextDecoder().decode(out.subarray(p + 46, p + 46 + length)) === name) view.setUint32(p + 24, size, true);
  }
  return out;
}

describe('readOdt: what it refuses, in French, naming the file', () => {
  it('refuses empty, oversized, non-ZIP and PDF files', async () => {
    expect(await refused(new Uint8Array(0))).toMatch(/est vide/);
    expect(await refused(new Uint8Array(MAX_ODT_BYTES + 1))).toMatch(/trop volumineux \(100\sMo\) : Pilier lit les documents OpenDocument jusqu'à 100\sMo/);
    expect(await refused(strToU8('Bonjour'))).toMatch(/n'est pas un document OpenDocument \(\.odt\) valide : son contenu n'est pas celui/);
    expect(await refused(strToU8('%PDF-1.7 …'))).toMatch(/c’est un PDF/);
    expect(await refused(strToU8('<html><body>x</body></html>'))).toMatch(/ce fichier XML n'est pas un texte OpenDocument/);
  });

  it('refuses other kinds of documents: Word, spreadsheets, presentations', async () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect(await refused(docx, 'contrat.docx.odt')).toMatch(/c’est un document Word \(\.docx\)/);
    expect(await refused(odt('', { mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }))).toMatch(/c’est un classeur \(\.ods\), pas un texte/);
    expect(await refused(odt('', { mimetype: 'application/vnd.oasis.opendocument.presentation' }))).toMatch(/une présentation/);
    expect(await refused(zipSync({ 'autre.txt': strToU8('x') }))).toMatch(/partie content\.xml absente/);
  });

  it('refuses a password-protected document (manifest encryption-data, or encrypted ZIP entries)', async () => {
    const encrypted = manifest(
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="1234"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="y"/></manifest:encryption-data></manifest:file-entry>',
    );
    expect(await refused(odt('<text:p>x</text:p>', { manifest: encrypted }))).toMatch(/protégé par un mot de passe/);
    const bytes = odt('<text:p>x</text:p>');
    const view = new DataView(bytes.buffer);
    for (let p = 0; p + 4 <= bytes.length; p++) if (view.getUint32(p, true) === 0x02014b50) view.setUint16(p + 8, view.getUint16(p + 8, true) | 1, true);
    expect(await refused(bytes)).toMatch(/protégé par un mot de passe/);
  });

  it('refuses a ZIP bomb from the sizes it declares, before decompressing anything', async () => {
    const bomb = declareSize(odt('<text:p>x</text:p>'), 'content.xml', 0xfffffff0);
    expect(await refused(bomb)).toMatch(/a été refusé : une fois décompressé, il occuperait 4\sGo \(limite 500\sMo\)/);
  });

  it('says a truncated or malformed document is damaged', async () => {
    const bytes = odt('<text:p>x</text:p>');
    expect(await refused(bytes.subarray(0, bytes.length - 30))).toMatch(/est endommagé \(archive ZIP incomplète/);
    expect(await refused(odt('<text:p>non fermé'))).toMatch(/est endommagé \(XML mal formé : /);
    const lying = declareSize(bytes, 'content.xml', 10);
    expect(await refused(lying)).toMatch(/est endommagé/);
  });
});
