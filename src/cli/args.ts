import { parseExportArgs, type ExportCommand, type SkeletonCommand } from './exportArgs';

/** The command line of `pilier`, parsed into what to do; bad usage comes back as a French message. */

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | CheckCommand
  | ExportCommand
  | SkeletonCommand
  | { kind: 'usage'; message: string };

/** `pilier check`: with `summary`, one row per contract (and `out`, a DOCX of them) rather than reports. */
export interface CheckCommand {
  kind: 'check';
  inputs: string[];
  json: boolean;
  referentiel?: string;
  summary?: boolean;
  out?: string;
  force?: boolean;
}

export const DEFAULT_REFERENTIEL = 'annexe-1-2014';

export const HELP_TEXT = `pilier — vérifie qu'un contrat de ville contient ce que le référentiel exige

Usage :
  pilier check <fichier|dossier>… [--json] [--referentiel <id>]
  pilier check <dossier>… --summary [--out synthese.docx] [--force] [--json]
  pilier export <contrat.pilier|.md|.docx> --out <fichier.docx|.odt> [--format docx|odt]
                [--no-grille] [--force]
  pilier skeleton --territoire « … » [--epci « … »] [--commune « … »]… [--qpv « Nom:CODE »]…
                [--periode 2015-2020] [--referentiel quartiers-2030] --out <fichier.docx|.odt> [--force]
  pilier --help
  pilier --version

Fichiers lus : .md et .markdown (Markdown), .txt (texte brut, UTF-8), .docx (Word),
.odt (OpenDocument), .pdf (PDF avec son texte ; un PDF numérisé demande une OCR).
Le format est reconnu au contenu du fichier, même si son extension est fausse.
Un dossier donne ses fichiers de ces types ; les sous-dossiers ne sont pas parcourus.
Limites : 20 Mo par fichier texte, 100 Mo par document Word, OpenDocument ou PDF,
2 000 pages par PDF.

Options :
  --json                sortie JSON : un objet pour un fichier, un tableau pour un dossier
                        ou plusieurs fichiers
  --referentiel <id>    référentiel à utiliser (par défaut : ${DEFAULT_REFERENTIEL}),
                        ou chemin d'un fichier de référentiel .json
  --summary             synthèse : une ligne par contrat (territoire, exigences couvertes,
                        partielles, manquantes, exigences obligatoires manquantes) ;
                        avancement affiché sur la sortie d'erreur
  --out <fichier.docx>  avec --summary : écrit la synthèse en document Word
                        « Synthèse des contrats de ville reçus »
  --force               avec --out : remplace le fichier s'il existe
  -h, --help            affiche cette aide
  -v, --version         affiche la version

Export (export, skeleton) :
  --out <fichier>       fichier à écrire ; son extension (.docx, .odt) donne le format
  --format docx|odt     format, quand l'extension ne le dit pas
  --no-grille           sans l'annexe « Grille de complétude »
  --force               remplace le fichier s'il existe (sinon Pilier refuse)
  --territoire, --epci, --commune (répétable), --qpv « Nom:CODE » (répétable),
  --periode 2015-2020   page de garde d'un squelette, ou d'un brouillon .md ou .docx
                        (un projet .pilier porte déjà ces informations)
  Le squelette suit le modèle fait pour le référentiel : contrat-de-ville-2015 (annexe-1-2014,
  période 2015-2020 par défaut) ou, avec --referentiel quartiers-2030, contrat-de-ville-2024
  (période 2024-2030).

Pour un fichier : le tableau des exigences par pilier ou axe, avec l'état
(✔ couverte, ◐ partielle, ✘ manquante), la raison et un extrait du texte.
Pour plusieurs fichiers : une ligne de bilan par fichier.
Avec --json et --summary : la synthèse en JSON (lignes et totaux).

Codes de sortie : 0 vérification faite · 2 fichier illisible ou usage incorrect
· 70 erreur interne.

Exemples :
  npx pilier check contrat.docx
  npx pilier check brouillons/ --json > bilan.json
  npx pilier check contrats-recus/ --summary --out synthese.docx
  npx pilier export contrat.pilier --out contrat.docx
  npx pilier skeleton --territoire "Val-de-Brume" --commune Brumeval --out squelette.docx
`;

const CHECK_HINT = 'Usage : pilier check <fichier|dossier>… [--json] [--referentiel <id>] [--summary [--out synthese.docx] [--force]]';

function usage(message: string): Command {
  return { kind: 'usage', message: `${message}\n${CHECK_HINT}\nPour l'aide : pilier --help` };
}

/** Parses `argv` (without `node` and the script). Never throws. */
export function parseArgs(argv: string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) return usage('Aucune commande indiquée.');
  if (first === '--help' || first === '-h' || first === 'help') return { kind: 'help' };
  if (first === '--version' || first === '-v' || first === '-V') return { kind: 'version' };
  if (first.startsWith('-')) return usage(`Option inconnue : ${first}`);
  if (first === 'export' || first === 'skeleton') return parseExportArgs(first, rest);
  if (first !== 'check') {
    if (/\.(md|markdown|txt|docx|odt|pdf)$/i.test(first) || first.includes('/')) {
      return usage(`Commande inconnue : « ${first} ». Pour vérifier ce fichier : pilier check ${first}`);
    }
    return usage(`Commande inconnue : « ${first} ».`);
  }

  const inputs: string[] = [];
  let json = false;
  let referentiel: string | undefined;
  let summary = false;
  let out: string | undefined;
  let force = false;
  let onlyFiles = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (onlyFiles || !arg.startsWith('-') || arg === '-') {
      if (arg === '-') return usage('La lecture depuis l’entrée standard n’est pas prise en charge : indiquez un fichier.');
      inputs.push(arg);
    } else if (arg === '--') {
      onlyFiles = true;
    } else if (arg === '--help' || arg === '-h') {
      return { kind: 'help' };
    } else if (arg === '--json') {
      json = true;
    } else if (arg === '--summary') {
      summary = true;
    } else if (arg === '--force' || arg === '-f') {
      force = true;
    } else if (arg === '--out' || arg === '-o' || arg.startsWith('--out=')) {
      const value = arg.startsWith('--out=') ? arg.slice('--out='.length) : rest[++i];
      if (value === undefined || value.trim() === '') return usage(`L'option --out attend le nom du fichier à écrire (synthese.docx).`);
      out = value;
    } else if (arg === '--referentiel' || arg === '-r') {
      const value = rest[++i];
      if (value === undefined || value === '') return usage(`L'option ${arg} attend un identifiant de référentiel.`);
      referentiel = value;
    } else if (arg.startsWith('--referentiel=')) {
      referentiel = arg.slice('--referentiel='.length);
      if (!referentiel) return usage("L'option --referentiel attend un identifiant de référentiel.");
    } else {
      return usage(`Option inconnue : ${arg}`);
    }
  }
  if (inputs.length === 0) return usage('Aucun fichier indiqué.');
  if (out !== undefined && !summary) return usage('L’option --out s’emploie avec --summary : pilier check <dossier> --summary --out synthese.docx');
  if (out !== undefined && !/\.docx$/i.test(out)) return usage(`La synthèse s’écrit en document Word : donnez à --out un nom en .docx (« ${out} »).`);
  return {
    kind: 'check',
    inputs,
    json,
    ...(referentiel !== undefined ? { referentiel } : {}),
    ...(summary ? { summary } : {}),
    ...(out !== undefined ? { out } : {}),
    ...(force ? { force } : {}),
  };
}
