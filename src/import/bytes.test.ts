import { describe, expect, it } from 'vitest';
import { concat, oleFile, storedZip, withDeclaredSize } from '../../tests/fixtures/cli/zip';
import { MAX_TEXT_BYTES, decodeText, formatSize, inspectZip, sniff } from './bytes';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sniff', () => {
  it('tells ZIP, OLE, PDF, RTF, empty and other content apart', () => {
    expect(sniff(storedZip({ a: 'b' }))).toBe('zip');
    expect(sniff(oleFile())).toBe('ole');
    expect(sniff(utf8('%PDF-1.7\n'))).toBe('pdf');
    expect(sniff(utf8('{\\rtf1\\ansi'))).toBe('rtf');
    expect(sniff(new Uint8Array())).toBe('empty');
    expect(sniff(utf8('# Contrat'))).toBe('unknown');
  });
});

describe('formatSize', () => {
  it('writes sizes the French way', () => {
    expect(formatSize(0)).toBe('0 octet');
    expect(formatSize(512)).toBe('512 octets');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1,5\u00a0Mo');
    expect(formatSize(200 * 1024 * 1024)).toBe('200\u00a0Mo');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with or without a BOM, and UTF-16 with a BOM', () => {
    expect(decodeText(utf8('Égalité'), 'a.md')).toEqual({ ok: true, text: 'Égalité', warnings: [] });
    expect(decodeText(concat([new Uint8Array([0xef, 0xbb, 0xbf]), utf8('Été')]), 'a.md')).toMatchObject({ text: 'Été' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Santé'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeText(utf16, 'a.txt')).toMatchObject({ ok: true, text: 'Santé' });
  });
  it('reads Windows-1252 text with a warning', () => {
    const latin = new Uint8Array([0x53, 0x61, 0x6e, 0x74, 0xe9, 0x20, 0x9c, 0x75, 0x76, 0x72, 0x65]);
    const result = decodeText(latin, 'ancien.txt');
    expect(result).toMatchObject({ ok: true, text: 'Santé œuvre' });
    expect(result.ok && result.warnings[0]).toContain('ancien.txt');
  });
  it('refuses binary data, an empty file, a ZIP and an oversized text', () => {
    const binary = decodeText(new Uint8Array([0x23, 0x20, 0x00, 0x01, 0xff]), 'image.md');
    expect(binary).toEqual({ ok: false, error: 'Le fichier image.md n\'est pas un fichier texte (il contient des données binaires).' });
    expect(decodeText(new Uint8Array([0x41, 0x80, 0x02, 0x81, 0x03]), 'x.md')).toMatchObject({ ok: false });
    expect(decodeText(new Uint8Array(), 'vide.md')).toEqual({ ok: false, error: 'Le fichier vide.md est vide (0 octet) : il n\'y a rien à vérifier.' });
    const zip = decodeText(storedZip({ 'word/document.xml': '<w/>' }), 'contrat.md');
    expect(!zip.ok && zip.error).toContain('document Word (.docx) renommé');
    const big = decodeText(new Uint8Array(MAX_TEXT_BYTES + 1), 'gros.txt');
    expect(!big.ok && big.error).toContain('trop volumineux');
  });
});

describe('inspectZip', () => {
  it('lists entries and their declared sizes', () => {
    const result = inspectZip(storedZip({ 'word/document.xml': 'abc', '_rels/.rels': 'de' }));
    expect(result).toEqual({
      ok: true,
      entries: [
        { name: 'word/document.xml', uncompressedSize: 3, encrypted: false },
        { name: '_rels/.rels', uncompressedSize: 2, encrypted: false },
      ],
      totalUncompressed: 5,
    });
  });
  it('sees a declared size without decompressing anything', () => {
    const zip = withDeclaredSize(storedZip({ a: 'x', b: 'y' }), 'b', 0xfffffff0);
    expect(inspectZip(zip)).toMatchObject({ ok: true, totalUncompressed: 0xfffffff0 + 1 });
  });
  it('reports a truncated archive', () => {
    const zip = storedZip({ 'word/document.xml': 'x'.repeat(500) });
    expect(inspectZip(zip.subarray(0, 300))).toEqual({ ok: false, problem: 'archive ZIP incomplète : la fin du fichier manque' });
  });
  it('reports a directory that points past the end', () => {
    const zip = storedZip({ a: 'x' });
    new DataView(zip.buffer).setUint32(zip.length - 6, 0x7fffffff, true);
    expect(inspectZip(zip)).toMatchObject({ ok: false });
  });
});
