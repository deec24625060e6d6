import { useTranslation } from 'react-i18next';
import type { CounterDeviceView } from '../../main/core/ratings/contract.ts';

/** A counter's rating device and its health: connected, disconnected (plug it in), no answer; a screen or keypad needs none. */
export function HealthBadge({ device }: { device: CounterDeviceView | undefined }) {
  const { t } = useTranslation();
  const effective = device?.effective;
  if (!effective) return <span className="badge health-none">{t('ratings:health.none')}</span>;
  return (
    <span className={`badge health-${effective.health}`} data-testid="rating-device-health" title={effective.error ?? effective.description}>
      {effective.profile} · {t(`ratings:health.${effective.health}`)}
    </span>
  );
}
