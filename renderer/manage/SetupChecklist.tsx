import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorBanner } from '../shared/errors.tsx';
import { formatHallDateTime } from '../shared/hall-clock.ts';
import { useMutation, useQuery } from '../shared/use-api.ts';

type Item = { key: string; label: string; done: boolean; detail: string; to: string };

/**
 * 开通清单 on the desk's start page: what a new hall still lacks before it can serve, read from
 * the hall's own data (staff, devices by role, rating screens without a window, the hours
 * confirmed), each linking to the page where it is done.
 */
export function SetupChecklist() {
  const { t, i18n } = useTranslation();
  const checklist = useQuery('setup/checklist', {}, { refreshOn: ['staff/changed', 'devices/changed'] });
  const c = checklist.data;
  if (!c) return <ErrorBanner error={checklist.error} />;
  // Kiosks and call displays are done alike: one paired device of the role is enough.
  const devicesOfRole = (key: 'kiosk' | 'display', count: number): Item => ({
    key,
    label: t(`manage:checklist.${key}`),
    done: count > 0,
    detail: t('manage:checklist.devicesCount', { count }),
    to: '/manage/devices',
  });
  const items: Item[] = [
    {
      key: 'staff',
      label: t('manage:checklist.staff'),
      done: c.clerks > 0,
      detail: t('manage:checklist.staffCount', { count: c.clerks }),
      to: '/manage/staff',
    },
    devicesOfRole('kiosk', c.kiosks),
    devicesOfRole('display', c.displays),
    {
      key: 'rate',
      label: t('manage:checklist.rate'),
      done: c.rateScreens > 0 && c.rateScreensUnbound === 0,
      detail:
        c.rateScreensUnbound > 0
          ? t('manage:checklist.rateUnbound', { count: c.rateScreensUnbound })
          : t('manage:checklist.devicesCount', { count: c.rateScreens }),
      to: '/manage/devices',
    },
    {
      key: 'hours',
      label: t('manage:checklist.hours'),
      done: c.hoursConfirmedAt !== null,
      detail: c.hoursConfirmedAt ? t('manage:checklist.hoursConfirmed', { time: formatHallDateTime(c.hoursConfirmedAt, i18n.language) }) : '',
      to: '/manage/queue',
    },
  ];
  const allDone = items.every((i) => i.done);
  return (
    <section className="card setup-checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('manage:checklist.title')}</h2>
      <p className="hint">{allDone ? t('manage:checklist.allDone') : t('manage:checklist.hint')}</p>
      <ol>
        {items.map((item) => (
          <li key={item.key} data-testid={`checklist-${item.key}`} data-done={item.done} className={item.done ? 'done' : 'todo'}>
            <span className="checklist-mark" aria-hidden="true">
              {item.done ? '✓' : '○'}
            </span>
            <span className="checklist-label">{item.label}</span>
            <span className="checklist-state">{item.done ? t('manage:checklist.done') : t('manage:checklist.todo')}</span>
            {item.detail && <span className="checklist-detail muted">{item.detail}</span>}
            {!item.done && (
              <Link to={item.to} className="checklist-go">
                {t('manage:checklist.go')}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** 业务与时间已核对无误: the one checklist item only a person can vouch for. */
export function ConfirmHours() {
  const { t, i18n } = useTranslation();
  const checklist = useQuery('setup/checklist', {});
  const confirm = useMutation('setup/confirmHours');
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const at = confirmed ?? checklist.data?.hoursConfirmedAt ?? null;
  const run = async () => {
    const result = await confirm.run({});
    if (result) setConfirmed(result.hoursConfirmedAt);
  };
  return (
    <section className="card confirm-hours">
      <p className="hint">{t('manage:queue.confirmHint')}</p>
      {at && (
        <div className="notice" role="status">
          {t('manage:queue.confirmedAt', { time: formatHallDateTime(at, i18n.language) })}
        </div>
      )}
      <ErrorBanner error={confirm.error} />
      <button type="button" className="primary" disabled={confirm.pending} onClick={() => void run()}>
        {t('manage:queue.confirmHours')}
      </button>
    </section>
  );
}
