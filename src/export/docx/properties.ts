import type { ExportInput } from '../input';
import { headerText } from './cover';
import { NOT_XML } from './inline';
import { LANGUAGE } from './styles';

/**
 * The document's properties (docProps/core.xml and docProps/app.xml), written here rather than by the `docx`
 * library, which stamps them with the clock: title, subject, author, language, keywords, dates from the export's
 * own date, and the organisation.
 */

function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Midnight UTC of the export's date; 1 January 2020 when it is not an ISO date. */
function timestamp(date: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(date);
  return `${m ? m[1] : '2020-01-01'}T00:00:00Z`;
}

export function documentTitle(input: ExportInput): string {
  return headerText(input.meta);
}

export function coreXml(input: ExportInput): string {
  const author = input.options.author?.trim() || input.options.organisation?.trim() || 'Pilier';
  const element = (name: string, value: string): string => `<${name}>${escapeXml(value)}</${name}>`;
  const communes = input.meta.communes.map((c) => c.trim()).filter(Boolean);
  const keywords = ['contrat de ville', 'politique de la ville', input.meta.territoire.trim(), ...communes, ...input.meta.qpv.map((q) => q.code.trim())].filter(Boolean);
  const when = timestamp(input.date);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', documentTitle(input)) +
    element('dc:subject', 'Contrat de ville (politique de la ville)') +
    element('dc:creator', author) +
    element('cp:keywords', keywords.join('; ')) +
    element('dc:description', `Contrat de ville établi avec Pilier, vérifié au regard du référentiel ${input.meta.referentiel.id} (version ${input.meta.referentiel.version}).`) +
    element('cp:lastModifiedBy', author) +
    element('dc:language', LANGUAGE) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appXml(input: ExportInput): string {
  const organisation = input.options.organisation?.trim();
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    (organisation ? `<Company>${escapeXml(organisation)}</Company>` : '') +
    '<Application>Pilier</Application>' +
    '</Properties>'
  );
}
