import { describe, expect, it } from 'vitest';
import { offsetOfPosition, passageInBlock, type PositionMap } from './anchor';

/** Two text « nodes » separated by one « \n » separator, as domText renders two paragraphs of a list item. */
function twoNodes(): PositionMap<string> {
  const pieces = [
    { node: 'a', start: 0, length: 5 },
    { node: null, start: 5, length: 1 },
    { node: 'b', start: 6, length: 4 },
  ];
  return {
    text: 'Hello\nWorld'.slice(0, 10),
    positionAt(offset) {
      const p = pieces.find((x) => offset < x.start + x.length) ?? pieces[pieces.length - 1]!;
      if (p.node) return { node: p.node, offset: Math.min(offset - p.start, p.length) };
      return { node: 'b', offset: 0 };
    },
  };
}

describe('offsetOfPosition', () => {
  it('maps a position in each node to the rendered offset', () => {
    const map = twoNodes();
    expect(offsetOfPosition(map, 'a', 0)).toBe(0);
    expect(offsetOfPosition(map, 'a', 3)).toBe(3);
    expect(offsetOfPosition(map, 'b', 2)).toBe(8);
  });

  it('maps the end of a node after its last character, and refuses a foreign node', () => {
    const map = twoNodes();
    expect(offsetOfPosition(map, 'a', 5)).toBe(5);
    expect(offsetOfPosition(map, 'b', 4)).toBe(10);
    expect(offsetOfPosition(map, 'c', 0)).toBe(-1);
  });
});

describe('passageInBlock', () => {
  const text = 'Le comité de pilotage se réunit deux fois par an.';

  it('keeps the offsets when both texts agree, without surrounding spaces', () => {
    expect(passageInBlock(text, text, 2, 22)).toEqual({ start: 3, end: 21, quote: 'comité de pilotage' });
  });

  it('finds the quote nearest its rendered offset when the texts differ', () => {
    const rendered = `\n${text}`;
    expect(passageInBlock(text, rendered, 4, 22)).toEqual({ start: 3, end: 21, quote: 'comité de pilotage' });
  });

  it('refuses an empty selection or a quote the block does not hold', () => {
    expect(passageInBlock(text, text, 5, 5)).toBeNull();
    expect(passageInBlock(text, '   ', 0, 3)).toBeNull();
    expect(passageInBlock('autre texte', text, 3, 21)).toBeNull();
  });
});
