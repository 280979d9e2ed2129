import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface ReviewTab {
  id: string;
  label: ReactNode;
  panel: ReactNode;
}

/**
 * The side panel's tabs (WAI-ARIA tabs pattern): arrows, Home and End move between tabs, which activate on focus.
 * Hidden panels stay mounted, so the checklist keeps its evidence highlighting and its scroll position.
 */
export function ReviewTabs({ tabs, label }: { tabs: ReviewTab[]; label: string }) {
  const [active, setActive] = useState(tabs[0]?.id ?? '');
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const onKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = tabs.findIndex((t) => t.id === active);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length
      : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? tabs.length - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    const id = tabs[next]!.id;
    setActive(id);
    buttons.current.get(id)?.focus();
  };

  return (
    <div className="review-tabs">
      <div className="tab-list" role="tablist" aria-label={label} onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) buttons.current.set(t.id, el);
              else buttons.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === active}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === active ? 0 : -1}
            className="tab"
            onClick={() => setActive(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div key={t.id} role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} className="tab-panel" hidden={t.id !== active}>
          {t.panel}
        </div>
      ))}
    </div>
  );
}
