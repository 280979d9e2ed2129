import type { RequirementResult } from '../../src/check';
import { sectionForRequirement } from '../../src/template/load';
import { sources } from '../app/sources';
import { projectSectionOf } from '../app/templateMap';
import { chainOf, insertTemplateSection, isSectionPresent, templateSectionsServing } from '../editor/insertTemplateSection';
import { mountEditors } from '../editor/mounting';
import { focusSection, focusSubsection } from '../editor/navigation';
import { CommentEvidence } from '../review/CommentEvidence';
import { usePilier } from '../store';
import { blockLookup, evidenceRanges, scrollToRange, sectionsOf } from './evidence';

const QUOTE_MAX = 220;

function shorten(text: string): string {
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1).trimEnd()}…` : text;
}

/** Where the requirement belongs in the contract: go there, or put the template's section back. */
function SectionAction({ requirementId }: { requirementId: string }) {
  const busy = usePilier((s) => s.busy);
  const { template } = sources();
  const serving = templateSectionsServing(requirementId);
  if (serving.length === 0) return null;
  const present = serving.find((s) => isSectionPresent(s.id));
  if (present) {
    const chain = chainOf(template, present.id) ?? [present];
    const project = projectSectionOf(chain[0]!);
    if (!project) return null;
    return (
      <button type="button" className="button small" onClick={() => (chain.length === 1 ? focusSection(project.id) : focusSubsection(project.id, present.title))}>
        Aller à la section « {present.title} »
      </button>
    );
  }
  const home = sectionForRequirement(template, requirementId)?.section ?? serving[0]!;
  return (
    <button type="button" className="button small primary" disabled={busy} onClick={() => void insertTemplateSection(home.id)}>
      Insérer la section « {home.title} »
    </button>
  );
}

/** What a selected requirement shows: its passages (each a jump into the text), the annex's words, and where it belongs. */
export function RequirementDetails({ result }: { result: RequirementResult }) {
  const reviewing = usePilier((s) => s.project?.meta.mode === 'relecture');
  const jump = async (index: number): Promise<void> => {
    const live = usePilier.getState().liveCheck();
    if (!live) return;
    await mountEditors(sectionsOf([result.evidence[index]!]));
    const range = evidenceRanges([result.evidence[index]!], blockLookup((id) => live.blocksOf(id)))[0];
    if (range) scrollToRange(range);
  };
  return (
    <div className="requirement-details" id={`req-details-${result.id}`}>
      {result.evidence.length > 0 ? (
        <>
          <h4>Passages repérés dans le texte</h4>
          <ol className="evidence-list">
            {result.evidence.map((e, i) => (
              <li key={`${e.blockId}:${e.start}`}>
                <button type="button" className="evidence-quote" onClick={() => void jump(i)}>
                  « {shorten(e.text)} »
                </button>
                {e.headingPath.length > 0 && <span className="evidence-where">{e.headingPath.join(' › ')}</span>}
                {reviewing && <CommentEvidence requirementId={result.id} evidence={e} />}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">Aucun passage du texte ne répond encore à cette exigence.</p>
      )}
      {/* A received contract is read, not completed: no « Insérer la section » in review mode. */}
      {!reviewing && <SectionAction requirementId={result.id} />}
      <details className="requirement-source">
        <summary>Texte de référence</summary>
        <blockquote>{result.source}</blockquote>
      </details>
    </div>
  );
}
