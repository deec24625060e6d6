import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../shared/errors.tsx';
import { useQuery } from '../shared/use-api.ts';

/**
 * The customer screen between customers: the clerk serving at this window, with photo, name and
 * 工号 (亮证亮照), as the customer sits down. A screen bound to no window says so for hall staff
 * to see, instead of idling as if it worked; bound on the 设备 page, it turns to its window at once
 * (devices/changed).
 */
export function IdlePanel() {
  const { t } = useTranslation();
  const idle = useQuery('ratings/screenIdle', {}, { scope: 'rate', refreshOn: ['queue/changed', 'devices/changed'] });
  if (idle.error) return <ErrorBanner error={idle.error} />;
  if (!idle.data) return null;
  const { counter, staff } = idle.data;
  if (!counter) {
    return (
      <h1 className="notice rate-unbound" data-testid="rate-unbound">
        {t('intake:customerScreen.unbound')}
      </h1>
    );
  }
  return (
    <section className="rate-idle" aria-labelledby="rate-idle-title">
      <h1 className="welcome" id="rate-idle-title">
        {t('rate.idle')}
      </h1>
      {staff ? (
        <div className="card rating-clerk rate-idle-clerk" data-testid="rate-idle-clerk">
          {staff.photo ? (
            <img
              className="rating-avatar rating-photo"
              src={staff.photo}
              alt={t('ratings:screen.photoOf', { name: staff.name })}
              data-testid="rate-idle-photo"
            />
          ) : (
            <span className="rating-avatar" aria-hidden="true">
              {staff.name.slice(0, 1)}
            </span>
          )}
          <div>
            <div className="rating-clerk-name">{staff.name}</div>
            <div className="rating-clerk-meta">
              {t('ratings:screen.workNo', { workNo: staff.workNo })} · {t('queue:counterLabel', { number: counter.number })}
            </div>
          </div>
        </div>
      ) : (
        <p className="rating-clerk-meta" data-testid="rate-idle-closed">
          {t('intake:customerScreen.counterClosed', { number: counter.number })}
        </p>
      )}
    </section>
  );
}
