import { useTranslation } from 'react-i18next';
import type { Preview } from '../../main/core/intake/views.ts';
import type { Catalogue } from './BusinessPicker.tsx';
import type { Decision, MaterialState } from './form-state.ts';
import { useNames } from './names.ts';
import { hallToday } from '../shared/hall-clock.ts';

type Material = Preview['materials'][number];
type Problem = Preview['materialProblems'][number];

/**
 * The materials of every chosen business, once. Each is received, deferred (容缺, with the
 * day the customer promises to bring it) or not applicable; a material no chosen business
 * lets defer cannot be deferred, and one required outright cannot be marked not applicable.
 */
export function MaterialsSection({
  catalogue,
  materials,
  problems,
  decisions,
  showProblems,
  onDecide,
  onAllReceived,
}: {
  catalogue: Catalogue;
  materials: readonly Material[];
  problems: readonly Problem[];
  decisions: Readonly<Record<string, Decision>>;
  /** Unmarked materials are flagged only once the clerk has tried to submit. */
  showProblems: boolean;
  onDecide: (code: string, decision: Decision) => void;
  onAllReceived: () => void;
}) {
  const { t } = useTranslation();
  const name = useNames();
  const today = hallToday();
  const shortOf = (business: string) => {
    const utility = catalogue.businesses.find((b) => b.code === business)?.utility;
    return catalogue.utilities.find((u) => u.code === utility)?.short ?? '';
  };
  const states: MaterialState[] = ['received', 'deferred', 'na'];

  return (
    <section className="card intake-section" aria-labelledby="materials-title">
      <div className="section-head">
        <h2 id="materials-title">{t('intake:materials.title', { count: materials.length })}</h2>
        <button type="button" className="small" onClick={onAllReceived} disabled={materials.every((m) => decisions[m.code])}>
          {t('intake:materials.restReceived')}
        </button>
      </div>
      <ol className="material-list">
        {materials.map((m) => {
          const decision = decisions[m.code];
          const problem = problems.find((p) => p.material === m.code && (showProblems || p.problem !== 'missing'));
          const allowed = (s: MaterialState) => (s === 'deferred' ? m.deferrable : s === 'na' ? m.condition !== undefined : true);
          return (
            <li key={m.code} className={`material ${problem ? 'invalid' : ''}`} data-testid={`material-${m.code}`}>
              <div className="material-name">
                <strong>{name(m.names)}</strong>
                <span className="material-for" title={t('intake:materials.requiredBy')}>
                  {[...new Set(m.requiredBy.map(shortOf))].join(' ')}
                </span>
                {!m.deferrable && <span className="badge strict">{t('intake:materials.notDeferrable')}</span>}
                {m.condition && <div className="material-note">{t('intake:materials.onlyWhen', { condition: name(m.condition) })}</div>}
                {m.note && <div className="material-note">{name(m.note)}</div>}
              </div>
              <div className="material-states" role="radiogroup" aria-label={name(m.names)}>
                {states.map((s) => (
                  <label key={s} className={`state-choice ${decision?.state === s ? 'on' : ''} ${allowed(s) ? '' : 'off'}`}>
                    <input
                      type="radio"
                      name={`material-${m.code}`}
                      value={s}
                      checked={decision?.state === s}
                      disabled={!allowed(s)}
                      onChange={() =>
                        onDecide(
                          m.code,
                          s === 'deferred' ? { state: s, ...(decision?.promisedDate ? { promisedDate: decision.promisedDate } : {}) } : { state: s },
                        )
                      }
                    />
                    {t(`intake:materials.state.${s}`)}
                  </label>
                ))}
                {decision?.state === 'deferred' && (
                  <label className="promised">
                    <span>{t('intake:materials.promisedDate')}</span>
                    <input
                      type="date"
                      min={today}
                      value={decision.promisedDate ?? ''}
                      onChange={(e) => onDecide(m.code, { state: 'deferred', promisedDate: e.target.value })}
                      data-testid={`promised-${m.code}`}
                    />
                  </label>
                )}
              </div>
              {problem && (
                <div className="field-error" role="alert">
                  {t(`errors:${problem.messageKey}`)}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
