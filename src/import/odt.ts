import { strFromU8, unzipSync } from 'fflate';
import { MAX_UNCOMPRESSED_BYTES, emptyFileError, formatSize, inspectZip, sniff, tooLargeError, type ReadResult } from './bytes';
import { OdtBodyReader, type OdtSection, type StyleLevels } from './odtBody';
import { XmlError, elements, findElement, parseXml, type XmlElement } from './xml';

export type { OdtSection } from './odtBody';

/** What `readOdt` returns: a ReadResult, with the document's `text:section`s (requirement ids recovered). */
export type OdtReadResult = (Extract<ReadResult, { ok: true }> & { sections: OdtSection[] }) | Extract<ReadResult, { ok: false }>;

const MB = 1024 * 1024;
/** Larger OpenDocument files are refused before anything is decompressed. */
export const MAX_ODT_BYTES = 100 * MB;

const TEXT_TYPES = new Set(['application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.text-template', 'application/vnd.oasis.opendocument.text-master']);
const OTHER_TYPES: [string, string][] = [
  ['spreadsheet', 'un classeur (.ods)'],
  ['presentation', 'une présentation (.odp)'],
  ['graphics', 'un dessin (.odg)'],
  ['formula', 'une formule (.odf)'],
  ['chart', 'un diagramme'],
  ['database', 'une base de données (.odb)'],
];

const CANONICAL: Record<string, string> = {
  'urn:oasis:names:tc:opendocument:xmlns:office:1.0': 'office',
  'urn:oasis:names:tc:opendocument:xmlns:style:1.0': 'style',
  'urn:oasis:names:tc:opendocument:xmlns:text:1.0': 'text',
  'urn:oasis:names:tc:opendocument:xmlns:table:1.0': 'table',
  'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0': 'draw',
  'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0': 'fo',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'urn:oasis:names:tc:opendocument:xmlns:meta:1.0': 'meta',
  'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0': 'manifest',
};

const AFTER_FIX = 'Ouvrez-le dans LibreOffice et enregistrez-le de nouveau au format .odt (Texte OpenDocument).';
const notOdt = (fileName: string): string => `Le fichier ${fileName} n'est pas un document OpenDocument (.odt) valide`;
const damaged = (fileName: string, why: string): string => `Le fichier ${fileName} est endommagé (${why}). ${AFTER_FIX}`;

/** Everything that can be refused from the bytes and the ZIP directory, before anything is decompressed. */
function refuseBadPackage(bytes: Uint8Array, fileName: string): string | undefined {
  if (bytes.length === 0) return emptyFileError(fileName);
  if (bytes.length > MAX_ODT_BYTES) return tooLargeError(fileName, bytes.length, MAX_ODT_BYTES, 'documents OpenDocument');
  switch (sniff(bytes)) {
    case 'zip':
      break;
    case 'ole':
      return `${notOdt(fileName)} : c’est un ancien document Office (.doc) ou un document Word protégé par un mot de passe. Ouvrez-le dans LibreOffice et enregistrez-le au format .odt.`;
    case 'pdf':
      return `${notOdt(fileName)} : c’est un PDF.`;
    case 'rtf':
      return `${notOdt(fileName)} : il est au format RTF. ${AFTER_FIX}`;
    default:
      return `${notOdt(fileName)} : son contenu n'est pas celui d'un document OpenDocument (ce n'est pas une archive ZIP).`;
  }
  const zip = inspectZip(bytes);
  if (!zip.ok) return damaged(fileName, zip.problem);
  const names = new Set(zip.entries.map((e) => e.name));
  if (!names.has('content.xml')) {
    if (names.has('word/document.xml')) return `${notOdt(fileName)} : c’est un document Word (.docx). Ouvrez-le comme document Word.`;
    if (names.has('xl/workbook.xml')) return `${notOdt(fileName)} : c’est un classeur Excel.`;
    if (names.has('ppt/presentation.xml')) return `${notOdt(fileName)} : c’est une présentation PowerPoint.`;
    if (!names.has('META-INF/manifest.xml')) return `${notOdt(fileName)} : l'archive ne contient pas de texte OpenDocument (partie content.xml absente).`;
  }
  if (zip.entries.some((e) => e.encrypted)) return protectedError(fileName);
  if (zip.totalUncompressed > MAX_UNCOMPRESSED_BYTES) {
    return `Le fichier ${fileName} a été refusé : une fois décompressé, il occuperait ${formatSize(zip.totalUncompressed)} (limite ${formatSize(MAX_UNCOMPRESSED_BYTES)}). Une archive aussi disproportionnée n'est pas un document ordinaire.`;
  }
  return undefined;
}

function protectedError(fileName: string): string {
  return `Le fichier ${fileName} est protégé par un mot de passe : Pilier ne peut pas le lire. Ouvrez-le dans LibreOffice, puis Fichier › Enregistrer sous… en décochant « Enregistrer avec mot de passe », et ouvrez cette copie.`;
}

/** The media type the package declares: its `mimetype` file, else the manifest's root entry. */
function mediaType(mimetype: Uint8Array | undefined, manifest: XmlElement | undefined): string | undefined {
  if (mimetype) return strFromU8(mimetype).trim();
  const root = manifest ? elements(manifest, 'manifest:file-entry').find((e) => e.attrs['manifest:full-path'] === '/') : undefined;
  return root?.attrs['manifest:media-type'];
}

/** Heading levels from the paragraph styles: an outline level, « Heading N » / « Titre N », or the Title style. */
function styleLevels(...roots: (XmlElement | undefined)[]): StyleLevels {
  const styles = new Map<string, XmlElement>();
  for (const root of roots) {
    if (!root) continue;
    for (const group of elements(root)) {
      if (group.name !== 'office:styles' && group.name !== 'office:automatic-styles') continue;
      for (const s of elements(group, 'style:style')) if (s.attrs['style:family'] === 'paragraph' && s.attrs['style:name']) styles.set(s.attrs['style:name'], s);
    }
  }
  const cache = new Map<string, number | undefined>();
  const levelOf = (name: string | undefined, depth = 0): number | undefined => {
    if (!name || depth > 20) return undefined;
    if (cache.has(name)) return cache.get(name);
    const style = styles.get(name);
    const display = style?.attrs['style:display-name'] ?? name.replace(/_20_/g, ' ');
    const outline = style?.attrs['style:default-outline-level'];
    const named = /^(?:heading|titre)\s+(\d{1,2})$/i.exec(display);
    let level: number | undefined;
    if (outline !== undefined) level = Number(outline) || undefined;
    else if (named) level = Number(named[1]);
    else if (/^(?:title|titre)$/i.test(display)) level = 1;
    else level = levelOf(style?.attrs['style:parent-style-name'], depth + 1);
    cache.set(name, level);
    return level;
  };
  return (name) => levelOf(name);
}

/** First byte after a UTF-8 BOM and white space is « < ». */
function startsLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && i < 1024 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

function parsePart(bytes: Uint8Array | undefined): XmlElement | undefined {
  return bytes ? parseXml(strFromU8(bytes), CANONICAL) : undefined;
}

/**
 * Reads an OpenDocument text (.odt, .ott, or a flat .fodt) into the document model: headings with their
 * levels (from `text:outline-level`, or the paragraph style), paragraphs, nested list items and table cells,
 * each with a position-derived id (`b0`, `b1`…, `t0r1c2` for cells), placeholders flagged; the sections named
 * `pilier:<ids>` give back the requirement ids Pilier wrote. Refuses, with a French message naming the file,
 * what is not a readable ODT: empty, over 100 Mo, not a ZIP, another kind of document, password-protected
 * (manifest `encryption-data`), damaged, or an archive that would decompress to more than 500 Mo.
 */
export async function readOdt(bytes: Uint8Array, fileName: string): Promise<OdtReadResult> {
  let content: XmlElement | undefined;
  let styles: XmlElement | undefined;
  let title: string | undefined;
  try {
    if (bytes.length > 0 && bytes.length <= MAX_ODT_BYTES && sniff(bytes) === 'unknown' && startsLikeXml(bytes)) {
      // A flat OpenDocument file (.fodt): the whole document in one XML file.
      const doc = parseXml(strFromU8(bytes), CANONICAL);
      if (doc.name !== 'office:document' || !TEXT_TYPES.has(doc.attrs['office:mimetype'] ?? '')) return { ok: false, error: `${notOdt(fileName)} : ce fichier XML n'est pas un texte OpenDocument.` };
      content = doc;
      styles = doc;
      title = findElement(doc, 'dc:title')?.children.join('');
    } else {
      const refused = refuseBadPackage(bytes, fileName);
      if (refused) return { ok: false, error: refused };
      const wanted = new Set(['mimetype', 'META-INF/manifest.xml', 'content.xml', 'styles.xml', 'meta.xml']);
      const files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
      const manifest = parsePart(files['META-INF/manifest.xml']);
      const type = mediaType(files['mimetype'], manifest);
      if (type && !TEXT_TYPES.has(type)) {
        const other = OTHER_TYPES.find(([k]) => type.includes(`opendocument.${k}`));
        return { ok: false, error: `${notOdt(fileName)} : ${other ? `c’est ${other[1]}, pas un texte` : `son type (${type.slice(0, 80)}) n’est pas celui d’un texte`}.` };
      }
      if (manifest && findElement(manifest, 'manifest:encryption-data')) return { ok: false, error: protectedError(fileName) };
      if (!files['content.xml']) return { ok: false, error: `${notOdt(fileName)} : l'archive ne contient pas de texte OpenDocument (partie content.xml absente).` };
      content = parsePart(files['content.xml']);
      styles = parsePart(files['styles.xml']);
      const meta = parsePart(files['meta.xml']);
      title = meta ? findElement(meta, 'dc:title')?.children.join('') : undefined;
    }
  } catch (e) {
    const detail = e instanceof XmlError ? `XML mal formé : ${e.message}` : 'archive ZIP illisible';
    return { ok: false, error: damaged(fileName, detail) };
  }
  const text = content ? findElement(content, 'office:text') : undefined;
  if (!content || !text) return { ok: false, error: `${notOdt(fileName)} : il ne contient pas de corps de texte (office:text).` };
  const reader = new OdtBodyReader(styleLevels(styles, content));
  reader.flow(text.children);
  const blocks = reader.result();
  const documentTitle = title?.trim() || blocks.find((b) => b.type === 'heading' && b.level === 1)?.text;
  const warnings: string[] = [];
  if (blocks.length === 0) warnings.push(`Le document ${fileName} ne contient aucun texte.`);
  else if (!blocks.some((b) => b.type === 'heading')) {
    warnings.push(`Aucun titre reconnu dans ${fileName} : le document est lu sans sections. Appliquez les styles « Titre 1 », « Titre 2 »… de LibreOffice pour une vérification plus fiable.`);
  }
  if (reader.skippedGrille) warnings.push(`La « Grille de complétude » annexée à ${fileName} n’a pas été relue : elle est recalculée à partir du texte.`);
  return { ok: true, document: { ...(documentTitle ? { title: documentTitle } : {}), blocks }, warnings, sections: reader.sections };
}
