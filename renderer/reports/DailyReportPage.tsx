import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { send } from '../api/client.ts';
import { Field } from '../shared/Field.tsx';
import { LoadingState, QueryState } from '../shared/QueryState.tsx';
import { useQuery } from '../shared/use-api.ts';
import { hallToday } from '../shared/hall-clock.ts';
import { ReportActions } from './ReportActions.tsx';
import { ReportSheet } from './ReportSheet.tsx';
import { reportDate } from './report-title.ts';

/** 日报: any past day (yesterday by default), ?day=YYYY-MM-DD so a printed link reopens the same report. */
export function DailyReportPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const day = params.get('day') ?? hallToday(-1);
  const report = useQuery('reports/daily', { day });
  return (
    <div className="report-page">
      <div className="report-toolbar">
        <Field
          className="report-picker"
          label={t('reports:daily.pick')}
          type="date"
          value={day}
          max={hallToday()}
          onChange={(e) => e.target.value && setParams({ day: e.target.value })}
        />
        <ReportActions pdfName={`daily-report-${day}.pdf`} excel={(lang, labels) => send('reports/dailyExcel', { day, lang, labels })} />
      </div>
      <QueryState query={report}>
        {(data) =>
          // A new day asked for: the old day's sheet is not shown under the new day's picker.
          data.from !== day ? (
            <LoadingState />
          ) : (
            <ReportSheet report={data} title={t('reports:daily.title', { hall: data.hallName ?? '', date: reportDate(day, i18n.language) })} />
          )
        }
      </QueryState>
    </div>
  );
}
