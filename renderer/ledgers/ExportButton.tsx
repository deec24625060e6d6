import { useTranslation } from 'react-i18next';
import { type CsvColumn, downloadFile, toCsv } from './csv.ts';

/** Exports the ledger's rows (as listed, personal data masked) to a CSV file Excel opens. */
export function ExportButton<T>({ rows, columns, fileName }: { rows: readonly T[]; columns: readonly CsvColumn<T>[]; fileName: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="secondary" disabled={rows.length === 0} onClick={() => downloadFile(`${fileName}.csv`, toCsv(rows, columns), 'text/csv;charset=utf-8')}>
      {t('ledgers:export')}
    </button>
  );
}
