import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { send } from '../api/client.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { useQuery } from '../shared/use-api.ts';
import { hallToday } from '../shared/hall-clock.ts';
import { ReportActions } from './ReportActions.tsx';
import { ReportSheet } from './ReportSheet.tsx';

/** 日报: any past day (yesterday by default), ?day=YYYY-MM-DD so a printed link reopens the same report. */
export function DailyReportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const day = params.get('day') ?? hallToday(-1);
  const report = useQuery('reports/daily', { day });
  const title = t('reports:daily.title', { day });
  return (
    <div className="report-page">
      <div className="report-toolbar">
        <label className="field report-picker">
          <span>{t('reports:daily.pick')}</span>
          <input type="date" value={day} max={hallToday()} onChange={(e) => e.target.value && setParams({ day: e.target.value })} />
        </label>
        <ReportActions pdfName={`daily-report-${day}.pdf`} excel={(lang, labels) => send('reports/dailyExcel', { day, lang, labels })} />
      </div>
      <ErrorBanner error={report.error} />
      {report.loading && !report.data && <p className="hint">{t('reports:loading')}</p>}
      {report.data && report.data.from === day && <ReportSheet report={report.data} title={title} />}
    </div>
  );
}
