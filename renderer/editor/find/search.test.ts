import { describe, expect, it } from 'vitest';
import { fold } from './search';

describe('fold (find ignores case and accents)', () => {
  it('keeps the length, so offsets in the folded text are offsets in the original', () => {
    const text = 'Égalité entre les femmes et les hommes : ŒUVRE, Ça, naïve';
    expect(fold(text)).toHaveLength(text.length);
    expect(fold(text)).toBe('egalite entre les femmes et les hommes : œuvre, ca, naive');
  });
});
