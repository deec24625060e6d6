import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { useOverview } from '../queue/use-overview.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { HallStatusPanel } from '../shared/HallStatusPanel.tsx';
import { StaffGate } from '../shared/StaffGate.tsx';
import { CategoriesSection } from './CategoriesSection.tsx';
import { CountersSection } from './CountersSection.tsx';
import { DevicesSection } from './DevicesSection.tsx';
import { managePages } from './manage-pages.tsx';
import { NoticesSection } from './NoticesSection.tsx';
import { PriorityRuleSection } from './PriorityRuleSection.tsx';
import { KioskSettingsSection } from './KioskSettingsSection.tsx';
import { ConfirmHours, SetupChecklist } from './SetupChecklist.tsx';
import { StaffSection } from './StaffSection.tsx';
import './manage.css';

/** The desk's own set-up pages, each its own route: a page per job instead of one long page of open forms. */
const setupPages = [
  { path: 'staff', labelKey: 'manage:nav.staff' },
  { path: 'devices', labelKey: 'manage:nav.devices' },
  { path: 'queue', labelKey: 'manage:nav.queue' },
  { path: 'notices', labelKey: 'manage:nav.notices' },
] as const;

export function ManageScreen() {
  const { t } = useTranslation();
  return (
    <StaffGate title={t('roles.manage')} roles={['manager', 'admin']}>
      {(me) => {
        const isAdmin = me.roles.includes('admin');
        return (
          <>
            <ManageNav roles={me.roles} />
            <Routes>
              <Route
                index
                element={
                  <div className="manage-grid">
                    <SetupChecklist />
                    <HallStatusPanel scope="staff" />
                  </div>
                }
              />
              <Route path="staff" element={<StaffSection isAdmin={isAdmin} />} />
              <Route path="devices" element={<DevicesSection isAdmin={isAdmin} />} />
              <Route path="queue" element={<QueueSettings />} />
              <Route path="notices" element={<NoticeSettings />} />
              {managePages.map((page) => (
                <Route key={page.path} path={`${page.path}/*`} element={<page.element />} />
              ))}
            </Routes>
          </>
        );
      }}
    </StaffGate>
  );
}

/** 业务与窗口: categories with their hours, the counters, and the manager's word that the hours are right. */
function QueueSettings() {
  const overview = useOverview('staff');
  const data = overview.data;
  if (!data) return <ErrorBanner error={overview.error} />;
  return (
    <div className="manage-grid">
      <CategoriesSection categories={data.categories} onSaved={overview.reload} />
      <ConfirmHours />
      <CountersSection counters={data.counters} categories={data.categories} onSaved={overview.reload} />
    </div>
  );
}

/** 公告与规则: the board's notices and the green channel's rule. */
function NoticeSettings() {
  const overview = useOverview('staff');
  const data = overview.data;
  if (!data) return <ErrorBanner error={overview.error} />;
  return (
    <div className="manage-grid">
      <NoticesSection notices={data.notices} onSaved={overview.reload} />
      <PriorityRuleSection rule={data.rule} onSaved={overview.reload} />
      <KioskSettingsSection settings={data.kiosk} onSaved={overview.reload} />
    </div>
  );
}

/** One link per page of the desk (those the signed-in roles may use): the set-up pages first, then each domain's. */
function ManageNav({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <nav className="manage-nav" aria-label={t('manage:nav.label')}>
      <NavLink to="/manage" end>
        {t('manage:nav.home')}
      </NavLink>
      {setupPages.map((page) => (
        <NavLink key={page.path} to={`/manage/${page.path}`}>
          {t(page.labelKey)}
        </NavLink>
      ))}
      {managePages
        .filter((page) => !page.roles || page.roles.some((r) => roles.includes(r)))
        .map((page) => (
          <NavLink key={page.path} to={`/manage/${page.path}`}>
            {t(page.labelKey)}
          </NavLink>
        ))}
    </nav>
  );
}
