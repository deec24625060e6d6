import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { StaffGate } from '../shared/StaffGate.tsx';
import { DeferredPage } from './DeferredPage.tsx';
import { DuePage } from './DuePage.tsx';
import { SearchPage } from './SearchPage.tsx';

/** The clerk's lists beside the counter (/lists): search, what is due, and 容缺 still owed. */
export function WorkListsScreen() {
  const { t } = useTranslation();
  return (
    <StaffGate title={t('worklists:title')} roles={['clerk', 'manager', 'admin']}>
      {() => <WorkLists />}
    </StaffGate>
  );
}

/** Also the manager's page /manage/applications: the same lists under the desk's navigation. */
export function WorkLists({ base = '/lists' }: { base?: string }) {
  const { t } = useTranslation();
  return (
    <div className="worklists">
      <nav className="manage-nav" aria-label={t('worklists:nav.label')}>
        <NavLink to={base} end>
          {t('worklists:nav.search')}
        </NavLink>
        <NavLink to={`${base}/due`}>{t('worklists:nav.due')}</NavLink>
        <NavLink to={`${base}/deferred`}>{t('worklists:nav.deferred')}</NavLink>
      </nav>
      <Routes>
        <Route index element={<SearchPage />} />
        <Route path="due" element={<DuePage />} />
        <Route path="deferred" element={<DeferredPage />} />
      </Routes>
    </div>
  );
}

export function ManagerWorkLists() {
  return <WorkLists base="/manage/applications" />;
}
