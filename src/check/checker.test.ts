import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../document/markdown';
import { check, Checker } from './checker';
import { TEST_PACK } from './testPack';

const statusOf = (md: string, id: string) => {
  const r = check(parseMarkdown(md), TEST_PACK).requirements.find((x) => x.id === id)!;
  return r;
};

const LONG =
  'Le diagnostic sexué montre un taux d’activité des femmes de 41 % dans les quartiers. Trois actions sont prévues : ' +
  'des marches exploratoires avec les habitantes, un accompagnement vers l’emploi des mères isolées, et la formation ' +
  'des animateurs aux stéréotypes. Le CIDFF tient une permanence hebdomadaire au centre social, et un comité ' +
  'de suivi réunit chaque année les associations de femmes des quartiers.';

describe('volets', () => {
  it('a dedicated section with content is covered, with the heading as evidence', () => {
    const r = statusOf(`# Contrat\n\n## Égalité entre les femmes et les hommes\n\n${LONG}\n`, 'FEM-1a');
    expect(r.status).toBe('covered');
    expect(r.reason).toMatch(/Volet présent : section « Égalité entre les femmes et les hommes »/);
    expect(r.evidence[0]).toMatchObject({ text: 'Égalité entre les femmes et les hommes', headingPath: ['Contrat'] });
  });

  it('tolerates typography: en dash, F/H, capitals, ligatures', () => {
    expect(statusOf(`## ÉGALITÉ FEMMES–HOMMES\n\n${LONG}`, 'FEM-1a').status).toBe('covered');
    expect(statusOf(`## Égalité F/H\n\n${LONG}`, 'FEM-1a').status).toBe('covered');
  });

  it('a heading with an empty or placeholder body is missing', () => {
    const r = statusOf('## Égalité femmes-hommes\n\n[À compléter : actions en faveur de l’égalité]\n\n## Suite\n\nTexte.', 'FEM-1a');
    expect(r.status).toBe('missing');
    expect(r.reason).toMatch(/section vide ou « À compléter »/);
  });

  it('a deferred volet does not count', () => {
    const md = `## Égalité femmes-hommes\n\nLe volet égalité femmes-hommes fera l’objet d’un avenant ultérieur, après le diagnostic qui n’a pas pu être conduit à ce stade par les services de l’État et les partenaires associés au contrat de ville.`;
    const r = statusOf(md, 'FEM-1a');
    expect(r.status).toBe('missing');
  });

  it('a negated volet does not count', () => {
    const r = statusOf('## Préambule\n\nLe présent contrat ne comporte pas de volet égalité femmes-hommes.', 'FEM-1a');
    expect(r.status).toBe('missing');
    expect(r.reason).toMatch(/Écarté explicitement/);
  });

  it('a passing mention in a list is partial', () => {
    const r = statusOf('## Priorités\n\n- la jeunesse ;\n- l’égalité femmes-hommes ;\n- l’emploi.', 'FEM-1a');
    expect(r.status).toBe('partial');
    expect(r.reason).toBe('Mentionné une fois, dans une liste, sans section dédiée');
  });

  it('a labelled paragraph counts as a dedicated section', () => {
    const r = statusOf(`## Axes transversaux\n\nÉgalité femmes-hommes : ${LONG}`, 'FEM-1a');
    expect(r.status).toBe('covered');
  });

  it('resolves CLS by context: santé or sécurité', () => {
    const sante = 'Le CLS signé avec l’ARS en 2014 tient lieu de volet santé ; il finance deux médiatrices santé et un accès aux soins renforcé.';
    const secu = 'Le CLS de 1999 est remplacé par la stratégie du conseil de prévention de la délinquance et de sécurité.';
    expect(statusOf(`## Priorités\n\n${sante}`, 'SAN-5').evidence.map((e) => e.text)).toHaveLength(1);
    expect(statusOf(`## Priorités\n\n${secu}`, 'SAN-5').status).toBe('missing');
    expect(statusOf(`## Priorités\n\n${secu}`, 'INT-1f').status).toBe('partial');
  });
});

describe('framing of paragraphs and lists', () => {
  it('a paragraph labelled « Santé. » introduces a section up to the next label', () => {
    const md = `## Orientation 1\n\n**Sécurité.** Au niveau national, la stratégie fixe trois programmes.\n\nLocalement, le contrat retient la médiation sociale de soirée dans les trois quartiers, les chantiers éducatifs de la prévention spécialisée, la coordination des polices municipales, la vidéoprotection de la place commerciale et un référent tranquillité par bailleur, avec un point à chaque comité de pilotage en présence du procureur de la République, du directeur départemental de la sécurité publique et des bailleurs sociaux des quartiers.\n\n**Culture.** Autre chose.`;
    const r = statusOf(md, 'INT-1f');
    expect(r.status).toBe('covered');
  });

  it('list items inherit the national framing of their lead-in sentence', () => {
    const md = '## Contexte\n\nAu niveau national, la convention interministérielle prévoit :\n\n- des marches exploratoires ;\n- des permanences du CIDFF.';
    expect(statusOf(md, 'FEM-1c').reason).toBe('Mentionné seulement comme contexte national');
    // A lead-in whose colon is followed by spaces (non-breaking ones included) still ends with a colon.
    const doc = parseMarkdown(md);
    const blocks = doc.blocks.map((b, i) => (i === 1 ? { ...b, text: `${b.text}\u00a0\t` } : b));
    expect(check({ blocks }, TEST_PACK).requirements.find((x) => x.id === 'FEM-1c')!.reason).toBe('Mentionné seulement comme contexte national');
  });

  it('a hedged action is not a commitment', () => {
    const r = statusOf('## Actions\n\nDes marches exploratoires pourront être organisées le cas échéant avec les habitantes.', 'FEM-1c');
    expect(r.status).toBe('partial');
    expect(r.reason).toMatch(/^Seulement envisagé/);
  });

  it('an amendment announced for later is a deferral', () => {
    const md = '## Égalité femmes-hommes\n\nUn avenant précisera le volet égalité femmes-hommes. Cet avenant intégrera les marches exploratoires et le plan d’action élaboré avec les associations de femmes des quartiers.';
    expect(statusOf(md, 'FEM-1a').status).toBe('missing');
    expect(statusOf(md, 'FEM-1c').status).toBe('missing');
  });

  it('reads the context of an ambiguous term across the cells of a table row', () => {
    const table = (a: string, b: string) => `## Signataires\n\n| Institution | Représentée par | Signature |\n|---|---|---|\n| ${a} | ${b} | |\n`;
    const pack = structuredClone(TEST_PACK);
    pack.requirements[4]!.evidence.ambiguous = [{ term: 'Habitat', requireAny: ['directeur général'] }];
    const statusWith = (md: string) => check(parseMarkdown(md), pack).requirements[4]!.status;
    expect(statusWith(table('Orbe Habitat', 'le Directeur général'))).toBe('covered');
    expect(statusWith(table('Orbe Habitat', 'le Président'))).toBe('missing');
  });
});

describe('signataires', () => {
  const signatures = '## Signataires\n\n| Institution | Représentée par | Signature |\n|---|---|---|\n| Le procureur de la République | M. Martin | |\n';

  it('count only from the signature block', () => {
    expect(statusOf(signatures, 'JUS-1').status).toBe('covered');
    const r = statusOf('## Partenaires\n\nLe procureur de la République participe au CLSPD.\n\n' + signatures.replace('Le procureur de la République', 'La CAF'), 'JUS-1');
    expect(r.status).toBe('partial');
    expect(r.reason).toMatch(/absent du bloc des signatures/);
  });

  it('a partner merely consulted is partial', () => {
    const r = statusOf('## Gouvernance\n\nLe procureur de la République a été consulté sur le projet.', 'JUS-1');
    expect(r.status).toBe('partial');
    expect(r.reason).toMatch(/Seulement consulté/);
  });

  it('counts a former name and says so', () => {
    const r = statusOf('## Signataires\n\n- Pour Pôle emploi, le directeur territorial', 'EMP-5b');
    expect(r.status).toBe('covered');
    expect(r.reason).toMatch(/ancien nom ; aujourd'hui « France Travail »/);
  });

  it('« Engagements des signataires » is prose, not the signature block', () => {
    const md = '## Engagements des signataires\n\nLe procureur de la République s’engage à réunir le CLSPD.\n\n## Signataires\n\n- La CAF';
    expect(statusOf(md, 'JUS-1').status).toBe('partial');
  });

  it('a « Fait à » block is a signature block', () => {
    expect(statusOf('## Fin\n\nFait à Metz, le 3 juillet 2015.\n\nLe procureur de la République', 'JUS-1').status).toBe('covered');
  });
});

describe('partenaires, actions, cibles', () => {
  it('a partner involved in the pilotage is covered; consulted is partial', () => {
    expect(statusOf('## Gouvernance\n\nLa CCI est membre du comité de pilotage.', 'ART-2d').status).toBe('covered');
    expect(statusOf('## Gouvernance\n\nLa CCI a été informée de la démarche.', 'ART-2d').status).toBe('partial');
    const hedged = statusOf('## Gouvernance\n\nLa CCI pourra, le cas échéant, être associée au comité technique.', 'ART-2d');
    expect(hedged).toMatchObject({ status: 'partial', reason: expect.stringMatching(/^Association seulement envisagée/) });
  });

  it('an action described as national context only is partial', () => {
    const national = statusOf('## Contexte\n\nAu niveau national, l’État s’est engagé à promouvoir les marches exploratoires.', 'FEM-1c');
    expect(national.status).toBe('partial');
    expect(national.reason).toBe('Mentionné seulement comme contexte national');
    expect(statusOf('## Actions\n\nLa ville organisera quatre marches exploratoires par an avec le conseil citoyen.', 'FEM-1c').status).toBe('covered');
  });

  it('a cible needs a local figure, compared with the national one', () => {
    const low = statusOf('## Jeunesse\n\nNous visons 15 % de jeunes des quartiers parmi les volontaires du service civique.', 'SPO-2b');
    expect(low.status).toBe('covered');
    expect(low.figure).toEqual({ national: 25, local: 15, unit: '%', belowNational: true });
    expect(low.reason).toMatch(/en deçà/);
    const none = statusOf('## Jeunesse\n\nLe service civique sera proposé aux jeunes des quartiers.', 'SPO-2b');
    expect(none.status).toBe('partial');
    expect(none.reason).toMatch(/sans chiffre local/);
  });
});

describe('evidence and incremental re-check', () => {
  it('evidence offsets quote the block text exactly', () => {
    const doc = parseMarkdown(`## Axes\n\nPremière phrase sans rapport. La ville organisera des marches exploratoires en 2025. Fin.`);
    const r = check(doc, TEST_PACK).requirements.find((x) => x.id === 'FEM-1c')!;
    const e = r.evidence[0]!;
    const block = doc.blocks.find((b) => b.id === e.blockId)!;
    expect(block.text.slice(e.start, e.end)).toBe(e.text);
    expect(e.text).toBe('La ville organisera des marches exploratoires en 2025.');
  });

  it('quotes a window of a long sentence cut at word boundaries', () => {
    const filler = 'les partenaires du contrat de ville conduisent ensemble des actions coordonnées dans les quartiers prioritaires ';
    const doc = parseMarkdown(`## Axes\n\n${filler.repeat(3)}avec des marches exploratoires ${filler.repeat(3)}.`);
    const e = check(doc, TEST_PACK).requirements.find((x) => x.id === 'FEM-1c')!.evidence[0]!;
    expect(e.text).toContain('marches exploratoires');
    expect(e.text.length).toBeLessThanOrEqual(300);
    expect(doc.blocks[1]!.text[e.start - 1]).toBe(' ');
    expect(doc.blocks[1]!.text[e.end]).toBe(' ');
  });

  it('blocks with the same text share one analysis, yet each keeps its own evidence', () => {
    const para = 'Des marches exploratoires sont conduites avec les habitantes chaque printemps.';
    const doc = parseMarkdown(`## Quartier nord\n\n${para}\n\n## Quartier sud\n\n${para}`);
    const checker = new Checker(TEST_PACK);
    const before = checker.check(doc).requirements.find((x) => x.id === 'FEM-1c')!;
    expect(before.evidence.map((e) => [e.blockId, e.headingPath])).toEqual([
      [doc.blocks[1]!.id, ['Quartier nord']],
      [doc.blocks[3]!.id, ['Quartier sud']],
    ]);
    const blocks = doc.blocks.map((b, i) => (i === 3 ? { ...b, text: 'Rien n’est prévu dans ce quartier.' } : b));
    const after = checker.check({ blocks }, { changed: [blocks[3]!.id] });
    expect(after.requirements.find((x) => x.id === 'FEM-1c')!.evidence.map((e) => e.blockId)).toEqual([doc.blocks[1]!.id]);
    expect(after).toEqual(check({ blocks }, TEST_PACK));
  });

  it('re-analyses only the changed block and gives the same report as a full check', () => {
    const doc = parseMarkdown(`## Égalité femmes-hommes\n\n${LONG}\n\n## Sécurité\n\nLe CLSPD se réunit deux fois par an.`);
    const checker = new Checker(TEST_PACK);
    checker.check(doc);
    expect(checker.lastAnalysed).toBe(doc.blocks.length);
    const edited = { blocks: doc.blocks.map((b) => (b.id === 'b1' ? { ...b, text: '[À compléter : le volet]' } : b)) };
    const incremental = checker.check(edited);
    expect(checker.lastAnalysed).toBe(1);
    expect(incremental).toEqual(check(edited, TEST_PACK));
    expect(incremental.requirements.find((r) => r.id === 'FEM-1a')!.status).toBe('missing');
  });
});
