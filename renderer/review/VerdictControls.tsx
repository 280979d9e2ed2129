import type { RequirementResult } from '../../src/check';
import { usePilier } from '../store';
import { formatWho, isVerdict, VERDICT_LABEL, VERDICT_OPTIONS } from './labels';

function useVerdict(requirementId: string) {
  return usePilier((s) => (s.review && s.reviewOf === s.project?.path ? s.review.verdicts.find((v) => v.requirementId === requirementId) : undefined));
}

/**
 * Review mode, in a requirement of the checklist: beside the automatic status, the reviewer's verdict (a select
 * with its label), a comment once a verdict is chosen or the requirement is open, and who recorded it when.
 * In the author's project, a received review shows here read-only.
 */
export function VerdictControls({ result, selected }: { result: RequirementResult; selected: boolean }) {
  const reviewing = usePilier((s) => s.project?.meta.mode === 'relecture');
  const record = useVerdict(result.id);
  const setVerdict = usePilier((s) => s.setVerdict);
  const editComment = usePilier((s) => s.editVerdictComment);

  if (!reviewing) {
    if (!record || (!record.verdict && !record.comment)) return null;
    return (
      <div className="verdict received" data-verdict={record.verdict ?? 'none'}>
        <p className="verdict-line">
          <span className="verdict-label">Avis du relecteur :</span> <strong className="verdict-word">{record.verdict ? VERDICT_LABEL[record.verdict] : 'non donné'}</strong>
        </p>
        {record.comment && <p className="verdict-comment">{record.comment}</p>}
        {record.at && <p className="verdict-who">{formatWho(record.reviewer, record.at)}</p>}
      </div>
    );
  }

  const selectId = `verdict-${result.id}`;
  const commentId = `verdict-comment-${result.id}`;
  const showComment = selected || Boolean(record?.verdict) || Boolean(record?.comment);
  return (
    <div className="verdict" data-verdict={record?.verdict ?? 'none'}>
      <div className="verdict-row">
        <label htmlFor={selectId}>
          Avis<span className="visually-hidden"> du relecteur sur « {result.title} »</span>
        </label>
        <select
          id={selectId}
          value={record?.verdict ?? ''}
          onChange={(e) => void setVerdict(result.id, isVerdict(e.target.value) ? e.target.value : null)}
        >
          <option value="">— à examiner —</option>
          {VERDICT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {showComment && (
        <div className="verdict-comment-field">
          <label htmlFor={commentId}>
            Commentaire<span className="visually-hidden"> sur « {result.title} »</span>
          </label>
          <textarea id={commentId} rows={2} maxLength={10_000} value={record?.comment ?? ''} onChange={(e) => editComment(result.id, e.target.value)} />
        </div>
      )}
      {record?.at && <p className="verdict-who">{formatWho(record.reviewer, record.at)}</p>}
    </div>
  );
}
