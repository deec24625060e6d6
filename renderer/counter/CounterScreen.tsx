import { useTranslation } from 'react-i18next';
import { HallStatusPanel } from '../shared/HallStatusPanel.tsx';
import { StaffGate } from '../shared/StaffGate.tsx';

export function CounterScreen() {
  const { t } = useTranslation();
  return (
    <StaffGate title={t('roles.counter')} roles={['clerk', 'manager', 'admin']}>
      {() => <HallStatusPanel scope="staff" />}
    </StaffGate>
  );
}
