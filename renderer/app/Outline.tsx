import { useState } from 'react';
import type { CheckReport } from '../../src/check';
import type { TemplateSection } from '../../src/template/schema';
import { sectionCoverage } from '../checklist/coverage';
import { STATUS_LABEL } from '../checklist/labels';
import { focusSection, focusSubsection, presentSubsections } from '../editor/navigation';
import { usePilier } from '../store';
import { StatusIcon } from '../ui/StatusIcon';
import { templateOf } from './templateMap';

interface OutlineEntryProps {
  section: TemplateSection;
  report: CheckReport | null;
  current?: boolean;
  onGo: () => void;
}

function OutlineEntry({ section, report, current = false, onGo }: OutlineEntryProps) {
  const coverage = report ? sectionCoverage(section, report) : null;
  return (
    <button type="button" className="outline-link" onClick={onGo} title={coverage?.summary} aria-current={current ? 'location' : undefined}>
      {coverage ? <StatusIcon status={coverage.status} size={14} /> : <span className="status-none" aria-hidden="true" />}
      <span className="outline-text">{section.title}</span>
      {coverage && <span className="visually-hidden"> — {STATUS_LABEL[coverage.status]}</span>}
    </button>
  );
}

/** The plan of the contract: each section and sub-section with its coverage state; a click takes you there. */
export function Outline() {
  const sections = usePilier((s) => s.sections);
  const report = usePilier((s) => s.report);
  const activeSectionId = usePilier((s) => s.activeSectionId);
  // In one-column layouts (narrow window, 200 % zoom) the plan folds away so the text comes first.
  const [open, setOpen] = useState(false);

  return (
    <nav className="outline" aria-label="Plan du contrat">
      <h2 className="panel-title">Plan</h2>
      <button type="button" className="button small outline-toggle" aria-expanded={open} aria-controls="outline-list" onClick={() => setOpen(!open)}>
        {open ? 'Masquer le plan' : 'Afficher le plan'}
      </button>
      <ol className={open ? 'outline-list' : 'outline-list folded'} id="outline-list">
        {sections.map((s) => {
          const tpl = templateOf(s);
          const children = tpl ? presentSubsections(s.id, tpl) : [];
          return (
            <li key={s.id} className={s.id === activeSectionId ? 'active' : undefined}>
              <OutlineEntry
                section={tpl ?? { id: s.id, title: s.title, requirements: [], guidance: '', placeholder: '' }}
                report={report}
                current={s.id === activeSectionId}
                onGo={() => focusSection(s.id)}
              />
              {children.length > 0 && (
                <ol className="outline-sub">
                  {children.map((child) => (
                    <li key={child.id}>
                      <OutlineEntry section={child} report={report} onGo={() => focusSubsection(s.id, child.title)} />
                    </li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
