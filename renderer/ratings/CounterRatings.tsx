import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../shared/errors.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { useHallNow } from '../shared/hall-clock.ts';
import { CustomerScreenBadge } from './CustomerScreenBadge.tsx';
import { HealthBadge } from './HealthBadge.tsx';
import { useKeypad } from './use-keypad.ts';
import './ratings.css';
import { useSession } from '../shared/use-session.ts';
import { PairingForm } from '../shared/PairingForm.tsx';

/**
 * The clerk's side of 好差评 at the counter, as it happens: whether the customer is being
 * asked to rate now and the rating device's health, on one line under the ticket. A keyboard
 * keypad's keys are taken here. The clerk's own figures are in the counter's figures line
 * (MyRatingFigures).
 */
export function CounterRatings({ counterId }: { counterId: number }) {
  const { t } = useTranslation();
  const current = useQuery('ratings/current', { counterId }, { refreshOn: ['ratings/invited', 'ratings/closed'] });
  const devices = useQuery('ratings/devices', {}, { refreshOn: ['ratings/deviceHealth', 'ratings/devicesChanged'] });
  // A keyboard keypad rates as the window's paired rating device (the customer's side), never as the clerk.
  const keypadSession = useSession('rate');
  const keypad = useMutation('ratings/keypad', 'rate');
  const now = useHallNow(1000);
  const device = devices.data?.counters.find((c) => c.counterId === counterId);
  const invitation = current.data ?? undefined;
  const secondsLeft = invitation ? Math.max(0, Math.ceil((Date.parse(invitation.expiresAt) - now) / 1000)) : 0;

  const keypadPaired = keypadSession.me?.kind === 'device' && keypadSession.me.device.counterId === counterId;
  useKeypad(keypadPaired ? device?.keyboard : undefined, invitation && secondsLeft > 0 ? invitation.ratingId : undefined, (ratingId, press) => {
    void keypad.run({ counterId, ratingId, ...press }).then(() => current.reload());
  });

  return (
    <section className="counter-ratings" aria-labelledby="counter-ratings-title">
      <p className="rating-device-line">
        <strong id="counter-ratings-title">{t('ratings:counter.title')}</strong>
        {/* A keypad or serial rater configured for the window has its own health; otherwise the rating device is the customer screen. */}
        <span>
          {t('ratings:counter.device')}: {device?.effective ? <HealthBadge device={device} /> : <CustomerScreenBadge counterId={counterId} />}
        </span>
        {invitation && secondsLeft > 0 ? (
          <span className="notice" role="status" data-testid="rating-invited">
            {t('ratings:counter.invited', { count: secondsLeft })}
          </span>
        ) : (
          <span className="hint">{t('ratings:counter.idle')}</span>
        )}
      </p>
      {device?.keyboard && keypadSession.checked && !keypadPaired && (
        <div className="notice" data-testid="keypad-unpaired">
          <p>{t('ratings:counter.keypadUnpaired')}</p>
          <PairingForm scope="rate" />
        </div>
      )}
      <ErrorBanner error={keypad.error} />
    </section>
  );
}
