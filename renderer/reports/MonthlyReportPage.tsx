import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { send } from '../api/client.ts';
import { Field } from '../shared/Field.tsx';
import { LoadingState, QueryState } from '../shared/QueryState.tsx';
import { useQuery } from '../shared/use-api.ts';
import { previousMonth } from '../../common/calendar-day.ts';
import { hallMonth } from '../shared/hall-clock.ts';
import { ReportActions } from './ReportActions.tsx';
import { ReportSheet } from './ReportSheet.tsx';
import { reportMonth } from './report-title.ts';

/** 月报 for the leading group (due before the 25th): last month by default, the month before beside it. */
export function MonthlyReportPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? previousMonth(hallMonth());
  const report = useQuery('reports/monthly', { month });
  return (
    <div className="report-page">
      <div className="report-toolbar">
        <Field
          className="report-picker"
          label={t('reports:monthly.pick')}
          type="month"
          value={month}
          onChange={(e) => e.target.value && setParams({ month: e.target.value })}
        />
        <ReportActions pdfName={`monthly-report-${month}.pdf`} excel={(lang, labels) => send('reports/monthlyExcel', { month, lang, labels })} />
      </div>
      <QueryState query={report}>
        {(data) =>
          data.month !== month ? (
            <LoadingState />
          ) : (
            <ReportSheet
              report={data.current}
              previous={data.previous}
              titles={[data.month, data.previousMonth]}
              title={t('reports:monthly.title', { hall: data.current.hallName ?? '', month: reportMonth(month, i18n.language) })}
            />
          )
        }
      </QueryState>
    </div>
  );
}
