import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/core/api/errors.ts';
import { type PdfOutcome, savePdf } from '../intake/save-pdf.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import type { ExcelFile, ExcelRequest } from './excel-request.ts';

/** The reports:excel.* and reports:summary.* strings in the screen's language, flattened for the hall server's Excel writer. */
export function excelLabels(bundle: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') out[prefix] = node;
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  if (typeof bundle !== 'object' || bundle === null) return out;
  if ('excel' in bundle) walk(bundle.excel, 'excel');
  if ('summary' in bundle) walk(bundle.summary, 'summary');
  return out;
}

function download(file: ExcelFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Print (A4, reports.css), save as PDF and export to Excel. In the desktop app the PDF is
 * made by Electron's printToPDF through the bridge (main/electron/pdf-export.ts) and saved
 * where the manager picks; in a browser the print dialog's "Save as PDF" does it.
 */
export function ReportActions({ pdfName, excel }: { pdfName: string; excel: ExcelRequest }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [pdf, setPdf] = useState<PdfOutcome>();

  const exportExcel = async () => {
    setBusy(true);
    const lang = i18n.language.startsWith('en') ? 'en-US' : 'zh-CN';
    const result = await excel(lang, excelLabels(i18n.getResourceBundle(i18n.language, 'reports')));
    setBusy(false);
    if (result.ok) {
      setError(undefined);
      download(result.value);
    } else setError(result.error);
  };

  return (
    <div className="report-toolbar-actions">
      <button type="button" onClick={() => window.print()}>
        {t('reports:action.print')}
      </button>
      <button type="button" onClick={() => void savePdf(pdfName).then(setPdf)}>
        {t('reports:action.pdf')}
      </button>
      <button type="button" className="primary" disabled={busy} onClick={() => void exportExcel()}>
        {t('reports:action.excel')}
      </button>
      {pdf === 'saved' && <span className="notice">{t('reports:pdf.saved')}</span>}
      {pdf === 'failed' && <span className="error-banner">{t('reports:pdf.failed')}</span>}
      <ErrorBanner error={error} />
    </div>
  );
}
