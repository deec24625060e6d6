import { useTranslation } from 'react-i18next';
import { downloadXlsx, type ExportColumn, toSheet } from '../shared/xlsx-file.ts';

/** Exports the ledger's rows (as listed, personal data masked) to an Excel workbook. */
export function ExportButton<T>({ rows, columns, fileName }: { rows: readonly T[]; columns: readonly ExportColumn<T>[]; fileName: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="secondary" disabled={rows.length === 0} onClick={() => void downloadXlsx(fileName, toSheet(fileName, rows, columns))}>
      {t('ledgers:export')}
    </button>
  );
}
