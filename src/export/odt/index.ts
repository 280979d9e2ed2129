import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportInput } from '../input';
import { contentXml, headerText, wantsNumberedHeadings } from './content';
import { ODT_MEDIA_TYPE, manifestXml, metaXml, settingsXml } from './package';
import { stylesXml } from './styles';

export { COVER_SECTION_NAME, GRILLE_SECTION_NAME, SECTION_NAME_PREFIX } from './content';
export { ODT_MEDIA_TYPE } from './package';

/** Fixed ZIP timestamps (no clock inside): the export's date at noon, or 1 January 2020 when it is not a date. */
function zipTime(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const year = m ? Number(m[1]) : 2020;
  if (!m || year < 1980 || year > 2107) return new Date(2020, 0, 1, 12);
  return new Date(year, Number(m[2]) - 1, Number(m[3]), 12);
}

/**
 * The contract as an OpenDocument text (ODF 1.3), built here without any external program: cover page, table
 * of contents, every section in order with LibreOffice's named styles, numbered headings (unless the text
 * numbers its own), page numbers, the territoire in the header, placeholders highlighted, each section that
 * serves requirements in a `text:section` named `pilier:<ids>`, and the optional « Grille de complétude ».
 * Pure: bytes out, nothing else; runs in the renderer and in Node.
 * @see ISO/IEC 26300 (ODF 1.3), part 2 §3 (package: `mimetype` first and stored, manifest of every part)
 */
export function buildContractOdt(input: ExportInput): Uint8Array {
  const mtime = zipTime(input.date);
  const styles = stylesXml({ headerText: headerText(input), numberedHeadings: wantsNumberedHeadings(input.sections) });
  const parts: [string, string][] = [
    ['content.xml', contentXml(input)],
    ['styles.xml', styles],
    ['meta.xml', metaXml(input)],
    ['settings.xml', settingsXml()],
  ];
  const files: Zippable = {
    // First and uncompressed, so a reader can tell the type from the bytes at offset 38.
    mimetype: [strToU8(ODT_MEDIA_TYPE), { level: 0, mtime }],
  };
  for (const [name, xml] of parts) files[name] = [strToU8(xml), { level: 6, mtime }];
  files['META-INF/manifest.xml'] = [strToU8(manifestXml(parts.map(([name]) => name))), { level: 6, mtime }];
  return zipSync(files);
}
