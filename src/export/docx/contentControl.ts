import { BuilderElement, FileChild, NumberValueElement, StringValueElement } from 'docx';

/**
 * Block-level content controls (`w:sdt`, ECMA-376 part 1 §17.5.2), which the `docx` library writes only for its
 * table of contents. A section that serves requirements is wrapped in one whose tag lists their ids
 * (`pilier:FEM-1a,INT-1f`), and titled with the section's title, so the structure can be read back on import
 * (src/import/contentControls.ts). Word keeps tags and titles when it saves; LibreOffice 7.4 keeps the controls of
 * the sections and their titles but drops their tags, nested controls and the grille's control (seen here: the
 * reader then finds the grille by its title, and the sections by their titles).
 */

/** Prefix of the tags that list requirement ids. */
export const REQUIREMENTS_TAG = 'pilier:';
/** Prefix of the tags of the parts Pilier generates (cover page, grille): `pilier-partie:grille`. */
export const PART_TAG = 'pilier-partie:';

/**
 * Word's content control dialog takes titles and tags of at most 64 characters; longer ones are not promised to
 * survive a round trip through Word. A longer list of ids is spread over controls nested one in the other, each
 * tag at most this long; the reader joins them again.
 */
export const MAX_TAG_LENGTH = 64;

/** The tags for a list of requirement ids, each at most `MAX_TAG_LENGTH` characters, ids never split. */
export function requirementTags(ids: readonly string[]): string[] {
  const tags: string[] = [];
  let current = '';
  for (const id of ids) {
    const next = current ? `${current},${id}` : `${REQUIREMENTS_TAG}${id}`;
    if (current && next.length > MAX_TAG_LENGTH) {
      tags.push(current);
      current = `${REQUIREMENTS_TAG}${id}`;
    } else current = next;
  }
  if (current) tags.push(current);
  return tags;
}

/** « Pilier 1 — Cohésion sociale » cut to 64 characters with « … ». */
function shortAlias(title: string): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  return [...flat].length <= MAX_TAG_LENGTH ? flat : `${[...flat].slice(0, MAX_TAG_LENGTH - 1).join('').trimEnd()}…`;
}

export class ContentControl extends FileChild {
  /**
   * @param id unique in the document (`w:id`)
   * @param alias the name Word shows on the control (the section's title)
   */
  constructor(id: number, alias: string, tag: string, children: readonly FileChild[]) {
    super('w:sdt');
    this.root.push(
      new BuilderElement({
        name: 'w:sdtPr',
        children: [new StringValueElement('w:alias', shortAlias(alias)), new StringValueElement('w:tag', tag), new NumberValueElement('w:id', id)],
      }),
    );
    this.root.push(new BuilderElement({ name: 'w:sdtContent', children }));
  }
}

/** Allocates content-control ids, unique within one document. */
export class ControlIds {
  private next = 0x1000;
  take(): number {
    return this.next++;
  }
}

/**
 * Wraps blocks in one control per tag, the first tag outermost. With no tag, the blocks are returned as they are.
 */
export function wrapInControls(children: readonly FileChild[], alias: string, tags: readonly string[], ids: ControlIds): FileChild[] {
  if (tags.length === 0) return [...children];
  let inner: readonly FileChild[] = children;
  const taken = tags.map(() => ids.take());
  for (let i = tags.length - 1; i >= 0; i--) inner = [new ContentControl(taken[i]!, alias, tags[i]!, inner)];
  return [...inner];
}
