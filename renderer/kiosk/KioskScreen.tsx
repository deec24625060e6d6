import { useTranslation } from 'react-i18next';
import { DeviceGate } from '../shared/DeviceGate.tsx';
import { HallStatusPanel } from '../shared/HallStatusPanel.tsx';

export function KioskScreen() {
  const { t } = useTranslation();
  return (
    <DeviceGate scope="kiosk" title={t('roles.kiosk')} className="touch">
      <h1 className="welcome">{t('kiosk.welcome')}</h1>
      <HallStatusPanel scope="kiosk" />
    </DeviceGate>
  );
}
