import { useTranslation } from 'react-i18next';
import type { Report, ReportSummary } from '../../main/core/reports/schemas.ts';
import { IntakeSection } from './IntakeSections.tsx';
import { LedgersSection, SyncSection } from './LedgerSections.tsx';
import { TicketsSection, TimesSection } from './QueueSections.tsx';
import { RatingsSection } from './RatingsSection.tsx';
import { SummaryTable } from './SummaryTable.tsx';
import { formatHallDateTime } from '../shared/hall-clock.ts';
import { pageNumberCss } from './report-title.ts';

/**
 * The report as paper: A4 pages (reports.css). Page one is the queue (headline figures,
 * tickets, times); page two, from a forced page break, intake, ratings, ledgers and sync.
 * A normal day fits on the two; a busier hall runs on. Every page is numbered (第 1 页 共 2 页)
 * and the last ends with the lines the report is signed on before it goes upward.
 */
export function ReportSheet({ report, title, previous, titles }: { report: Report; title: string; previous?: ReportSummary; titles?: [string, string] }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="report-sheet" data-testid="report-sheet" aria-label={title}>
      <style>{pageNumberCss(t('reports:sign.page'))}</style>
      <header className="report-head">
        <h2>{title}</h2>
        <p>
          {report.hallName ?? ''} · {report.from === report.to ? report.from : `${report.from} – ${report.to}`}
        </p>
        <p className="report-note">{t('reports:generatedAt', { at: formatHallDateTime(report.generatedAt, i18n.language) })}</p>
        {report.calendarMissingYears.length > 0 && (
          <p className="warning" role="status" data-testid="report-calendar-missing">
            {t('reports:calendarMissing', { years: report.calendarMissingYears.join('、') })}
          </p>
        )}
      </header>
      <section className="report-section" aria-labelledby="report-summary-title">
        <h3 id="report-summary-title">{t('reports:section.summary')}</h3>
        <SummaryTable report={report} previous={previous} titles={titles} />
      </section>
      <TicketsSection report={report} byDay={report.from !== report.to} />
      <TimesSection report={report} />
      <div className="report-page-break" />
      <IntakeSection report={report} />
      <RatingsSection report={report} />
      <LedgersSection report={report} />
      <SyncSection report={report} />
      <footer className="report-sign" data-testid="report-sign">
        <span>{t('reports:sign.preparedBy')}</span>
        <span>{t('reports:sign.reviewedBy')}</span>
        <span>{t('reports:sign.date')}</span>
      </footer>
    </article>
  );
}
