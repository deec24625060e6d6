import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import type { RetentionKind, RetentionRules } from '../../main/core/privacy/retention-rules.ts';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { formatHallDateTime } from '../shared/hall-clock.ts';
import { QueryState } from '../shared/QueryState.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { useUtilities, utilityName } from './use-utilities.ts';
import './ledgers.css';

// The page lists the kinds in this order; the core's list (retentionKinds) is the same set.
const KINDS: readonly RetentionKind[] = ['ticketPhones', 'signatures', 'customers', 'outboxCopies', 'drops'];
const PERSON_KINDS = ['customers', 'applications', 'ticketPhones', 'signatures', 'outboxCopies'] as const;

/** Personal data (/manage/privacy, the system administrator's): how long each kind is kept, the job's last run, and a person's erasure on request. */
export function PrivacyPage() {
  const { t } = useTranslation();
  const retention = useQuery('privacy/retention', {});
  return (
    <div className="ledgers-page">
      <h1>{t('privacy:title')}</h1>
      <p className="hint">{t('privacy:intro')}</p>
      {/* Not keyed by the rules: a save's reload would remount the form and take its "saved" note away at once. */}
      <QueryState query={retention}>
        {(data) => (
          <>
            <RetentionForm data={data} onSaved={retention.reload} />
            <LastRun run={data.lastRun} />
          </>
        )}
      </QueryState>
      <ErasureFlow />
    </div>
  );
}

type RetentionView = OutputOf<Contract['privacy/retention']>;

function RetentionForm({ data, onSaved }: { data: RetentionView; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useMutation('privacy/setRetention');
  const fieldError = useFieldError(save.error);
  const [rules, setRules] = useState<RetentionRules>(data.rules);
  const [saved, setSaved] = useState(false);
  const set = (kind: RetentionKind, change: Partial<RetentionRules[RetentionKind]>) => {
    setSaved(false);
    setRules((r) => ({ ...r, [kind]: { ...r[kind], ...change } }));
  };
  return (
    <section className="card" aria-labelledby="privacy-rules-title">
      <h2 id="privacy-rules-title">{t('privacy:rules.title')}</h2>
      <table className="plain" aria-label={t('privacy:rules.title')}>
        <thead>
          <tr>
            <th>{t('privacy:rules.kind')}</th>
            <th>{t('privacy:rules.period')}</th>
            <th>{t('privacy:rules.from')}</th>
            <th>{t('privacy:rules.default')}</th>
          </tr>
        </thead>
        <tbody>
          {KINDS.map((kind) => (
            <tr key={kind}>
              <td>{t(`privacy:kind.${kind}`)}</td>
              <td>
                <input
                  type="number"
                  min={1}
                  max={rules[kind].unit === 'days' ? 3650 : 30}
                  aria-label={t('privacy:rules.amount', { kind: t(`privacy:kind.${kind}`) })}
                  value={rules[kind].amount}
                  onChange={(e) => set(kind, { amount: Number(e.target.value) })}
                />{' '}
                <select
                  aria-label={t('privacy:rules.unit', { kind: t(`privacy:kind.${kind}`) })}
                  value={rules[kind].unit}
                  onChange={(e) => set(kind, { unit: e.target.value === 'years' ? 'years' : 'days' })}
                >
                  <option value="days">{t('privacy:unit.days')}</option>
                  <option value="years">{t('privacy:unit.years')}</option>
                </select>
                {fieldError(`rules.${kind}.amount`) && <span className="field-error">{fieldError(`rules.${kind}.amount`)}</span>}
              </td>
              <td>{t(`privacy:from.${kind}`)}</td>
              <td>{t(`privacy:unit.${data.defaults[kind].unit}Count`, { count: data.defaults[kind].amount })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!save.error?.details?.fields && <ErrorBanner error={save.error} />}
      <div className="ledger-actions">
        <button
          type="button"
          className="primary"
          disabled={save.pending}
          onClick={() => void save.run({ rules }).then((r) => r && (setSaved(true), onSaved()))}
        >
          {t('privacy:rules.save')}
        </button>
        {saved && <span role="status">{t('privacy:rules.saved')}</span>}
      </div>
    </section>
  );
}

function LastRun({ run }: { run: RetentionView['lastRun'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="privacy-last-run-title">
      <h2 id="privacy-last-run-title">{t('privacy:lastRun.title')}</h2>
      {run === null ? (
        <p className="hint">{t('privacy:lastRun.none')}</p>
      ) : (
        <>
          <p>{t('privacy:lastRun.at', { at: formatHallDateTime(run.at) })}</p>
          <ul>
            {KINDS.map((kind) => (
              <li key={kind}>{t(`privacy:lastRun.count.${kind}`, { count: run.counts[kind] })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** ID number → what would go and what blocks it → the last 4 characters typed to confirm → done. */
function ErasureFlow() {
  const { t } = useTranslation();
  const utilities = useUtilities();
  const preview = useMutation('privacy/erasurePreview');
  const erase = useMutation('privacy/erasePerson');
  const fieldError = useFieldError(erase.error);
  const [idNumber, setIdNumber] = useState('');
  const [confirm, setConfirm] = useState('');
  const [shown, setShown] = useState<OutputOf<Contract['privacy/erasurePreview']>>();
  const [done, setDone] = useState<OutputOf<Contract['privacy/erasePerson']>>();
  // A new ID number makes the preview shown stale.
  useEffect(() => {
    setShown(undefined);
    setConfirm('');
  }, [idNumber]);
  const names = (codes: readonly string[]) => codes.map((c) => utilityName(utilities, c)).join(t('privacy:listSeparator'));

  return (
    <section className="card" aria-labelledby="privacy-erase-title">
      <h2 id="privacy-erase-title">{t('privacy:erase.title')}</h2>
      <p className="hint">{t('privacy:erase.intro')}</p>
      <label className="ledger-form">
        {t('privacy:erase.idNumber')}
        <input value={idNumber} autoComplete="off" onChange={(e) => (setIdNumber(e.target.value.trim()), setDone(undefined))} />
      </label>
      <div className="ledger-actions">
        <button
          type="button"
          className="secondary"
          disabled={idNumber.length < 6 || preview.pending}
          onClick={() => void preview.run({ idNumber }).then((p) => p && setShown(p))}
        >
          {t('privacy:erase.preview')}
        </button>
      </div>
      <ErrorBanner error={preview.error} />
      {done && (
        <p className="notice" role="status">
          {done.utilities.length > 0
            ? t('privacy:erase.doneSent', { id: done.idMasked, utilities: names(done.utilities) })
            : t('privacy:erase.done', { id: done.idMasked })}
        </p>
      )}
      {shown && !shown.found && <p className="notice">{t('privacy:erase.notFound', { id: shown.idMasked })}</p>}
      {shown?.found && (
        <>
          <p>{t('privacy:erase.holds', { id: shown.idMasked })}</p>
          <ul>
            {PERSON_KINDS.map((kind) => (
              <li key={kind}>{t(`privacy:erase.count.${kind}`, { count: shown.counts[kind] })}</li>
            ))}
          </ul>
          <p>{shown.utilities.length > 0 ? t('privacy:erase.utilities', { utilities: names(shown.utilities) }) : t('privacy:erase.noUtilities')}</p>
          {shown.blocks.length > 0 ? (
            <div className="error-banner" role="alert">
              <p>{t('privacy:erase.blocked')}</p>
              <ul>
                {shown.blocks.map((b) => (
                  <li key={b.reason}>{t(`errors:errors.privacy.${b.reason}`, { count: b.count, untilDay: b.untilDay ?? '' })}</li>
                ))}
              </ul>
            </div>
          ) : (
            <div role="alertdialog" aria-labelledby="erase-confirm">
              <p id="erase-confirm">{t('privacy:erase.confirmText')}</p>
              <label className="ledger-form">
                {t('privacy:erase.confirmLabel')}
                <input value={confirm} autoComplete="off" maxLength={4} onChange={(e) => setConfirm(e.target.value.trim())} />
                {fieldError('confirm') && <span className="field-error">{fieldError('confirm')}</span>}
              </label>
              {!erase.error?.details?.fields && <ErrorBanner error={erase.error} />}
              <div className="ledger-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={confirm.length !== 4 || erase.pending}
                  onClick={() =>
                    void erase.run({ idNumber, confirm }).then((r) => {
                      if (!r) return;
                      setDone(r);
                      setShown(undefined);
                      setConfirm('');
                    })
                  }
                >
                  {t('privacy:erase.confirm')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
