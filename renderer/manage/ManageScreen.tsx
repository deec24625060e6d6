import { useTranslation } from 'react-i18next';
import { HallStatusPanel } from '../shared/HallStatusPanel.tsx';
import { StaffGate } from '../shared/StaffGate.tsx';
import { DevicesSection } from './DevicesSection.tsx';
import { StaffSection } from './StaffSection.tsx';

export function ManageScreen() {
  const { t } = useTranslation();
  return (
    <StaffGate title={t('roles.manage')} roles={['manager', 'admin']}>
      {(me) => (
        <div className="manage-grid">
          <HallStatusPanel scope="staff" />
          <StaffSection isAdmin={me.roles.includes('admin')} />
          <DevicesSection />
        </div>
      )}
    </StaffGate>
  );
}
