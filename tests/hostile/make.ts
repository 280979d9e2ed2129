import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProject } from '../../src/project';
import { manualClock, sampleMeta, sampleSections } from '../../src/project/testProject';
import {
  billionLaughs,
  docx,
  docxBody,
  DOCX_CLOSE,
  DOCX_HEAD,
  DOCX_OPEN,
  docxParagraph,
  externalEntity,
  odt,
  odtBody,
  ODT_CLOSE,
  ODT_HEAD,
  ODT_OPEN,
  sampleDocx,
  sampleOdt,
  sampleParagraphs,
} from './documents';
import { drawingOnlyPdf, encryptedPdf, garbageXrefPdf, textPdf, zeroPagePdf } from './pdf';
import { repeatedByteCrc, repeatedByteStream } from './zip';

/**
 * The hostile corpus (issue 7): broken, deceptive and oversized inputs for every way a file enters Pilier.
 * Deterministic: the same bytes on every run (fixed ZIP dates, no randomness, a fixed clock for project files).
 * `npx tsx tests/hostile/make.ts [folder]` writes it (default tests/fixtures/hostile/, without the 200 Mo files).
 */

/** How an input enters: a document to check or import, a référentiel pack, or a project file. */
export type Entry = 'document' | 'referentiel' | 'project';

export interface HostileInput {
  name: string;
  entry: Entry;
  /** What is wrong with it, in a few words. */
  what: string;
}

export interface CorpusOptions {
  /** Where the « external entity over http » inputs point (the test serves it and counts requests). */
  xxeUrl: string;
  /** Also write the 200 Mo files (sparse: they cost no disk). */
  big: boolean;
}

const GB = 1024 * 1024 * 1024;
const NESTING = 10_000;
const SAMPLE_TEXT = sampleParagraphs(12).join('\n\n');

/** A valid Markdown contract the référentiel inputs are checked with. */
export const SAMPLE_MARKDOWN = 'contrat-echantillon.md';

function cut(bytes: Uint8Array, fraction: number): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * fraction));
}

/** A part that inflates to `size` bytes of « 0 » inside an element's text, and declares `declared`. */
function bombPart(name: string, open: string, close: string, size: number, declared = size + open.length + close.length) {
  return {
    name,
    data: new Uint8Array(0),
    compressed: repeatedByteStream(open, 0x30, size, close),
    declaredSize: declared,
    crc: repeatedByteCrc(open, 0x30, size, close),
  };
}

function documents(xxeUrl: string): Record<string, [string, Uint8Array | string]> {
  const docxTable = (inner: string) => `<w:tbl><w:tr><w:tc>${inner}</w:tc></w:tr></w:tbl>`;
  let nestedDocx = docxParagraph('Au fond des tableaux.');
  for (let i = 0; i < NESTING; i++) nestedDocx = docxTable(nestedDocx);
  const nestedOdtList = `${'<text:list><text:list-item>'.repeat(NESTING)}<text:p>Au fond des listes.</text:p>${'</text:list-item></text:list>'.repeat(NESTING)}`;
  const nestedOdtTable = `${'<table:table><table:table-row><table:table-cell>'.repeat(NESTING)}<text:p>Au fond des tableaux.</text:p>${'</table:table-cell></table:table-row></table:table>'.repeat(NESTING)}`;
  const docxRun = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const docxBomb = `${DOCX_HEAD}${DOCX_OPEN}<w:p><w:r><w:t>`;
  const docxBombEnd = `</w:t></w:r></w:p>${DOCX_CLOSE}`;
  const odtBomb = `${ODT_HEAD}${ODT_OPEN}<text:p>`;
  const odtBombEnd = `</text:p>${ODT_CLOSE}`;
  const word = sampleDocx();
  const writer = sampleOdt();
  const utf16 = (text: string, bigEndian: boolean) => {
    const out = new Uint8Array(2 + text.length * 2);
    out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out.set(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8], 2 + i * 2);
    }
    return out;
  };
  const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + (i >> 3)) & 0xff);
  const invalidUtf8 = new Uint8Array([...new TextEncoder().encode('# Contrat\n\nLe volet sant'), 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82, ...new TextEncoder().encode(' est écrit.\n')]);
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  ole.set(new TextEncoder().encode('EncryptionInfo\0EncryptedPackage'), 512);
  return {
    'docx-tronque-30.docx': ['DOCX coupé à 30 %', cut(word, 0.3)],
    'docx-tronque-70.docx': ['DOCX coupé à 70 %', cut(word, 0.7)],
    'docx-sans-fin.docx': ['DOCX sans ses 10 derniers octets', word.slice(0, word.length - 10)],
    'odt-tronque-30.odt': ['ODT coupé à 30 %', cut(writer, 0.3)],
    'odt-tronque-70.odt': ['ODT coupé à 70 %', cut(writer, 0.7)],
    'odt-sans-fin.odt': ['ODT sans ses 10 derniers octets', writer.slice(0, writer.length - 10)],
    'bombe-zip.docx': ['document.xml de 1 Go de zéros (tailles honnêtes)', docx(bombPart('word/document.xml', docxBomb, docxBombEnd, GB))],
    'bombe-zip-tailles-fausses.docx': ['1 Go de zéros déclarés 4 Ko', docx(bombPart('word/document.xml', docxBomb, docxBombEnd, GB, 4096))],
    'bombe-zip-tailles-fausses.odt': ['content.xml de 1 Go déclaré 4 Ko', odt(bombPart('content.xml', odtBomb, odtBombEnd, GB, 4096))],
    'xxe-fichier.docx': ['entité externe file:///etc/passwd', docx(docxBody(docxRun('avant &xxe; après'), externalEntity('w:document', 'file:///etc/passwd')))],
    'xxe-http.docx': ['entité externe http://', docx(docxBody(docxRun('avant &xxe; après'), externalEntity('w:document', xxeUrl)))],
    'milliard-de-rires.docx': ['« billion laughs » dans document.xml', docx(docxBody(docxRun('&lol9;'), billionLaughs('w:document')))],
    'xxe-fichier.odt': ['entité externe file:///etc/passwd', odt(odtBody('<text:p>avant &xxe; après</text:p>', externalEntity('office:document-content', 'file:///etc/passwd')))],
    'xxe-http.odt': ['entité externe http://', odt(odtBody('<text:p>avant &xxe; après</text:p>', externalEntity('office:document-content', xxeUrl)))],
    'milliard-de-rires.odt': ['« billion laughs » dans content.xml', odt(odtBody('<text:p>&lol9;</text:p>', billionLaughs('office:document-content')))],
    'tableaux-imbriques.docx': [`${NESTING} tableaux imbriqués`, docx(docxBody(nestedDocx))],
    'listes-imbriquees.odt': [`${NESTING} listes imbriquées`, odt(odtBody(nestedOdtList))],
    'tableaux-imbriques.odt': [`${NESTING} tableaux imbriqués`, odt(odtBody(nestedOdtTable))],
    'listes-imbriquees.md': [`${NESTING} listes imbriquées`, `# Contrat\n\n${'- '.repeat(NESTING)}au fond des listes\n`],
    'chiffre.pdf': ['PDF protégé par mot de passe', encryptedPdf()],
    'tronque.pdf': ['PDF coupé à 60 %', cut(textPdf(), 0.6)],
    'xref-illisible.pdf': ['table xref remplacée par du bruit', garbageXrefPdf()],
    'zero-page.pdf': ['PDF sans aucune page', zeroPagePdf()],
    'sans-texte.pdf': ['PDF de dessins, sans couche texte', drawingOnlyPdf()],
    'binaire.md': ['données binaires nommées .md', binary],
    'utf8-invalide.md': ['séquences UTF-8 invalides', invalidUtf8],
    'utf16le-bom.md': ['UTF-16 LE avec BOM', utf16(`# Contrat\n\n${SAMPLE_TEXT}\n`, false)],
    'utf16be-bom.txt': ['UTF-16 BE avec BOM', utf16(`${SAMPLE_TEXT}\n`, true)],
    'vide.docx': ['0 octet', new Uint8Array(0)],
    'vide.odt': ['0 octet', new Uint8Array(0)],
    'vide.pdf': ['0 octet', new Uint8Array(0)],
    'vide.md': ['0 octet', new Uint8Array(0)],
    'vide.txt': ['0 octet', new Uint8Array(0)],
    'pdf-renomme.docx': ['un PDF nommé .docx', textPdf()],
    'docx-renomme.pdf': ['un DOCX nommé .pdf', word],
    'docx-renomme.odt': ['un DOCX nommé .odt', word],
    'protege-ole.docx': ['DOCX protégé par mot de passe (conteneur OLE)', ole],
  };
}

function referentiels(seeds: string): Record<string, [string, string]> {
  const base = JSON.parse(readFileSync(join(seeds, 'referentiel-annexe-1-2014.json'), 'utf8')) as {
    requirements: Record<string, unknown>[];
    [key: string]: unknown;
  };
  const variant = (change: (pack: typeof base) => void): string => {
    const pack = structuredClone(base);
    change(pack);
    return JSON.stringify(pack);
  };
  return {
    'ref-champs-manquants.json': ['exigence sans « kind » ni « source »', variant((p) => (delete p.requirements[3]!.kind, delete p.requirements[3]!.source))],
    'ref-types-faux.json': ['niveau numérique, schemaVersion en texte', variant((p) => ((p.requirements[0]!.level = 42), (p.schemaVersion = '1')))],
    'ref-ids-dupliques.json': ['deux exigences de même id', variant((p) => (p.requirements[1]!.id = p.requirements[0]!.id))],
    'ref-chaines-1-mo.json': ['titre et source de 1 Mo', variant((p) => ((p.requirements[0]!.title = 'é'.repeat(1 << 20)), (p.title = 'x'.repeat(1 << 20))))],
    'ref-pas-du-json.json': ['texte qui n’est pas du JSON', '{ "schemaVersion": 1, "requirements": [ { "id": '],
  };
}

/** Writes the project inputs (SQLite files) into `dir`. */
function projects(dir: string): Record<string, string> {
  const clock = manualClock();
  const make = (name: string) => {
    const path = join(dir, name);
    rmSync(path, { force: true });
    const created = createProject(path, sampleMeta(), sampleSections(), { clock: clock.now });
    if (!created.ok) throw new Error(created.error);
    const closed = created.value.close();
    if (!closed.ok) throw new Error(closed.error);
    return path;
  };
  const truncated = make('projet-tronque.pilier');
  writeFileSync(truncated, cut(readFileSync(truncated), 0.5));
  const big = make('meta-1-mo.pilier');
  const db = new Database(big);
  const meta = JSON.parse(db.prepare('SELECT data FROM meta WHERE id = 1').pluck().get() as string) as Record<string, unknown>;
  db.prepare('UPDATE meta SET data = ? WHERE id = 1').run(JSON.stringify({ ...meta, territoire: 'Val-Fictif '.repeat(100_000) }));
  db.close();
  const foreign = join(dir, 'sqlite-etranger.pilier');
  rmSync(foreign, { force: true });
  const other = new Database(foreign);
  other.exec('CREATE TABLE clients (nom TEXT); INSERT INTO clients VALUES (\'Dupont\');');
  other.close();
  writeFileSync(join(dir, 'pas-sqlite.pilier'), 'Ceci est un fichier texte, pas un projet Pilier.\n');
  return {
    'projet-tronque.pilier': 'projet coupé à 50 %',
    'meta-1-mo.pilier': 'métadonnées : territoire de 1 Mo',
    'sqlite-etranger.pilier': 'base SQLite d’une autre application',
    'pas-sqlite.pilier': 'texte nommé .pilier',
  };
}

/** A sparse file of `size` bytes starting with `head`: costs no disk, reads as zeros. */
function sparse(path: string, head: Uint8Array, size: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}

/** Writes the corpus into `dir` and lists it. */
export function makeHostileCorpus(dir: string, seeds: string, options: CorpusOptions): HostileInput[] {
  mkdirSync(dir, { recursive: true });
  const inputs: HostileInput[] = [];
  for (const [name, [what, data]] of Object.entries(documents(options.xxeUrl))) {
    writeFileSync(join(dir, name), data);
    inputs.push({ name, entry: 'document', what });
  }
  if (options.big) {
    sparse(join(dir, 'fichier-200-mo.docx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 200 * 1024 * 1024);
    sparse(join(dir, 'fichier-200-mo.md'), new TextEncoder().encode('# Contrat\n\n'), 200 * 1024 * 1024);
    inputs.push({ name: 'fichier-200-mo.docx', entry: 'document', what: '200 Mo (ZIP, creux)' }, { name: 'fichier-200-mo.md', entry: 'document', what: '200 Mo (texte, creux)' });
  }
  writeFileSync(join(dir, SAMPLE_MARKDOWN), `# Contrat de ville\n\n${SAMPLE_TEXT}\n`);
  for (const [name, [what, text]] of Object.entries(referentiels(seeds))) {
    writeFileSync(join(dir, name), text);
    inputs.push({ name, entry: 'referentiel', what });
  }
  for (const [name, what] of Object.entries(projects(dir))) inputs.push({ name, entry: 'project', what });
  return inputs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dir = process.argv[2] ?? join(root, 'tests', 'fixtures', 'hostile');
  const inputs = makeHostileCorpus(dir, join(root, 'seeds'), { xxeUrl: 'http://127.0.0.1:9/xxe', big: false });
  console.log(`${inputs.length} entrées écrites dans ${dir}`);
}
