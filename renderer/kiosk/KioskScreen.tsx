import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableTicket } from '../../main/core/queue/contract.ts';
import type { CategoryView } from '../queue/use-overview.ts';
import { useOverview } from '../queue/use-overview.ts';
import { useInterval } from '../queue/use-interval.ts';
import { DeviceGate } from '../shared/DeviceGate.tsx';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { useMutation } from '../shared/use-api.ts';
import { CategoryGrid } from './CategoryGrid.tsx';
import { CheckInPanel } from './CheckInPanel.tsx';
import { type KioskChoices, KioskOptions, noChoices } from './KioskOptions.tsx';
import { TicketConfirmation } from './TicketConfirmation.tsx';

export function KioskScreen() {
  const { t } = useTranslation();
  return (
    <DeviceGate scope="kiosk" title={t('roles.kiosk')} className="touch kiosk">
      <Kiosk />
    </DeviceGate>
  );
}

type Stage = { kind: 'choose' } | { kind: 'checkIn' } | { kind: 'ticket'; ticket: PrintableTicket };

function Kiosk() {
  const { t } = useTranslation();
  const overview = useOverview('kiosk');
  // Opening hours pass without any queue event: look again every minute.
  useInterval(overview.reload, 60_000);
  const issue = useMutation('queue/issue', 'kiosk');
  const fieldError = useFieldError(issue.error);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [choices, setChoices] = useState<KioskChoices>(noChoices);

  const restart = () => {
    setChoices(noChoices);
    issue.clearError();
    setStage({ kind: 'choose' });
  };

  const pick = async (category: CategoryView) => {
    const request = {
      categoryId: category.id,
      priority: choices.priority ? ('priority' as const) : ('normal' as const),
      ...(choices.phone ? { phone: choices.phone } : {}),
      ...(choices.idNumber ? { idNumber: choices.idNumber } : {}),
      // One key per touch: asked again after a lost answer, the hall gives the same ticket, not a second number.
      idempotencyKey: crypto.randomUUID(),
    };
    // Asked once more when the answer did not come: under the same key the hall returns the ticket
    // it may already have issued (a refusal just comes back again).
    const ticket = (await issue.run(request)) ?? (await issue.run(request));
    if (ticket) {
      setChoices(noChoices);
      setStage({ kind: 'ticket', ticket });
    }
  };

  if (stage.kind === 'ticket') return <TicketConfirmation ticket={stage.ticket} onDone={restart} />;
  if (stage.kind === 'checkIn') return <CheckInPanel onIssued={(ticket) => setStage({ kind: 'ticket', ticket })} onCancel={restart} />;

  return (
    <div className="kiosk-start">
      <div className="kiosk-head">
        <div>
          <h1 className="welcome">{t('kiosk.welcome')}</h1>
          <p className="hint">{t('queue:kiosk.choose')}</p>
        </div>
        <button type="button" className="secondary big" onClick={() => setStage({ kind: 'checkIn' })}>
          {t('queue:checkIn.open')}
        </button>
      </div>
      <ErrorBanner error={overview.error} />
      <CategoryGrid categories={overview.data?.categories ?? []} pending={issue.pending} onPick={(c) => void pick(c)} />
      {!issue.error?.details?.fields && <ErrorBanner error={issue.error} />}
      <KioskOptions value={choices} onChange={setChoices} fieldError={fieldError} />
    </div>
  );
}
