import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../main/core/intake/views.ts';
import { FeeTable } from './FeeTable.tsx';
import { useNames } from './names.ts';
import { hallDateTime } from '../shared/hall-clock.ts';
import { useDueDay } from '../shared/due-day.ts';

/**
 * The receipt (受理回执) the customer takes home: who accepted what and when, a case number
 * per utility matter, the materials received and those deferred with the day they are due,
 * the deadlines, the fees as signed with the signature, and a QR code of the progress page.
 */
export function Receipt({ application: a, qr }: { application: ApplicationView; qr: string | undefined }) {
  const { t } = useTranslation();
  const due = useDueDay();
  const name = useNames();
  const received = a.materials.filter((m) => m.state === 'received');
  const deferred = a.materials.filter((m) => m.state === 'deferred');
  // Each matter's stages with their due days: the deadlines per utility, on the matter's own line.
  const stagesOf = (caseNumber: string) =>
    a.workOrders
      .flatMap((w) => w.stages)
      .filter((s) => s.caseNumber === caseNumber)
      .map((s) => (
        <span key={s.code} className="stage">
          {t('intake:deadlines.stage', { stage: name(s.names), day: due(s.dueDay) })}
        </span>
      ));
  return (
    <article className="receipt-sheet" data-testid="receipt">
      <header className="receipt-head">
        <div className="receipt-hall">{a.hallName}</div>
        <h1>{t('intake:receipt.title')}</h1>
        <dl className="receipt-meta">
          <div>
            <dt>{t('intake:receipt.acceptedAt')}</dt>
            <dd>{hallDateTime(a.submittedAt)}</dd>
          </div>
          <div>
            <dt>{t('intake:receipt.counter')}</dt>
            <dd>{a.counter.name || t('intake:receipt.counterNumber', { number: a.counter.number })}</dd>
          </div>
          <div>
            <dt>{t('intake:receipt.staff')}</dt>
            <dd>
              {a.staff.name} ({a.staff.workNo})
            </dd>
          </div>
          <div>
            <dt>{t('intake:receipt.customer')}</dt>
            <dd>
              {a.customer.name} · {a.customer.idMasked} · {a.customer.phoneMasked}
            </dd>
          </div>
          {a.bundle && (
            <div>
              <dt>{t('intake:receipt.bundle')}</dt>
              <dd>{name(a.bundle.names)}</dd>
            </div>
          )}
        </dl>
      </header>

      <section>
        <h2>{t('intake:receipt.matters')}</h2>
        <p className="receipt-hint">{t('intake:receipt.deadlinesHint', { day: a.acceptedOn })}</p>
        <table className="receipt-table" data-testid="receipt-matters">
          <thead>
            <tr>
              <th>{t('intake:receipt.caseNumber')}</th>
              <th>{t('intake:receipt.utility')}</th>
              <th>{t('intake:receipt.business')}</th>
              <th>{t('intake:receipt.account')}</th>
              <th>{t('intake:receipt.due')}</th>
              <th>{t('intake:deadlines.stages')}</th>
            </tr>
          </thead>
          <tbody>
            {a.matters.map((m) => (
              <tr key={m.caseNumber}>
                <td className="case-number">{m.caseNumber}</td>
                <td>{name(m.utilityNames)}</td>
                <td>{name(m.businessNames)}</td>
                <td className="account">{m.accountNo ?? '—'}</td>
                <td>
                  <strong>{due(m.dueDay)}</strong>
                </td>
                <td className="stages">{stagesOf(m.caseNumber)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="receipt-materials">
        <h2>{t('intake:receipt.materials')}</h2>
        <div className="receipt-columns">
          <div>
            <h3>{t('intake:receipt.received', { count: received.length })}</h3>
            <ul>
              {received.map((m) => (
                <li key={m.id}>{name(m.names)}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3>{t('intake:receipt.deferred', { count: deferred.length })}</h3>
            {deferred.length === 0 ? (
              <p>{t('intake:receipt.noDeferred')}</p>
            ) : (
              <ul data-testid="receipt-deferred">
                {deferred.map((m) => (
                  <li key={m.id}>
                    {name(m.names)} — <strong>{t('intake:receipt.bringBy', { day: due(m.promisedDate) })}</strong>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </section>

      <section>
        <h2>{t('intake:receipt.fees')}</h2>
        <FeeTable fees={a.fees} />
      </section>

      <footer className="receipt-foot">
        <div className="receipt-signature">
          <div>{t('intake:receipt.signature')}</div>
          {a.signature.kind === 'paper' ? (
            <>
              <div className="signature-paper" data-testid="receipt-paper-signature">
                {t('intake:receipt.paperSigned')}
              </div>
              {a.signature.recordedBy && (
                <div className="muted">{t('intake:receipt.paperRecordedBy', { ...a.signature.recordedBy, time: hallDateTime(a.signature.signedAt) })}</div>
              )}
            </>
          ) : (
            <>
              {a.signature.image ? (
                <img src={a.signature.image} alt={t('intake:receipt.signatureAlt')} data-testid="receipt-signature" />
              ) : (
                <div className="signature-missing">—</div>
              )}
              <div className="muted">{t('intake:receipt.signedAt', { time: hallDateTime(a.signature.signedAt) })}</div>
            </>
          )}
        </div>
        <div className="receipt-qr">
          {qr && <img src={qr} alt={t('intake:receipt.qrAlt')} />}
          <div>{t('intake:receipt.qrHint')}</div>
        </div>
      </footer>
      <p className="receipt-note">{t('intake:receipt.note')}</p>
    </article>
  );
}
