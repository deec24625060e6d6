import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../main/core/intake/views.ts';
import { useNames } from './names.ts';
import { useDueDay } from '../shared/due-day.ts';

export const receiptPath = (applicationId: number) => `/receipt/${applicationId}`;

/** What the clerk tells the customer after a submission: one case number per utility matter. */
export function SubmittedPanel({ application, onOpenReceipt, onNext }: { application: ApplicationView; onOpenReceipt: () => void; onNext: () => void }) {
  const { t } = useTranslation();
  const due = useDueDay();
  const name = useNames();
  return (
    <section className="card intake-section submitted" aria-labelledby="submitted-title" data-testid="submitted">
      <h2 id="submitted-title">{t('intake:submitted.title')}</h2>
      <ul className="case-numbers">
        {application.matters.map((m) => (
          <li key={m.caseNumber}>
            <span className="case-number" data-testid="case-number">
              {m.caseNumber}
            </span>
            <span>
              {name(m.utilityNames)} · {name(m.businessNames)}
            </span>
            <span className="muted">{t('intake:submitted.due', { day: due(m.dueDay) })}</span>
          </li>
        ))}
      </ul>
      {application.signature.kind === 'paper' && (
        <p className="muted" data-testid="submitted-paper-signature">
          {t('intake:receipt.signature')}: {t('intake:receipt.paperSigned')}
        </p>
      )}
      <div className="row-actions">
        <a
          className="button-link primary"
          href={receiptPath(application.id)}
          target="_blank"
          rel="noopener"
          onClick={(e) => {
            e.preventDefault();
            onOpenReceipt();
          }}
          data-testid="open-receipt"
        >
          {t('intake:submitted.openReceipt')}
        </a>
        <button type="button" className="secondary" onClick={onNext}>
          {t('intake:submitted.next')}
        </button>
      </div>
    </section>
  );
}
