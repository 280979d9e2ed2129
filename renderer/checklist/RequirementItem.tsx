import { memo, useEffect, useRef } from 'react';
import type { RequirementResult } from '../../src/check';
import { VerdictControls } from '../review/VerdictControls';
import { StatusIcon } from '../ui/StatusIcon';
import { LEVEL_LABEL, STATUS_LABEL } from './labels';
import { RequirementDetails } from './RequirementDetails';

interface RequirementItemProps {
  result: RequirementResult;
  selected: boolean;
  onSelect: (id: string) => void;
}

/** One requirement: status (icon and word), title, level, reason; selecting it shows its evidence in the text. */
export const RequirementItem = memo(function RequirementItem({ result, selected, onSelect }: RequirementItemProps) {
  const item = useRef<HTMLLIElement>(null);
  // Selected from elsewhere (the guidance, the passage box): bring it into the checklist's view.
  useEffect(() => {
    if (selected) item.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li ref={item} className={`requirement ${result.status}${selected ? ' selected' : ''}`} data-requirement-id={result.id} data-status={result.status}>
      <button
        type="button"
        className="requirement-button"
        aria-expanded={selected}
        aria-controls={selected ? `req-details-${result.id}` : undefined}
        onClick={() => onSelect(result.id)}
      >
        <span className={`status-chip ${result.status}`}>
          <StatusIcon status={result.status} />
          <span className="status-word">{STATUS_LABEL[result.status]}</span>
        </span>
        <span className="requirement-title">{result.title}</span>
        <span className="requirement-meta">
          <span className={`level ${result.level === 'obligatoire' ? 'mandatory' : ''}`}>{LEVEL_LABEL[result.level]}</span>
          <span className="requirement-id">{result.id}</span>
        </span>
      </button>
      <p className="requirement-reason">{result.reason}</p>
      <VerdictControls result={result} selected={selected} />
      {selected && <RequirementDetails result={result} />}
    </li>
  );
});
