import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Preview } from '../../main/core/intake/views.ts';
import type { printPage } from '../queue/print.ts';
import { hallDateTime } from '../shared/hall-clock.ts';
import { FeeTable } from './FeeTable.tsx';
import { useNames } from './names.ts';

/**
 * The 受理单 printed for the customer to sign on paper, at a counter whose customer screen cannot
 * take the signature: the businesses and the exact fee list the clerk will record as signed,
 * with lines for the signature and the date. Mounted only while printing (printPaperSheet).
 */
export function PaperSheet({ preview, customerName, at }: { preview: Preview; customerName: string; at: string }) {
  const { t } = useTranslation();
  const name = useNames();
  return createPortal(
    <div className="paper-sheet-print" data-testid="paper-sheet">
      <h1>{t('intake:paperSheet.title')}</h1>
      <p>
        {t('intake:paperSheet.customer', { name: customerName || '—' })} · {hallDateTime(at)}
      </p>
      <p>{t('intake:paperSheet.businesses', { list: preview.businesses.map((b) => name(b.names)).join('、') })}</p>
      <FeeTable fees={preview.fees} />
      <p className="paper-sheet-confirm">{t('intake:paperSheet.confirm')}</p>
      <div className="paper-sheet-lines">
        <span>{t('intake:paperSheet.signature')}</span>
        <span>{t('intake:paperSheet.date')}</span>
      </div>
    </div>,
    document.body,
  );
}

/** Prints only the paper sheet (the body class hides the rest), then lets it go. */
export async function printPaperSheet(print: typeof printPage) {
  document.body.classList.add('printing-paper-sheet');
  try {
    await print();
  } finally {
    document.body.classList.remove('printing-paper-sheet');
  }
}
