import type { Referentiel, Requirement } from '../../src/referential';
import { LEVEL_LABEL } from '../checklist/labels';
import { axisLabel, conventionLabel, KIND_NAME, targetLabel } from './browse';

function Vocabulary({ requirement }: { requirement: Requirement }) {
  const e = requirement.evidence;
  const words = [...e.phrases, ...e.acronyms, ...e.headings.filter((h) => !e.phrases.includes(h))];
  if (words.length === 0 && e.formerNames.length === 0) return null;
  return (
    <>
      <h3>Ce qui compte comme preuve dans le texte</h3>
      {words.length > 0 && (
        <ul className="vocabulary">
          {words.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {e.formerNames.length > 0 && (
        <p>
          Anciens noms reconnus :{' '}
          {e.formerNames.map((f, i) => (
            <span key={f.term}>
              {i > 0 && ' ; '}« {f.term} » pour {f.current}
              {f.since ? `, depuis ${f.since}` : ''}
            </span>
          ))}
          .
        </p>
      )}
      {e.doesNotCount.length > 0 && (
        <>
          <h3>Ce qui ne suffit pas</h3>
          <ul>
            {e.doesNotCount.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** One requirement as a trainer shows it: the annex's words, why this level, the target, the evidence, two examples. */
export function RequirementPage({ pack, requirement, onBack }: { pack: Referentiel; requirement: Requirement; onBack: () => void }) {
  const annex = requirement.origin === 'annexe';
  return (
    <article className="requirement-page" aria-labelledby="requirement-page-title" data-requirement-page={requirement.id}>
      <button type="button" className="button small subtle" onClick={onBack}>
        Retour à la liste
      </button>
      <h2 id="requirement-page-title" tabIndex={-1}>
        {requirement.title}
      </h2>
      <p className="requirement-meta">
        <span className="requirement-id">{requirement.id}</span> · {KIND_NAME[requirement.kind]} ·{' '}
        <span className={`level-badge level-${requirement.level}`}>{LEVEL_LABEL[requirement.level]}</span>
      </p>
      <dl className="requirement-facts">
        <dt>{annex ? 'Convention' : 'Origine'}</dt>
        <dd>{conventionLabel(pack, requirement.convention)}</dd>
        <dt>Pilier ou axe</dt>
        <dd>{axisLabel(pack, requirement.axis)}</dd>
        <dt>Pourquoi « {LEVEL_LABEL[requirement.level]} »</dt>
        <dd>{requirement.levelReason}</dd>
        {requirement.target && (
          <>
            <dt>Objectif national</dt>
            <dd>{targetLabel(requirement.target)}</dd>
          </>
        )}
        <dt>Base</dt>
        <dd>{requirement.legalBasis}</dd>
      </dl>
      <h3>{annex ? 'Texte de l’annexe' : 'Texte de référence'}</h3>
      <blockquote className="annex-text">{requirement.source}</blockquote>
      <Vocabulary requirement={requirement} />
      {requirement.examples && (
        <>
          <h3>Exemples</h3>
          <div className="examples">
            <figure className="example compliant">
              <figcaption>Formulation qui compte</figcaption>
              <blockquote>{requirement.examples.compliant}</blockquote>
            </figure>
            <figure className="example not-counting">
              <figcaption>Formulation qui ne compte pas</figcaption>
              <blockquote>{requirement.examples.notCounting}</blockquote>
            </figure>
          </div>
        </>
      )}
    </article>
  );
}
