import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { clockTime, localName } from '../queue/names.ts';
import { useInterval } from '../queue/use-interval.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { Layout } from '../shared/Layout.tsx';
import { useQuery } from '../shared/use-api.ts';

/** How often the customer's phone asks again. */
export const STATUS_REFRESH_MS = 15_000;

/** The public page behind a ticket's QR code: no login, no personal data. */
export function TicketStatusScreen() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  return (
    <Layout title={t('queue:status.title')} className="ticket-status-screen">
      <TicketStatus token={token} />
    </Layout>
  );
}

function TicketStatus({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const status = useQuery('queue/ticketStatus', { token });
  useInterval(status.reload, STATUS_REFRESH_MS);
  if (status.error) return <ErrorBanner error={status.error} />;
  const s = status.data;
  if (!s) return null;
  const called = s.status === 'called' || s.status === 'serving';
  return (
    <section className="card narrow ticket-status" aria-live="polite">
      <div className="ticket-label">{localName({ nameZh: s.categoryNameZh, nameEn: s.categoryNameEn }, i18n.language)}</div>
      <div className="ticket-number" data-testid="status-number">
        {s.number}
      </div>
      <div className={`status-pill ${s.status}`} data-testid="status-state">
        {t(`queue:ticketState.${s.status}`)}
      </div>
      {called && s.counterNumber !== null && <div className="status-counter">{t('queue:status.goTo', { counter: s.counterNumber })}</div>}
      {s.status === 'waiting' && (
        <dl className="ticket-facts">
          <div>
            <dt>{t('queue:ticket.aheadLabel')}</dt>
            <dd>{t('queue:ticket.people', { count: s.ahead })}</dd>
          </div>
          <div>
            <dt>{t('queue:ticket.estimateLabel')}</dt>
            <dd>{t('queue:ticket.minutes', { count: s.estimatedWaitMinutes })}</dd>
          </div>
        </dl>
      )}
      <p className="hint">
        {t('queue:ticket.issuedAt', { time: clockTime(s.issuedAt, i18n.language) })} · {t('queue:status.refreshing')}
      </p>
    </section>
  );
}
