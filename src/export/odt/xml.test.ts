import { describe, expect, it } from 'vitest';
import { parseXml } from '../../import/xml';
import { attrs, escapeAttr, escapeText, odfText } from './xml';

describe('XML escaping', () => {
  it('escapes markup in text and attributes, and keeps attribute white space as references', () => {
    expect(escapeText('a < b && c > d ]]>')).toBe('a &lt; b &amp;&amp; c &gt; d ]]&gt;');
    expect(escapeAttr('« x » "y" <z>\t\n')).toBe('« x » &quot;y&quot; &lt;z&gt;&#9;&#10;');
    expect(attrs({ 'text:name': 'a"b', 'text:x': undefined, 'text:n': 3 })).toBe(' text:name="a&quot;b" text:n="3"');
  });

  it('drops what XML 1.0 cannot hold (controls, U+FFFF, lone surrogates) and keeps astral characters', () => {
    expect(escapeText('a\u0000b\u0008c\u000Bd\uFFFFe\uD800f')).toBe('abcdef');
    expect(escapeText('emoji 😀')).toBe('emoji 😀');
  });

  it('writes the spaces, tabs and line breaks ODF would otherwise collapse', () => {
    expect(odfText('a b')).toBe('a b');
    expect(odfText('a   b')).toBe('a <text:s text:c="2"/>b');
    expect(odfText(' lead and trail ')).toBe('<text:s/>lead and trail<text:s/>');
    expect(odfText('col1\tcol2\nligne 2\r\nligne 3')).toBe('col1<text:tab/>col2<text:line-break/>ligne 2<text:line-break/>ligne 3');
  });

  it('always gives well-formed XML that reads back to the same text', () => {
    const nasty = ' <script>alert("x")</script> & « ’ » \u0001 ]]> ';
    const xml = `<text:p xmlns:text="t" text:name="${escapeAttr(nasty)}">${odfText(nasty)}</text:p>`;
    const el = parseXml(xml);
    expect(el.attrs['text:name']).toBe(nasty.replace('\u0001', ''));
    const text = el.children.map((c) => (typeof c === 'string' ? c : c.name === 'text:s' ? ' '.repeat(Number(c.attrs['text:c'] ?? 1)) : '')).join('');
    expect(text).toBe(nasty.replace('\u0001', ''));
  });
});
