import { useTranslation } from 'react-i18next';
import { DeviceGate } from '../shared/DeviceGate.tsx';
import { HallStatusPanel } from '../shared/HallStatusPanel.tsx';

export function DisplayScreen() {
  const { t } = useTranslation();
  return (
    <DeviceGate scope="display" title={t('roles.display')} className="board">
      <HallStatusPanel scope="display" />
    </DeviceGate>
  );
}
