import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { DailyReportPage } from './DailyReportPage.tsx';
import { LiveHallPage } from './LiveHallPage.tsx';
import { MonthlyReportPage } from './MonthlyReportPage.tsx';
import './reports.css';

/** The manager's live hall and reports, at /manage/reports (live), …/daily and …/monthly. */
export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <div className="reports">
      <nav className="reports-nav" aria-label={t('reports:nav.title')}>
        <NavLink to="/manage/reports" end>
          {t('reports:nav.live')}
        </NavLink>
        <NavLink to="/manage/reports/daily">{t('reports:nav.daily')}</NavLink>
        <NavLink to="/manage/reports/monthly">{t('reports:nav.monthly')}</NavLink>
      </nav>
      <Routes>
        <Route index element={<LiveHallPage />} />
        <Route path="daily" element={<DailyReportPage />} />
        <Route path="monthly" element={<MonthlyReportPage />} />
      </Routes>
    </div>
  );
}
