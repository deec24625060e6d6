import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../shared/errors.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { monthStart, useHallNow, useHallToday } from '../shared/hall-clock.ts';
import { FigureTiles } from './FigureTiles.tsx';
import { CustomerScreenBadge } from './CustomerScreenBadge.tsx';
import { HealthBadge } from './HealthBadge.tsx';
import { useKeypad } from './use-keypad.ts';
import './ratings.css';
import { useSession } from '../shared/use-session.ts';
import { PairingForm } from '../shared/PairingForm.tsx';

/**
 * The clerk's side of 好差评 at the counter: whether the customer is being asked to rate
 * now, the rating device's health, and the clerk's own figures today and this month
 * (completion against the 90% target). A keyboard keypad's keys are taken here.
 */
export function CounterRatings({ counterId }: { counterId: number }) {
  const { t } = useTranslation();
  // The hall's day, turning at the hall's midnight while the counter screen stays open.
  const today = useHallToday();
  const current = useQuery('ratings/current', { counterId }, { refreshOn: ['ratings/invited', 'ratings/closed'] });
  const devices = useQuery('ratings/devices', {}, { refreshOn: ['ratings/deviceHealth', 'ratings/devicesChanged'] });
  const day = useQuery('ratings/figures', { from: today, to: today, groupBy: 'day' }, { refreshOn: ['ratings/changed', 'ratings/closed'] });
  const month = useQuery('ratings/figures', { from: monthStart(today), to: today, groupBy: 'month' }, { refreshOn: ['ratings/changed', 'ratings/closed'] });
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
    <section className="card counter-ratings" aria-labelledby="counter-ratings-title">
      <h2 id="counter-ratings-title">{t('ratings:counter.title')}</h2>
      <p className="rating-device-line">
        {/* A keypad or serial rater configured for the window has its own health; otherwise the rating device is the customer screen. */}
        {t('ratings:counter.device')}: {device?.effective ? <HealthBadge device={device} /> : <CustomerScreenBadge counterId={counterId} />}
      </p>
      {invitation && secondsLeft > 0 ? (
        <p className="notice" role="status" data-testid="rating-invited">
          {t('ratings:counter.invited', { count: secondsLeft })}
        </p>
      ) : (
        <p className="hint">{t('ratings:counter.idle')}</p>
      )}
      {device?.keyboard && keypadSession.checked && !keypadPaired && (
        <div className="notice" data-testid="keypad-unpaired">
          <p>{t('ratings:counter.keypadUnpaired')}</p>
          <PairingForm scope="rate" />
        </div>
      )}
      <ErrorBanner error={keypad.error} />
      <h3>{t('ratings:counter.today')}</h3>
      <FigureTiles figures={day.data?.total} target={day.data?.target} testId="my-figures-today" />
      <h3>{t('ratings:counter.month')}</h3>
      <FigureTiles figures={month.data?.total} target={month.data?.target} testId="my-figures-month" />
    </section>
  );
}
