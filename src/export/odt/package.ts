import type { ExportInput } from '../input';
import { XML_DECLARATION, escapeAttr, escapeText, namespaces } from './xml';

/** The small parts of the package: meta.xml (document properties), settings.xml and the manifest. */

export const ODT_MEDIA_TYPE = 'application/vnd.oasis.opendocument.text';
export const GENERATOR = 'Pilier';

/** ISO date-time for ODF (`2025-03-01T00:00:00`) from the export's date; undefined when it is not a date. */
export function odfDateTime(iso: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(iso);
  return m ? `${m[1]}T${m[2] ?? '00:00:00'}` : undefined;
}

export function documentTitle(input: ExportInput): string {
  const territoire = input.meta.territoire.trim();
  return territoire ? `Contrat de ville — ${territoire}` : 'Contrat de ville';
}

export function metaXml(input: ExportInput): string {
  const el = (name: string, value: string | undefined): string => (value ? `<${name}>${escapeText(value)}</${name}>` : '');
  const when = odfDateTime(input.date);
  const user = (name: string, value: string | undefined): string =>
    value ? `<meta:user-defined meta:name="${escapeAttr(name)}">${escapeText(value)}</meta:user-defined>` : '';
  const { referentiel } = input.meta;
  return (
    XML_DECLARATION +
    `<office:document-meta ${namespaces('office', 'meta', 'dc', 'xlink')} office:version="1.3"><office:meta>` +
    el('meta:generator', GENERATOR) +
    el('dc:title', documentTitle(input)) +
    el('dc:subject', 'Contrat de ville (politique de la ville)') +
    el('dc:description', [input.meta.epci.trim(), input.meta.communes.join(', ')].filter(Boolean).join(' — ')) +
    '<meta:keyword>contrat de ville</meta:keyword><meta:keyword>politique de la ville</meta:keyword>' +
    el('meta:initial-creator', input.options.author) +
    el('dc:creator', input.options.author) +
    el('meta:creation-date', when) +
    el('dc:date', when) +
    el('dc:language', 'fr-FR') +
    user('Organisation', input.options.organisation) +
    user('Territoire', input.meta.territoire.trim() || undefined) +
    user('Référentiel', `${referentiel.id} ${referentiel.version}`) +
    `</office:meta></office:document-meta>`
  );
}

/** Settings: open at 100 % in print layout. */
export function settingsXml(): string {
  return (
    XML_DECLARATION +
    `<office:document-settings ${namespaces('office', 'config')} office:version="1.3"><office:settings>` +
    '<config:config-item-set config:name="ooo:view-settings"><config:config-item config:name="ZoomFactor" config:type="short">100</config:config-item></config:config-item-set>' +
    '</office:settings></office:document-settings>'
  );
}

export function manifestXml(parts: string[]): string {
  const entries = parts.map((p) => `<manifest:file-entry manifest:full-path="${escapeAttr(p)}" manifest:media-type="text/xml"/>`).join('');
  return (
    XML_DECLARATION +
    `<manifest:manifest ${namespaces('manifest')} manifest:version="1.3">` +
    `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${ODT_MEDIA_TYPE}"/>${entries}</manifest:manifest>`
  );
}
