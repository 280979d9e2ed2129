import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../check';
import { blocksFromSection, documentFromSections } from '../document/lexical';
import { walkSections } from './load';
import { deName, durationLabel, periodLabel, buildSkeleton, signatureRows, templateSectionNodes } from './skeleton';
import { loadTemplateAndPack, META } from './testFiles';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const { template, pack } = loadTemplateAndPack(read);
const sections = buildSkeleton(template, pack, META);

interface Node {
  type: string;
  text?: string;
  tag?: string;
  headerState?: number;
  children?: Node[];
}
const rootOf = (content: string): Node => (JSON.parse(content) as { root: Node }).root;
const all = (node: Node): Node[] => [node, ...(node.children ?? []).flatMap(all)];
const textOf = (node: Node): string => all(node).map((n) => n.text ?? '').join('');
const byId = (id: string) => sections.find((s) => s.id === id)!;

describe('buildSkeleton', () => {
  it('makes one project section per top-level template section, in order, with a Lexical editor state', () => {
    expect(sections.map((s) => [s.id, s.position, s.title])).toEqual(template.sections.map((s, i) => [s.id, i, s.title]));
    for (const s of sections) {
      const root = rootOf(s.content);
      expect(root).toMatchObject({ type: 'root', version: 1, direction: null, format: '', indent: 0 });
      expect(root.children!.length).toBeGreaterThan(0);
      // The section's own title is the project section's `title`, not a heading of its content.
      expect(all(root).filter((n) => n.type === 'heading').map(textOf)).not.toContain(s.title);
    }
  });

  it('writes sub-section titles as h2 and h3 headings, and a placeholder node in every body', () => {
    for (const top of template.sections) {
      const root = rootOf(byId(top.id).content);
      const headings = all(root).filter((n) => n.type === 'heading');
      expect(headings.map((h) => [h.tag, textOf(h)])).toEqual(
        walkSections(top.children ?? [], 2).map(({ section, depth }) => [`h${depth}`, section.title]),
      );
      const placeholders = all(root).filter((n) => n.type === 'pilier-placeholder').map((n) => n.text);
      for (const { section } of walkSections([top])) expect(placeholders).toContain(`[À compléter : ${section.placeholder}]`);
    }
    const placeholder = all(rootOf(byId('preambule').content)).find((n) => n.type === 'pilier-placeholder');
    expect(placeholder).toEqual({ type: 'pilier-placeholder', version: 1, text: '[À compléter : ambition du contrat, cadre législatif et bilan du contrat précédent (CUCS, PNRU)]' });
  });

  it('never writes the guidance into the content', () => {
    const content = sections.map((s) => s.content).join('\n');
    for (const { section } of walkSections(template.sections)) expect(content).not.toContain(section.guidance.slice(0, 60));
  });

  it('fills the territoire, the communes, the QPV with their codes and the période', () => {
    const presentation = textOf(rootOf(byId('presentation').content));
    expect(presentation).toContain('Le présent contrat de ville couvre le territoire « Val-de-Brume ». Il est conclu à l’échelle intercommunale par l’établissement public de coopération intercommunale, Communauté d’agglomération du Val-de-Brume, avec les communes de Brumeval, Saint-Aubin-sur-Brume et Orvilliers-la-Forêt.');
    expect(presentation).toContain('Le contrat de ville concerne trois quartiers prioritaires de la politique de la ville');
    const items = all(rootOf(byId('presentation').content)).filter((n) => n.type === 'listitem').map(textOf);
    expect(items).toEqual(['Les Hauts-de-Brume (code QN09901M)', 'Le Moulin-Neuf (code QN09902M)', 'La Garenne (code QN09903M)']);
    expect(textOf(rootOf(byId('duree-revision').content))).toContain('Le présent contrat de ville est conclu pour la période 2015-2020, soit une durée de six ans.');
  });

  it('writes placeholders where the metadata is missing', () => {
    const bare = buildSkeleton(template, pack, { territoire: 'Bourg', epci: '', communes: [], qpv: [{ nom: 'Le Centre', code: '' }], periode: { debut: '2024', fin: '2023' } });
    const find = (id: string) => rootOf(bare.find((s) => s.id === id)!.content);
    expect(textOf(find('presentation'))).toContain('par l’établissement public de coopération intercommunale, [À compléter : nom de l’EPCI], avec les communes [À compléter : communes concernées].');
    expect(all(find('presentation')).filter((n) => n.type === 'listitem').map((n) => (n.children ?? []).map((c) => c.type))).toEqual([['text', 'pilier-placeholder', 'text']]);
    expect(textOf(find('duree-revision'))).toContain('soit une durée de [À compléter : durée du contrat].');
    expect(textOf(find('signataires'))).toContain('Commune de [À compléter : commune]');
  });

  it('pre-fills the signature table with every required signatory and one row per commune', () => {
    const table = all(rootOf(byId('signataires').content)).find((n) => n.type === 'table')!;
    const rows = table.children!.map((row) => row.children!.map(textOf));
    expect(rows[0]).toEqual(['Institution', 'Représentée par', 'Signature']);
    expect(table.children![0]!.children!.map((c) => c.headerState)).toEqual([1, 1, 1]);
    expect(table.children![1]!.children!.map((c) => c.headerState)).toEqual([0, 0, 0]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'État',
      'Communauté d’agglomération du Val-de-Brume',
      'Commune de Brumeval',
      'Commune de Saint-Aubin-sur-Brume',
      'Commune d’Orvilliers-la-Forêt',
      'Département de [À compléter : département]',
      'Région [À compléter : région]',
      'Ministère public',
      'Éducation nationale',
      'France Travail',
      'Agence régionale de santé',
      'Caisse d’allocations familiales de [À compléter : département]',
      'Bailleur social : [À compléter : nom de l’organisme HLM]',
    ]);
    expect(rows.slice(1).every((r) => r[2] === '')).toBe(true);
    const required = pack.requirements.filter((r) => r.kind === 'signataire' && r.level !== 'recommandé');
    expect(signatureRows(template, pack, META)).toHaveLength(required.length - 1 + META.communes.length);
  });

  it('inserts one template section on its own, heading included (« Insérer la section »)', () => {
    const egalite = walkSections(template.sections).find(({ section }) => section.id === 'axe-egalite')!.section;
    const nodes = templateSectionNodes(egalite, template, pack, META, 2);
    expect(nodes.map((n) => n.type)).toEqual(['heading', 'paragraph']);
    expect(nodes[0]).toMatchObject({ tag: 'h2', children: [{ type: 'text', text: 'Égalité entre les femmes et les hommes', format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] });
  });
});

describe('the checker on a new contract', () => {
  const document = documentFromSections(sections);
  const report = check(document, pack);
  const result = (id: string) => report.requirements.find((r) => r.id === id)!;

  it('reads the skeleton back block for block, placeholders marked as not written', () => {
    const blocks = sections.flatMap((s) => blocksFromSection(s));
    const written = blocks.filter((b) => b.type !== 'heading' && !b.placeholder && b.text.trim() !== '');
    // Only what the metadata filled is written: the présentation, the QPV list, the période and the signature table.
    expect(new Set(written.map((b) => b.source!.section))).toEqual(new Set(['presentation', 'duree-revision', 'signataires']));
    expect(blocks.filter((b) => b.placeholder)).toHaveLength(walkSections(template.sections).length);
  });

  it('finds the structure of every obligatoire volet but reports none as written', () => {
    const volets = pack.requirements.filter((r) => r.kind === 'volet' && r.level === 'obligatoire');
    expect(volets.map((r) => r.id)).toEqual(['FEM-1a', 'INT-1f', 'CAD-PIL-CS', 'CAD-PIL-CV', 'CAD-PIL-EM', 'CAD-AXE-JEU', 'CAD-AXE-LCD', 'CAD-CC-1', 'CAD-GOV-PIL', 'CAD-GOV-EVAL']);
    for (const r of volets) {
      const res = result(r.id);
      // The structure is there: the checker's evidence opens on the template's heading.
      expect(res.reason, r.id).toMatch(/^Titre « /);
      expect(document.blocks.find((b) => b.id === res.evidence[0]!.blockId)!.type, r.id).toBe('heading');
      expect(res.status, r.id).toBe('missing');
    }
  });

  it('reports no action, partner or cible as covered on an empty skeleton', () => {
    const covered = report.requirements.filter((r) => ['action', 'partenaire', 'cible'].includes(r.kind) && r.status === 'covered');
    expect(covered.map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
  });

  it('counts the signatories of the pre-filled table, the QPV list and the période', () => {
    for (const r of pack.requirements.filter((x) => x.kind === 'signataire' && x.level !== 'recommandé')) expect(result(r.id).status, r.id).toBe('covered');
    expect(result('CAD-GOV-QPV').status).toBe('covered');
    expect(result('CAD-GOV-DUR').status).toBe('covered');
    expect(result('CAD-GOV-DIAG').status).toBe('missing');
  });
});

describe('formatting of the metadata', () => {
  it('states periods and durations in French', () => {
    expect(periodLabel({ debut: '2015', fin: '2020' })).toBe('2015-2020');
    expect(periodLabel({ debut: '2015-01-01', fin: '2020-12-31' })).toBe('du 1er janvier 2015 au 31 décembre 2020');
    expect(periodLabel({ debut: '2024-04', fin: '2030' })).toBe('d’avril 2024 à 2030');
    expect(periodLabel({ debut: '2024', fin: '2030-12-31' })).toBe('de 2024 au 31 décembre 2030');
    expect(durationLabel({ debut: '2015', fin: '2020' })).toBe('six ans');
    expect(durationLabel({ debut: '2015-01-01', fin: '2020-12-31' })).toBe('six ans');
    expect(durationLabel({ debut: '2024', fin: '2024' })).toBe('un an');
    expect(durationLabel({ debut: '2024-07', fin: '2025-12' })).toBe('18 mois');
  });

  it('elides and contracts « de » before a name', () => {
    expect(deName('Brumeval')).toBe('de Brumeval');
    expect(deName('Orvilliers-la-Forêt')).toBe('d’Orvilliers-la-Forêt');
    expect(deName('Le Havre')).toBe('du Havre');
    expect(deName('Les Mureaux')).toBe('des Mureaux');
    expect(deName('La Courneuve')).toBe('de La Courneuve');
  });
});
