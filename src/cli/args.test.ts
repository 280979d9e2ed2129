import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('reads the check command with its options', () => {
    expect(parseArgs(['check', 'a.md', 'dossier', '--json', '--referentiel', 'annexe-1-2014'])).toEqual({
      kind: 'check',
      inputs: ['a.md', 'dossier'],
      json: true,
      referentiel: 'annexe-1-2014',
    });
    expect(parseArgs(['check', '--referentiel=x', 'a.md'])).toEqual({ kind: 'check', inputs: ['a.md'], json: false, referentiel: 'x' });
    expect(parseArgs(['check', '--', '--bizarre.md'])).toEqual({ kind: 'check', inputs: ['--bizarre.md'], json: false });
  });

  it('knows help and version, before and after the command', () => {
    for (const a of [['--help'], ['-h'], ['help'], ['check', '--help']]) expect(parseArgs(a)).toEqual({ kind: 'help' });
    for (const a of [['--version'], ['-v'], ['-V']]) expect(parseArgs(a)).toEqual({ kind: 'version' });
  });

  it('refuses bad usage with a French message and the usage line', () => {
    const cases: [string[], string][] = [
      [[], 'Aucune commande indiquée.'],
      [['check'], 'Aucun fichier indiqué.'],
      [['check', 'a.md', '--frobnicate'], 'Option inconnue : --frobnicate'],
      [['--frobnicate'], 'Option inconnue : --frobnicate'],
      [['check', 'a.md', '--referentiel'], "L'option --referentiel attend un identifiant de référentiel."],
      [['verifier', 'a.md'], 'Commande inconnue : « verifier ».'],
      [['contrat.docx'], 'Commande inconnue : « contrat.docx ». Pour vérifier ce fichier : pilier check contrat.docx'],
      [['check', '-'], 'La lecture depuis l’entrée standard n’est pas prise en charge : indiquez un fichier.'],
    ];
    for (const [argv, first] of cases) {
      const parsed = parseArgs(argv);
      expect(parsed.kind).toBe('usage');
      const message = parsed.kind === 'usage' ? parsed.message : '';
      expect(message.split('\n')[0]).toBe(first);
      expect(message).toContain('Pour l\'aide : pilier --help');
    }
  });
});
