import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { statusUrl, useQrDataUrl } from '../queue/qr.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { StaffGate } from '../shared/StaffGate.tsx';
import { useQuery } from '../shared/use-api.ts';
import './intake.css';
import { Receipt } from './Receipt.tsx';
import { type PrintOutcome, printPage } from '../queue/print.ts';
import { type PdfOutcome, savePdf } from './save-pdf.ts';

type Paper = 'A4' | 'A5';
const paperKey = 'onewindow.receiptPaper';

export function ReceiptScreen() {
  const { t } = useTranslation();
  return (
    <StaffGate title={t('intake:receipt.title')} roles={['clerk', 'manager', 'admin']}>
      {() => <ReceiptPage />}
    </StaffGate>
  );
}

/** /receipt/:applicationId — the receipt on screen with its print and PDF buttons; only the sheet is printed. */
function ReceiptPage() {
  const { t } = useTranslation();
  const { applicationId } = useParams();
  const id = Number(applicationId);
  const valid = Number.isInteger(id) && id > 0;
  const application = useQuery('intake/get', { id: valid ? id : 1, withSignature: true }, { enabled: valid });
  const [paper, setPaper] = useState<Paper>(() => (localStorage.getItem(paperKey) === 'A5' ? 'A5' : 'A4'));
  const [outcome, setOutcome] = useState<PdfOutcome>();
  const [printOutcome, setPrintOutcome] = useState<PrintOutcome>();
  const a = application.data;
  const qr = useQrDataUrl(a ? statusUrl(a.progressPath) : undefined, 360);

  const choosePaper = (p: Paper) => {
    localStorage.setItem(paperKey, p);
    setPaper(p);
  };

  if (!valid) return <ErrorBanner error={{ code: 'not_found', messageKey: 'errors.intake.applicationNotFound' }} />;
  if (!a) return <ErrorBanner error={application.error} />;
  const fileName = `${a.matters[0]?.caseNumber ?? a.id}.pdf`;

  return (
    <div className={`receipt-page paper-${paper}`}>
      {/* The sheet's size for the printer and for printToPDF; this page is the only one that sets it. */}
      <style>{`@page { size: ${paper}; margin: ${paper === 'A4' ? '14mm 16mm' : '9mm 10mm'}; }`}</style>
      <div className="receipt-tools no-print" role="toolbar" aria-label={t('intake:receipt.tools')}>
        <Link to="/counter" className="button-link secondary">
          {t('intake:receipt.back')}
        </Link>
        <label className="check">
          {t('intake:receipt.paper')}
          <select value={paper} onChange={(e) => choosePaper(e.target.value === 'A5' ? 'A5' : 'A4')} data-testid="receipt-paper">
            <option value="A4">{t('intake:receipt.paperA4')}</option>
            <option value="A5">{t('intake:receipt.paperA5')}</option>
          </select>
        </label>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setPrintOutcome(undefined);
            void printPage().then(setPrintOutcome);
          }}
          data-testid="print-receipt"
        >
          {t('intake:receipt.print')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setOutcome(undefined);
            void savePdf(fileName).then(setOutcome);
          }}
          data-testid="save-pdf"
        >
          {t('intake:receipt.savePdf')}
        </button>
        {outcome && (
          <span className={outcome === 'failed' ? 'field-error' : 'hint'} role="status">
            {t(`intake:receipt.pdf.${outcome}`)}
          </span>
        )}
        {printOutcome?.kind === 'failed' && (
          <span className="field-error" role="alert" data-testid="print-failed">
            {t(printOutcome.messageKey, { printer: printOutcome.printer })}
          </span>
        )}
      </div>
      <Receipt application={a} qr={qr} />
    </div>
  );
}
