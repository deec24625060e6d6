import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BadRatingReason, ratingLevels } from '../../common/rating-levels.ts';
import { useHallNow } from '../shared/hall-clock.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { ReasonPicker } from './ReasonPicker.tsx';
import './rate.css';

type Phase = { kind: 'reasons'; ratingId: number } | { kind: 'thanks' } | undefined;

const thanksMs = 4_000;

/**
 * The customer-facing rating (好差评) on the counter's second screen or /rate: when the
 * clerk finishes, it shows who served them and five big buttons with the time left; a bad
 * rating asks what went wrong; then a thank-you and back to idle. It covers the idle screen.
 */
export function RatingPanel() {
  const { t } = useTranslation();
  const current = useQuery('ratings/current', {}, { scope: 'rate', refreshOn: ['ratings/invited', 'ratings/closed'] });
  const rate = useMutation('ratings/rate', 'rate');
  const giveReasons = useMutation('ratings/addReasons', 'rate');
  const [phase, setPhase] = useState<Phase>();
  const [picked, setPicked] = useState<BadRatingReason[]>([]);
  const now = useHallNow(250);
  const invitation = current.data;

  useEffect(() => {
    if (phase?.kind !== 'thanks') return;
    const timer = setTimeout(() => setPhase(undefined), thanksMs);
    return () => clearTimeout(timer);
  }, [phase]);

  if (phase?.kind === 'thanks') {
    return (
      <div className="rating-overlay" role="status">
        <p className="rating-thanks">{t('ratings:screen.thanks')}</p>
      </div>
    );
  }

  if (phase?.kind === 'reasons') {
    const send = async () => {
      if (picked.length > 0) await giveReasons.run({ ratingId: phase.ratingId, reasons: picked });
      setPicked([]);
      setPhase({ kind: 'thanks' });
    };
    return (
      <div className="rating-overlay">
        <h2>{t('ratings:screen.reasonsTitle')}</h2>
        <ReasonPicker picked={picked} onChange={setPicked} />
        <ErrorBanner error={giveReasons.error} />
        <div className="rating-reason-actions">
          <button type="button" className="primary" disabled={giveReasons.pending} onClick={() => void send()}>
            {picked.length > 0 ? t('ratings:screen.sendReasons') : t('ratings:screen.skipReasons')}
          </button>
        </div>
      </div>
    );
  }

  if (!invitation) return null;
  const secondsLeft = Math.max(0, Math.ceil((Date.parse(invitation.expiresAt) - now) / 1000));
  if (secondsLeft === 0) return null;

  const choose = async (level: number) => {
    const result = await rate.run({ ratingId: invitation.ratingId, level });
    if (!result) return current.reload();
    setPhase(result.askReasons ? { kind: 'reasons', ratingId: result.ratingId } : { kind: 'thanks' });
  };

  return (
    <div className="rating-overlay" aria-labelledby="rating-title">
      <div className="card rating-clerk" data-testid="rating-clerk">
        {invitation.staff.photo ? (
          <img
            className="rating-avatar rating-photo"
            src={invitation.staff.photo}
            alt={t('ratings:screen.photoOf', { name: invitation.staff.name })}
            data-testid="rating-clerk-photo"
          />
        ) : (
          <span className="rating-avatar" aria-hidden="true">
            {invitation.staff.name.slice(0, 1)}
          </span>
        )}
        <div>
          <div className="rating-clerk-name">{invitation.staff.name}</div>
          <div className="rating-clerk-meta">
            {t('ratings:screen.workNo', { workNo: invitation.staff.workNo })} · {t('queue:counterLabel', { number: invitation.counterNumber })}
          </div>
        </div>
      </div>
      <h2 id="rating-title">{t('ratings:screen.question')}</h2>
      <div className="rating-levels">
        {ratingLevels.map((level) => (
          <button
            key={level}
            type="button"
            className={`rating-level level-${level}`}
            data-testid={`rate-level-${level}`}
            disabled={rate.pending}
            onClick={() => void choose(level)}
          >
            {t(`ratings:level.${level}`)}
          </button>
        ))}
      </div>
      <p className="rating-countdown" aria-live="off">
        {t('ratings:screen.secondsLeft', { count: secondsLeft })}
      </p>
      <ErrorBanner error={rate.error} />
    </div>
  );
}
