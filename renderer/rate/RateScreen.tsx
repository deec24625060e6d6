import { useTranslation } from 'react-i18next';
import { DeviceGate } from '../shared/DeviceGate.tsx';
import { IdlePanel } from './IdlePanel.tsx';
import { RatingPanel } from './RatingPanel.tsx';
import { SignaturePanel } from './SignaturePanel.tsx';

export function RateScreen() {
  const { t } = useTranslation();
  return (
    <DeviceGate scope="rate" title={t('roles.rate')} className="touch">
      <IdlePanel />
      <SignaturePanel />
      <RatingPanel />
    </DeviceGate>
  );
}
