import { useTranslation } from 'react-i18next';
import { NoRows } from './NoRows.tsx';
import type { Report } from '../../main/core/reports/schemas.ts';
import { pick, yuan } from './format.ts';

/** Applications and businesses per utility and kind, deferred materials, fees per utility. */
export function IntakeSection({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const intake = report.intake;
  const d = intake.deferred;
  return (
    <section className="report-section" aria-labelledby="report-intake">
      <h3 id="report-intake">{t('reports:section.intake')}</h3>
      <div className="report-two">
        <table className="report-table" data-testid="report-applications">
          <thead>
            <tr>
              <th>{t('reports:col.utility')}</th>
              <th>{t('reports:col.applications')}</th>
              <th>{t('reports:col.matters')}</th>
              <th>{t('reports:col.fees')}</th>
            </tr>
          </thead>
          <tbody>
            <NoRows count={intake.byUtility.length} columns={4} />
            {intake.byUtility.map((u) => (
              <tr key={u.utility}>
                <th scope="row">{pick(u.names, lng, u.utility)}</th>
                <td>{u.applications}</td>
                <td>{u.matters}</td>
                <td>{yuan(intake.fees.byUtility.find((f) => f.utility === u.utility)?.amountFen ?? 0, lng)}</td>
              </tr>
            ))}
            <tr className="report-total">
              <th scope="row">{t('reports:col.total')}</th>
              <td>{intake.applications}</td>
              <td>{intake.byUtility.reduce((n, u) => n + u.matters, 0)}</td>
              <td data-testid="report-fees-total">{yuan(intake.fees.totalFen, lng)}</td>
            </tr>
          </tbody>
        </table>
        <table className="report-table" data-testid="report-deferred">
          <thead>
            <tr>
              <th>{t('reports:col.deferred')}</th>
              <th>{t('reports:col.count')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('reports:deferred.due')}</th>
              <td>{d.due}</td>
            </tr>
            <tr>
              <th scope="row">{t('reports:deferred.dueSupplied')}</th>
              <td>{d.dueSupplied}</td>
            </tr>
            <tr>
              <th scope="row">{t('reports:deferred.overdueEarlier')}</th>
              <td>{d.overdueEarlier}</td>
            </tr>
            <tr>
              <th scope="row">{t('reports:deferred.suppliedInPeriod')}</th>
              <td>{d.suppliedInPeriod}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <table className="report-table" data-testid="report-businesses">
        <thead>
          <tr>
            <th>{t('reports:col.utility')}</th>
            <th>{t('reports:col.business')}</th>
            <th>{t('reports:col.kind')}</th>
            <th>{t('reports:col.matters')}</th>
          </tr>
        </thead>
        <tbody>
          <NoRows count={intake.byBusiness.length} columns={4} />
          {intake.byBusiness.map((b) => (
            <tr key={`${b.utility}-${b.businessCode}`}>
              <td>{pick(intake.byUtility.find((u) => u.utility === b.utility)?.names, lng, b.utility)}</td>
              <th scope="row">{pick(b.names, lng, b.businessCode)}</th>
              <td>{b.kind ? t(`reports:kind.${b.kind}`) : '—'}</td>
              <td>{b.matters}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
