import type { CheckReport } from '../../src/check';
import type { TemplateSection } from '../../src/template/schema';
import { LEVEL_LABEL, STATUS_LABEL } from '../checklist/labels';
import { sameTitle } from '../editor/navigation';
import { usePilier } from '../store';
import { StatusIcon } from '../ui/StatusIcon';
import { PassageBox } from './PassageBox';
import { sources } from './sources';
import { templateOf } from './templateMap';

/** The template section the caret is in: the section, or the sub-section whose heading is above the caret. */
function useFocusedSection(): TemplateSection | undefined {
  const activeSectionId = usePilier((s) => s.activeSectionId);
  const active = usePilier((s) => s.sections.find((x) => x.id === s.activeSectionId));
  const passage = usePilier((s) => s.passage);
  const top = active ? templateOf(active) : undefined;
  if (!top || !activeSectionId || !passage || passage.sectionId !== activeSectionId) return top;
  const block = usePilier.getState().liveCheck()?.blocksOf(activeSectionId).find((b) => b.id === passage.blockId);
  if (!block) return top;
  const headings = [...block.headingPath.slice(1), ...(block.type === 'heading' && block.level !== 1 ? [block.text] : [])];
  let focused = top;
  for (const heading of headings) {
    const child = focused.children?.find((c) => sameTitle(c.title, heading));
    if (!child) break;
    focused = child;
  }
  return focused;
}

function ServedRequirements({ ids, report }: { ids: string[]; report: CheckReport | null }) {
  const { pack } = sources();
  const selectRequirement = usePilier((s) => s.selectRequirement);
  const requirements = ids.map((id) => pack.requirements.find((r) => r.id === id)).filter((r) => r !== undefined);
  if (requirements.length === 0) return null;
  return (
    <>
      <h3 className="guidance-subtitle">Ce que le référentiel attend ici</h3>
      <ul className="guidance-requirements">
        {requirements.map((r) => {
          const status = report?.requirements.find((x) => x.id === r.id)?.status;
          return (
            <li key={r.id}>
              <button type="button" className="link-button" onClick={() => selectRequirement(r.id)}>
                {status && <StatusIcon status={status} size={14} />}
                <span>
                  {r.title} <span className="muted">({LEVEL_LABEL[r.level]}{status ? `, ${STATUS_LABEL[status]}` : ''})</span>
                </span>
              </button>
              <details>
                <summary>Source</summary>
                <blockquote>{r.source}</blockquote>
                <p className="muted">{r.legalBasis}</p>
              </details>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** What to write in the focused section, from the annex and the law; never part of the contract's text. */
export function GuidancePanel() {
  const report = usePilier((s) => s.report);
  const focused = useFocusedSection();
  return (
    // tabIndex: the panel scrolls, so keyboard users must be able to reach it to scroll it.
    <section className="guidance" aria-labelledby="guidance-title" tabIndex={0}>
      <h2 id="guidance-title" className="panel-title">
        Conseils de rédaction
      </h2>
      <PassageBox />
      {!focused ? (
        <p className="muted">Placez le curseur dans une section pour voir ce que le référentiel attend.</p>
      ) : (
        <>
          <p className="guidance-section">
            <strong>{focused.title}</strong>
          </p>
          <p className="guidance-text">{focused.guidance}</p>
          <ServedRequirements ids={focused.requirements} report={report} />
        </>
      )}
      <p className="hint">Ces conseils ne font pas partie du contrat : ils ne sont jamais exportés.</p>
    </section>
  );
}
