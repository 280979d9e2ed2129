import { useMemo } from 'react';
import type { RequirementResult } from '../../src/check';
import type { Requirement } from '../../src/referential';
import { scoreExercise, scoreSentence, type Mark, type Outcome } from '../../src/training/score';
import { demoGaps, sources } from '../app/sources';
import { STATUS_LABEL } from '../checklist/labels';
import { usePilier } from '../store';
import { StatusIcon } from '../ui/StatusIcon';
import { exerciseAnswer, exerciseGroups } from './exercise';

const MARKS: [Mark, string][] = [
  ['present', 'présent'],
  ['partial', 'partiel'],
  ['missing', 'manquant'],
];

const OUTCOME_LABEL: Record<Outcome, string> = {
  found: 'Manque trouvé',
  'found-other-status': 'Manque trouvé (autre statut)',
  missed: 'Manque non vu',
  'false-alert': 'Fausse alerte',
  'right-present': 'Juste : présent',
};

const EVIDENCE_SHOWN = 2;

function Correction({ result, outcome, explanation }: { result: RequirementResult; outcome: Outcome; explanation?: string }) {
  return (
    <div className="exercise-correction">
      <p>
        <strong className={`outcome outcome-${outcome}`}>{OUTCOME_LABEL[outcome]}</strong> — selon Pilier :{' '}
        <StatusIcon status={result.status} size={14} /> <span className="status-word">{STATUS_LABEL[result.status]}</span>. {result.reason}
      </p>
      {outcome !== 'right-present' && result.evidence.length > 0 && (
        <ul className="exercise-evidence" aria-label="Passages repérés">
          {result.evidence.slice(0, EVIDENCE_SHOWN).map((e) => (
            <li key={`${e.blockId}:${e.start}`}>« {e.text.length > 180 ? `${e.text.slice(0, 179).trimEnd()}…` : e.text} »</li>
          ))}
        </ul>
      )}
      {explanation && <p className="gap-explanation">{explanation}</p>}
    </div>
  );
}

function ExerciseItem({ requirement, mark, result, outcome, explanation }: { requirement: Requirement; mark: Mark; result?: RequirementResult; outcome?: Outcome; explanation?: string }) {
  const setMark = usePilier((s) => s.setMark);
  const corrected = outcome !== undefined;
  return (
    <li className="exercise-item" data-exercise-item={requirement.id} data-outcome={outcome}>
      <fieldset disabled={corrected}>
        <legend>
          {requirement.title} <span className="requirement-id">({requirement.id})</span>
        </legend>
        <div className="mark-choices">
          {MARKS.map(([value, label]) => (
            <label key={value} className={`mark-choice mark-${value}`}>
              <input type="radio" name={`mark-${requirement.id}`} value={value} checked={mark === value} onChange={() => setMark(requirement.id, value)} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {corrected && result && <Correction result={result} outcome={outcome} explanation={explanation} />}
    </li>
  );
}

/**
 * The trainee's side of the exercise: every obligatoire or attendu requirement to mark « présent », « partiel » or
 * « manquant » (« présent » until changed), then « Corriger » (the checker's answer, evidence, score and, for the
 * demo, why each deliberate gap is one) and « Recommencer ».
 */
export function ExercisePanel() {
  const report = usePilier((s) => s.report);
  const marks = usePilier((s) => s.marks);
  const corrected = usePilier((s) => s.corrected);
  const isDemo = usePilier((s) => s.exerciseIsDemo);
  const correct = usePilier((s) => s.correct);
  const restart = usePilier((s) => s.restartExercise);
  const { pack } = sources();
  const groups = useMemo(() => exerciseGroups(pack), [pack]);
  const loadedGaps = isDemo ? demoGaps() : undefined;
  const gaps = loadedGaps?.ok ? loadedGaps.value.gaps : {};
  const score = useMemo(() => (corrected && report ? scoreExercise(exerciseAnswer(pack, report), marks) : null), [corrected, report, pack, marks]);
  const outcomes = new Map(score?.outcomes.map((o) => [o.id, o.outcome]));
  const results = new Map(report?.requirements.map((r) => [r.id, r]));
  const flagged = Object.values(marks).filter((m) => m !== 'present').length;

  return (
    <section className="exercise-panel" id="exercise" tabIndex={-1} aria-labelledby="exercise-title">
      <h2 id="exercise-title" className="panel-title">
        Trouver les manques
      </h2>
      <p className="hint">
        Lisez le contrat, puis indiquez pour chaque exigence obligatoire ou attendue si le texte la remplit. Tout est « présent » au départ :
        changez seulement ce qui vous semble partiel ou manquant, puis demandez la correction.
      </p>
      <div className="exercise-actions">
        <button type="button" className="button primary" disabled={corrected || !report} onClick={correct}>
          Corriger
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            restart();
            // Back to the original view too: the text from its start.
            document.querySelector('.document-scroll')?.scrollTo({ top: 0 });
          }}
        >
          Recommencer
        </button>
        <span className="muted">
          {flagged === 0 ? 'Aucun manque signalé' : `${flagged} ${flagged > 1 ? 'manques signalés' : 'manque signalé'}`}
        </span>
      </div>
      <div role="status" aria-live="polite" className="exercise-score">
        {score && (
          <>
            <p className="score-line">{scoreSentence(score)}</p>
            <p className="muted">
              Dont {score.exact} avec le bon statut (partiel ou manquant) · {score.missed} {score.missed > 1 ? 'manques non vus' : 'manque non vu'}.
            </p>
          </>
        )}
      </div>
      {!report && <p className="muted">Vérification du contrat en cours…</p>}
      {groups.map((g) => (
        <div key={g.axisId} className="exercise-group">
          <h3 className="kind-title">{g.label}</h3>
          <ul className="exercise-list">
            {g.requirements.map((r) => (
              <ExerciseItem
                key={r.id}
                requirement={r}
                mark={marks[r.id] ?? 'present'}
                result={results.get(r.id)}
                outcome={outcomes.get(r.id)}
                explanation={gaps[r.id]?.explanation}
              />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
