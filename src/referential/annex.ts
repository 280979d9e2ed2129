/**
 * Reads the bullets of Annex 1 as printed: every « · » opens a bullet whose text runs to the end of its line;
 * every line starting with « Convention avec » opens a convention.
 */

export interface AnnexBullet {
  /** 0-based index of the convention in the annex. */
  convention: number;
  /** The bullet's text, trimmed, exactly as printed. */
  text: string;
  line: number;
}

export function parseAnnexBullets(annex: string): { conventions: string[]; bullets: AnnexBullet[] } {
  const conventions: string[] = [];
  const bullets: AnnexBullet[] = [];
  annex.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('Convention avec')) {
      conventions.push(line.trim());
      return;
    }
    const parts = line.split('·');
    for (const part of parts.slice(1)) {
      bullets.push({ convention: conventions.length - 1, text: part.trim(), line: i + 1 });
    }
  });
  return { conventions, bullets };
}
