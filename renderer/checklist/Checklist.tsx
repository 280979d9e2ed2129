import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sources } from '../app/sources';
import { usePilier } from '../store';
import { ChecklistHeader } from './ChecklistHeader';
import { isDeferred, mountEditors } from '../editor/mounting';
import { blockLookup, EVIDENCE_HIGHLIGHT, evidenceRanges, scrollToRange, sectionsOf, showHighlight } from './evidence';
import { groupRequirements } from './grouping';
import { GROUP_LABEL, KIND_LABEL } from './labels';
import { RequirementItem } from './RequirementItem';

/**
 * Marks the selected requirement's evidence in the text (again after each check, since passages move as the
 * user types) and scrolls to the first passage when the selection changes.
 */
function useEvidenceHighlight(): void {
  const selectedId = usePilier((s) => s.selectedRequirementId);
  const report = usePilier((s) => s.report);
  const announce = usePilier((s) => s.announce);
  const scrolledFor = useRef<string | null>(null);
  /** Bumped when the editors the evidence lies in were mounted on demand. */
  const [mounted, setMounted] = useState(0);
  useEffect(() => {
    const live = usePilier.getState().liveCheck();
    const result = selectedId ? report?.requirements.find((r) => r.id === selectedId) : undefined;
    if (!result || !live) {
      showHighlight(EVIDENCE_HIGHLIGHT, []);
      scrolledFor.current = null;
      return;
    }
    const waiting = sectionsOf(result.evidence).filter(isDeferred);
    if (waiting.length > 0) {
      let stale = false;
      void mountEditors(waiting).then(() => stale || setMounted((n) => n + 1));
      return () => {
        stale = true;
      };
    }
    const ranges = evidenceRanges(result.evidence, blockLookup((id) => live.blocksOf(id)));
    showHighlight(EVIDENCE_HIGHLIGHT, ranges);
    if (scrolledFor.current !== selectedId) {
      scrolledFor.current = selectedId;
      const first = ranges[0];
      if (first) {
        scrollToRange(first);
        // The guidance follows the text the user is now looking at.
        const section = result.evidence[0]?.blockId.split('/')[0];
        if (section) {
          usePilier.getState().setActiveSection(section);
          usePilier.getState().setPassage(null);
        }
      }
      announce(
        ranges.length === 0
          ? `${result.title} : aucun passage dans le texte.`
          : `${result.title} : ${ranges.length > 1 ? `${ranges.length} passages surlignés` : 'un passage surligné'} dans le texte.`,
      );
    }
  }, [selectedId, report, announce, mounted]);
}

/** The live checklist: every requirement of the référentiel, by axis then kind, with its status and reason. */
export function Checklist() {
  const report = usePilier((s) => s.report);
  const filters = usePilier((s) => s.filters);
  const selectedId = usePilier((s) => s.selectedRequirementId);
  const selectRequirement = usePilier((s) => s.selectRequirement);
  const reportAt = usePilier((s) => s.reportAt);
  const { pack } = sources();
  useEvidenceHighlight();
  const onSelect = useCallback(
    (id: string) => selectRequirement(usePilier.getState().selectedRequirementId === id ? null : id),
    [selectRequirement],
  );
  const groups = useMemo(() => (report ? groupRequirements(report, pack, filters) : []), [report, pack, filters]);

  return (
    // data-checked-at: when the checklist last changed (performance clock), for the latency measurements.
    <section className="checklist" id="checklist" tabIndex={-1} aria-labelledby="checklist-title" data-checked-at={reportAt.toFixed(1)}>
      <h2 id="checklist-title" className="panel-title">
        Exigences du référentiel
      </h2>
      {!report ? (
        <p className="muted">Vérification en cours…</p>
      ) : (
        <>
          <ChecklistHeader report={report} pack={pack} />
          <div className="checklist-groups">
            {groups.every((g) => g.shown === 0) && <p className="muted">Aucune exigence ne correspond aux filtres.</p>}
            {groups
              .filter((g) => g.shown > 0)
              .map((g) => (
                <details key={g.axisId} className="axis-group" open>
                  <summary>
                    <span className="axis-label">{g.label}</span>
                    <span className="axis-kind">{GROUP_LABEL[g.group] ?? g.group}</span>
                    <span className="axis-count">
                      {g.covered}/{g.total} couvertes
                    </span>
                  </summary>
                  {g.kinds.map((k) => (
                    <div key={k.kind} className="kind-group">
                      <h3 className="kind-title">{KIND_LABEL[k.kind]}</h3>
                      <ul className="requirement-list">
                        {k.requirements.map((r) => (
                          <RequirementItem key={r.id} result={r} selected={r.id === selectedId} onSelect={onSelect} />
                        ))}
                      </ul>
                    </div>
                  ))}
                </details>
              ))}
          </div>
        </>
      )}
    </section>
  );
}
