/**
 * The command lines of `pilier export` and `pilier skeleton`, parsed into what to do; bad usage comes back as a
 * French message. Kept apart from src/cli/export.ts so that parsing loads none of the writers.
 */

export type ExportFormat = 'docx' | 'odt';

/** What the options say of the contract when the input does not (Markdown, Word) or for a skeleton. */
export interface MetaFlags {
  territoire?: string;
  epci?: string;
  communes: string[];
  qpv: { nom: string; code: string }[];
  periode?: { debut: string; fin: string };
}

interface OutputFlags {
  out: string;
  /** Given with --format; otherwise taken from the extension of --out. */
  format?: ExportFormat;
  grille: boolean;
  force: boolean;
  referentiel?: string;
  meta: MetaFlags;
}

export type ExportCommand = { kind: 'export'; input: string } & OutputFlags;
export type SkeletonCommand = { kind: 'skeleton' } & OutputFlags;

export const EXPORT_HINT = 'Usage : pilier export <contrat.pilier|.md|.docx> --out <fichier.docx|.odt> [--format docx|odt] [--no-grille] [--force]';
export const SKELETON_HINT =
  'Usage : pilier skeleton --territoire « … » [--epci « … »] [--commune « … »]… [--qpv « Nom:CODE »]… [--periode 2015-2020] --out <fichier.docx|.odt> [--force]';

type Usage = { kind: 'usage'; message: string };

function usage(message: string, hint: string): Usage {
  return { kind: 'usage', message: `${message}\n${hint}\nPour l'aide : pilier --help` };
}

/** « 2015-2020 », « 2024-01/2030-12 », « 2024-01-01/2030-12-31 ». */
export function parsePeriode(text: string): { debut: string; fin: string } | undefined {
  const date = '\\d{4}(?:-\\d{2}(?:-\\d{2})?)?';
  const m = new RegExp(`^\\s*(\\d{4})\\s*[-–]\\s*(\\d{4})\\s*$`).exec(text) ?? new RegExp(`^\\s*(${date})\\s*/\\s*(${date})\\s*$`).exec(text);
  if (!m || m[2]! < m[1]!) return undefined;
  return { debut: m[1]!, fin: m[2]! };
}

/** « Les Hauts-de-Brume:QN09901M » or « Les Hauts-de-Brume (QN09901M) »; a name alone has no code. */
export function parseQpv(text: string): { nom: string; code: string } | undefined {
  const t = text.trim();
  const m = /^(.+?)\s*\(\s*([^()]+?)\s*\)$/.exec(t) ?? /^(.+?)\s*:\s*([^:]+?)$/.exec(t);
  if (m && m[1]!.trim()) return { nom: m[1]!.trim(), code: m[2]!.trim() };
  return t ? { nom: t, code: '' } : undefined;
}

const VALUE_OPTIONS = new Set(['--out', '-o', '--format', '--territoire', '--epci', '--commune', '--qpv', '--periode', '--referentiel', '-r']);

/** Parses the arguments after `export` or `skeleton`. Never throws. */
export function parseExportArgs(kind: 'export' | 'skeleton', args: string[]): ExportCommand | SkeletonCommand | Usage | { kind: 'help' } {
  const hint = kind === 'export' ? EXPORT_HINT : SKELETON_HINT;
  const inputs: string[] = [];
  const meta: MetaFlags = { communes: [], qpv: [] };
  let out: string | undefined;
  let format: ExportFormat | undefined;
  let grille = true;
  let force = false;
  let referentiel: string | undefined;
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    let arg = args[i]!;
    if (onlyFiles || !arg.startsWith('-') || arg === '-') {
      if (arg === '-') return usage('La lecture depuis l’entrée standard n’est pas prise en charge : indiquez un fichier.', hint);
      inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--no-grille') {
      grille = false;
      continue;
    }
    if (arg === '--force' || arg === '-f') {
      force = true;
      continue;
    }
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (!VALUE_OPTIONS.has(arg)) return usage(`Option inconnue : ${arg}`, hint);
    value ??= args[++i];
    if (value === undefined || value.trim() === '') return usage(`L'option ${arg} attend une valeur.`, hint);
    switch (arg) {
      case '--out':
      case '-o':
        out = value;
        break;
      case '--format': {
        const f = value.toLowerCase().replace(/^\./, '');
        if (f !== 'docx' && f !== 'odt') return usage(`Format inconnu : « ${value} ». Formats possibles : docx, odt.`, hint);
        format = f;
        break;
      }
      case '--territoire':
        meta.territoire = value.trim();
        break;
      case '--epci':
        meta.epci = value.trim();
        break;
      case '--commune':
        meta.communes.push(value.trim());
        break;
      case '--qpv': {
        const qpv = parseQpv(value);
        if (qpv) meta.qpv.push(qpv);
        break;
      }
      case '--periode': {
        const periode = parsePeriode(value);
        if (!periode) return usage(`Période illisible : « ${value} ». Écrivez par exemple 2015-2020, ou 2024-01/2030-12.`, hint);
        meta.periode = periode;
        break;
      }
      default:
        referentiel = value;
    }
  }
  if (out === undefined) return usage('Indiquez le fichier à écrire avec --out.', hint);
  const flags = { out, ...(format ? { format } : {}), grille, force, ...(referentiel !== undefined ? { referentiel } : {}), meta };
  if (kind === 'skeleton') {
    if (inputs.length > 0) return usage(`La commande skeleton ne lit aucun fichier (« ${inputs[0]} ») : elle écrit un contrat vide à partir du modèle.`, hint);
    if (!meta.territoire) return usage('Indiquez le territoire du contrat avec --territoire.', hint);
    return { kind, ...flags };
  }
  if (inputs.length === 0) return usage('Indiquez le contrat à exporter (.pilier, .md ou .docx).', hint);
  if (inputs.length > 1) return usage(`Un seul contrat à la fois : ${inputs.join(', ')}.`, hint);
  return { kind, input: inputs[0]!, ...flags };
}
