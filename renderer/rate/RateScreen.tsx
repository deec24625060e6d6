import { useTranslation } from 'react-i18next';
import { DeviceGate } from '../shared/DeviceGate.tsx';
import { HallStatusPanel } from '../shared/HallStatusPanel.tsx';
import { RatingPanel } from './RatingPanel.tsx';
import { SignaturePanel } from './SignaturePanel.tsx';

export function RateScreen() {
  const { t } = useTranslation();
  return (
    <DeviceGate scope="rate" title={t('roles.rate')} className="touch">
      <h1 className="welcome">{t('rate.idle')}</h1>
      <HallStatusPanel scope="rate" />
      <SignaturePanel />
      <RatingPanel />
    </DeviceGate>
  );
}
