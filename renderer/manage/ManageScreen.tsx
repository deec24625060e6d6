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
import { StaffSection } from './StaffSection.tsx';

export function ManageScreen() {
  const { t } = useTranslation();
  return (
    <StaffGate title={t('roles.manage')} roles={['manager', 'admin']}>
      {(me) => (
        <>
          <ManageNav roles={me.roles} />
          <Routes>
            <Route
              index
              element={
                <div className="manage-grid">
                  <HallStatusPanel scope="staff" />
                  <StaffSection isAdmin={me.roles.includes('admin')} />
                  <DevicesSection />
                  <QueueSettings />
                </div>
              }
            />
            {managePages.map((page) => (
              <Route key={page.path} path={`${page.path}/*`} element={<page.element />} />
            ))}
          </Routes>
        </>
      )}
    </StaffGate>
  );
}

/** The queue's configuration, below the staff and devices. */
function QueueSettings() {
  const overview = useOverview('staff');
  const data = overview.data;
  if (!data) return <ErrorBanner error={overview.error} />;
  return (
    <>
      <CategoriesSection categories={data.categories} onSaved={overview.reload} />
      <CountersSection counters={data.counters} categories={data.categories} onSaved={overview.reload} />
      <NoticesSection notices={data.notices} onSaved={overview.reload} />
      <PriorityRuleSection rule={data.rule} onSaved={overview.reload} />
    </>
  );
}

/** One link per page of the desk (those the signed-in roles may use); the front page keeps staff, devices and the queue's settings. */
function ManageNav({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <nav className="manage-nav" aria-label={t('manage:nav.label')}>
      <NavLink to="/manage" end>
        {t('manage:nav.home')}
      </NavLink>
      {managePages.filter((page) => !page.roles || page.roles.some((r) => roles.includes(r))).map((page) => (
        <NavLink key={page.path} to={`/manage/${page.path}`}>
          {t(page.labelKey)}
        </NavLink>
      ))}
    </nav>
  );
}
