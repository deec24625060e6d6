import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type BadRatingReason, isBadLevel, ratingLevels } from '../../common/rating-levels.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { Layout } from '../shared/Layout.tsx';
import { ReasonPicker } from '../rate/ReasonPicker.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import './ratings.css';

type Stage = 'intake' | 'completed';

/**
 * The public page behind the receipt's QR code (/r/<token>, the application's progress
 * token): a customer who did not rate at the window rates 受理 later, and 办结 once the
 * utility completed its work. One rating per case and stage; no login, nothing personal.
 */
export function ReceiptRatingScreen() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const receipt = useQuery('ratings/receipt', { token }, { scope: 'staff' });
  const rate = useMutation('ratings/rateReceipt');
  const [level, setLevel] = useState<number>();
  const [reasons, setReasons] = useState<BadRatingReason[]>([]);
  const [done, setDone] = useState(false);
  const data = receipt.data;
  const open = (stage: Stage) => data?.matters.some((m) => m[stage] === 'open') ?? false;
  const stage: Stage | undefined = open('intake') ? 'intake' : open('completed') ? 'completed' : undefined;

  const submit = async () => {
    if (!stage || level === undefined) return;
    if (await rate.run({ token, stage, level, reasons: isBadLevel(level) ? reasons : [] })) {
      setDone(true);
      receipt.reload();
    }
  };

  return (
    <Layout title={t('ratings:receipt.title')} className="touch">
      <div className="ratings-page">
        <ErrorBanner error={receipt.error} />
        {data && (
          <ul>
            {data.matters.map((m) => (
              <li key={m.caseNumber}>
                {m.caseNumber} · {t(`ratings:utility.${m.utility}`, { defaultValue: m.utility })} · {t(`ratings:receipt.stage.intake`)}{' '}
                {t(`ratings:receipt.state.${m.intake}`)} · {t(`ratings:receipt.stage.completed`)} {t(`ratings:receipt.state.${m.completed}`)}
              </li>
            ))}
          </ul>
        )}
        {done && <p className="notice">{t('ratings:screen.thanks')}</p>}
        {data && !done && !stage && <p className="hint">{t('ratings:receipt.nothingOpen')}</p>}
        {data && !done && stage && (
          <>
            <h2>{t(`ratings:receipt.ask.${stage}`)}</h2>
            <div className="rating-levels">
              {ratingLevels.map((l) => (
                <button
                  key={l}
                  type="button"
                  aria-pressed={level === l}
                  className={`rating-level level-${l} ${level === l ? 'picked' : ''}`}
                  onClick={() => setLevel(l)}
                >
                  {t(`ratings:level.${l}`)}
                </button>
              ))}
            </div>
            {level !== undefined && isBadLevel(level) && <ReasonPicker picked={reasons} onChange={setReasons} />}
            <ErrorBanner error={rate.error} />
            <button type="button" className="primary" disabled={level === undefined || rate.pending} onClick={() => void submit()}>
              {t('ratings:receipt.send')}
            </button>
          </>
        )}
      </div>
    </Layout>
  );
}
