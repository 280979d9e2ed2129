import { describe, expect, it } from 'vitest';
import { scanTokens, sentenceSpans, tokenize, TokenBuffer } from './text';

const slices = (text: string, b: TokenBuffer) => Array.from({ length: b.count }, (_, k) => text.slice(b.start[k], b.end[k]));

describe('scanTokens', () => {
  it('gives words with exact offsets; punctuation and apostrophes separate them; dotted acronyms are one token', () => {
    const text = 'Le C.L.S.P.D. de l’agglomération – réuni le 3 mars (Vallombre-Métropole).';
    const b = scanTokens(text, new TokenBuffer());
    expect(slices(text, b)).toEqual(['Le', 'C.L.S.P.D.', 'de', 'l', 'agglomération', 'réuni', 'le', '3', 'mars', 'Vallombre', 'Métropole']);
    expect(b.words[1]!.raw).toBe('CLSPD');
    expect(b.words[1]!.acronym).toBe('CLSPD');
    expect(b.words[4]!.norm).toBe('agglomeration');
    expect(b.words[0]!.stop).toBe(true);
  });

  it('returns one shared word per form, and tells apart forms that differ by one letter or by case', () => {
    const b = scanTokens('santé Santé santé santés', new TokenBuffer());
    expect(b.words[0]).toBe(b.words[2]);
    expect(b.words[0]).not.toBe(b.words[1]);
    expect(b.words[0]).not.toBe(b.words[3]);
    expect(scanTokens('la santé', new TokenBuffer()).words[1]).toBe(b.words[0]);
  });

  it('keeps finding every form while the lexicon grows past its first table', () => {
    // 40 000 distinct forms: the hash table starts with room for 16 384 and must grow twice.
    const forms = Array.from({ length: 40_000 }, (_, i) => `mot${i.toString(36)}x`);
    const text = forms.join(' ');
    const b = scanTokens(text, new TokenBuffer());
    expect(b.count).toBe(forms.length);
    expect(b.words.slice(0, b.count).map((w) => w.raw)).toEqual(forms);
    const first = b.words.slice(0, b.count);
    const again = scanTokens(text, new TokenBuffer());
    expect(again.words.slice(0, again.count).every((w, k) => w === first[k])).toBe(true);
  });

  it('reuses a buffer: a shorter text after a longer one leaves only its own tokens', () => {
    const b = new TokenBuffer();
    scanTokens('un deux trois quatre cinq '.repeat(100), b);
    expect(b.count).toBe(500);
    scanTokens('Volet santé', b);
    expect(b.count).toBe(2);
    expect(b.words[1]!.raw).toBe('santé');
    expect([b.start[1], b.end[1]]).toEqual([6, 11]);
  });

  it('reads nothing past the end of a text, even after scanning a longer one', () => {
    const b = new TokenBuffer();
    scanTokens('Zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', b);
    const text = 'Signé par le C.L.S.';
    scanTokens(text, b);
    expect(slices(text, b)).toEqual(['Signé', 'par', 'le', 'C.L.S.']);
    expect(b.words[3]!.raw).toBe('CLS');
  });

  it('agrees with tokenize, which keeps one object per token', () => {
    const text = 'Le contrat local de santé (CLS) est signé par l’ARS.';
    const b = scanTokens(text, new TokenBuffer());
    expect(tokenize(text)).toEqual(Array.from({ length: b.count }, (_, k) => ({ w: b.words[k], start: b.start[k], end: b.end[k] })));
  });
});

describe('sentenceSpans', () => {
  it('cuts before a capital, a digit or a quote, and at line breaks', () => {
    const text = 'Premier point. Deuxième point ; « Troisième » point.\nSuite sans point';
    expect(sentenceSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(['Premier point. ', 'Deuxième point ; ', '« Troisième » point.\n', 'Suite sans point']);
  });

  it('starts afresh on every call (the scanning regex is shared)', () => {
    sentenceSpans('Une phrase assez longue. Une autre phrase encore plus longue. Et une dernière.');
    expect(sentenceSpans('Court. Fin')).toEqual([[0, 7], [7, 10]]);
  });
});
