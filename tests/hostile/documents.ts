import { strToU8 } from 'fflate';
import { zip, type ZipPart } from './zip';

/** Minimal, valid Word and OpenDocument packages around a given body, and the paragraphs of a sample contract. */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

export const DOCX_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
export const DOCX_OPEN = `<w:document xmlns:w="${W}"><w:body>`;
export const DOCX_CLOSE = '</w:body></w:document>';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The sample contract's text: a title, then numbered sections of a few sentences. */
export function sampleParagraphs(count = 60): string[] {
  const themes = ['la santé', 'l’éducation', 'l’emploi', 'la tranquillité publique', 'le cadre de vie', 'l’accès aux droits'];
  const out = ['Contrat de ville de Val-Fictif 2024-2030'];
  for (let i = 1; i < count; i++) {
    out.push(
      i % 6 === 1
        ? `${Math.ceil(i / 6)}. Pilier ${themes[i % themes.length]}`
        : `Les signataires s’engagent sur ${themes[i % themes.length]} des habitants des quartiers prioritaires (action ${i}) : ` +
            'le droit commun est mobilisé en priorité, avec des indicateurs suivis chaque année par le comité de pilotage.',
    );
  }
  return out;
}

export function docxParagraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
}

/** A DOCX whose word/document.xml is `documentXml` (or a ready-made part, for bombs). */
export function docx(documentXml: string | ZipPart): Uint8Array {
  const part: ZipPart = typeof documentXml === 'string' ? { name: 'word/document.xml', data: strToU8(documentXml) } : documentXml;
  return zip([{ name: '[Content_Types].xml', data: strToU8(CONTENT_TYPES) }, { name: '_rels/.rels', data: strToU8(RELS) }, part]);
}

export function docxBody(inner: string, doctype = ''): string {
  return `${DOCX_HEAD}${doctype}${DOCX_OPEN}${inner}${DOCX_CLOSE}`;
}

export function sampleDocx(): Uint8Array {
  return docx(docxBody(sampleParagraphs().map(docxParagraph).join('')));
}

const ODT_MIME = 'application/vnd.oasis.opendocument.text';

const MANIFEST =
  '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
  `<manifest:file-entry manifest:full-path="/" manifest:media-type="${ODT_MIME}"/>` +
  '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>';

export const ODT_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
export const ODT_OPEN =
  '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3"><office:body><office:text>';
export const ODT_CLOSE = '</office:text></office:body></office:document-content>';

export function odtParagraph(text: string, heading = false): string {
  return heading ? `<text:h text:outline-level="1">${escape(text)}</text:h>` : `<text:p>${escape(text)}</text:p>`;
}

export function odtBody(inner: string, doctype = ''): string {
  return `${ODT_HEAD}${doctype}${ODT_OPEN}${inner}${ODT_CLOSE}`;
}

/** An ODT whose content.xml is `contentXml` (or a ready-made part). The mimetype comes first, stored. */
export function odt(contentXml: string | ZipPart): Uint8Array {
  const part: ZipPart = typeof contentXml === 'string' ? { name: 'content.xml', data: strToU8(contentXml) } : contentXml;
  return zip([
    { name: 'mimetype', data: strToU8(ODT_MIME), method: 0 },
    { name: 'META-INF/manifest.xml', data: strToU8(MANIFEST) },
    part,
  ]);
}

export function sampleOdt(): Uint8Array {
  return odt(odtBody(sampleParagraphs().map((p, i) => odtParagraph(p, i === 0 || /^\d+\. /.test(p))).join('')));
}

/** `<!DOCTYPE>` with an external entity pointing at `url`, and the element text that uses it. */
export function externalEntity(root: string, url: string): string {
  return `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "${url}">]>\n`;
}

/** The « billion laughs »: ten levels of ten references, 10⁹ « lol » if a parser expands them. */
export function billionLaughs(root: string): string {
  let entities = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= 9; i++) entities += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return `<!DOCTYPE ${root} [${entities}]>\n`;
}
