import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH, XmlError, elements, findElement, parseXml } from './xml';

const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';

describe('parseXml', () => {
  it('builds the tree: elements, attributes, text with entities and CDATA', () => {
    const root = parseXml(`<?xml version="1.0"?>\n<!-- note --><a x="1 &amp; 2" y='&#233;t&#xE9;'><b>un &lt;deux&gt;</b><![CDATA[<brut>]]><c/></a>`);
    expect(root.name).toBe('a');
    expect(root.attrs).toEqual({ x: '1 & 2', y: 'été' });
    expect(elements(root).map((e) => e.name)).toEqual(['b', 'c']);
    expect(findElement(root, 'b')!.children).toEqual(['un <deux>']);
    expect(root.children[1]).toBe('<brut>');
  });

  it('rewrites namespace prefixes to the canonical ones, and never confuses an unknown namespace with a known one', () => {
    const root = parseXml(`<t:p xmlns:t="${TEXT_NS}" t:style-name="S"><text:span xmlns:text="urn:autre">x</text:span></t:p>`, { [TEXT_NS]: 'text' });
    expect(root.name).toBe('text:p');
    expect(root.attrs).toEqual({ 'text:style-name': 'S' });
    expect(elements(root)[0]!.name).toBe('~text:span');
  });

  it('expands no entity but the predefined ones (no external entity, no billion laughs)', () => {
    const doc = `<!DOCTYPE a [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;"><!ENTITY ext SYSTEM "file:///etc/passwd">]><a>&lol2; &ext; &amp;</a>`;
    expect(parseXml(doc).children).toEqual(['&lol2; &ext; &']);
  });

  it('refuses malformed documents with an XmlError', () => {
    for (const bad of ['<a><b></a>', '<a>', '', 'texte', '<a></a><b/>', '<a x="1></a>', '<a><!-- sans fin</a>']) {
      expect(() => parseXml(bad), bad).toThrow(XmlError);
    }
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const deep = '<a>'.repeat(MAX_XML_DEPTH + 1) + '</a>'.repeat(MAX_XML_DEPTH + 1);
    expect(() => parseXml(deep)).toThrow(/imbrication/);
    const fine = '<a>'.repeat(100) + '</a>'.repeat(100);
    expect(parseXml(fine).name).toBe('a');
  });
});
