import { describe, expect, it } from 'vitest';
import { fileNameOf, formatWho, isVerdict, reviewProjectName, VERDICT_OPTIONS } from './labels';

describe('review labels', () => {
  it('suggests « Relecture — <name> » without the folder or the extension', () => {
    expect(reviewProjectName('/home/claire/Reçus/contrat-vionne.docx')).toBe('Relecture — contrat-vionne');
    expect(reviewProjectName('C:\\Dossiers\\Contrat de ville 2024.v2.pdf')).toBe('Relecture — Contrat de ville 2024.v2');
    expect(reviewProjectName('/tmp/.contrat')).toBe('Relecture — .contrat');
    expect(fileNameOf('C:\\a\\b.odt')).toBe('b.odt');
  });

  it('says who and when in French', () => {
    const who = formatWho({ nom: 'Claire Martin', qualite: 'sous-préfète' }, '2026-11-25T22:40:00.000Z');
    expect(who).toMatch(/^Claire Martin, 2\d novembre 2026 à \d{2}:40$/);
    expect(formatWho({ nom: 'Claire Martin', qualite: '' }, '')).toBe('Claire Martin');
  });

  it('offers the four verdicts with their French words', () => {
    expect(VERDICT_OPTIONS.map((o) => o.label)).toEqual(['conforme', 'à compléter', 'non conforme', 'sans objet']);
    expect(isVerdict('a-completer')).toBe(true);
    expect(isVerdict('à compléter')).toBe(false);
  });
});
