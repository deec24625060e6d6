import { useTranslation } from 'react-i18next';

/**
 * 无 across the table when a report's list has no rows: a printed table with only its
 * headings reads as if something were cut off, and a signed report must say "none".
 */
export function NoRows({ count, columns }: { count: number; columns: number }) {
  const { t } = useTranslation();
  if (count > 0) return null;
  return (
    <tr className="report-none">
      <td colSpan={columns}>{t('reports:none')}</td>
    </tr>
  );
}
