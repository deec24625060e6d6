import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableTicket } from '../../main/core/queue/contract.ts';
import { setLanguage } from '../i18n.ts';
import type { CategoryView } from '../queue/use-overview.ts';
import { useOverview } from '../queue/use-overview.ts';
import { useInterval } from '../queue/use-interval.ts';
import { DeviceGate } from '../shared/DeviceGate.tsx';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { useMutation } from '../shared/use-api.ts';
import { CategoryGrid } from './CategoryGrid.tsx';
import { CheckInPanel } from './CheckInPanel.tsx';
import { type KioskChoices, noChoices } from './KioskOptions.tsx';
import { KioskSteps } from './KioskSteps.tsx';
import { OptionsStep } from './OptionsStep.tsx';
import { TicketConfirmation } from './TicketConfirmation.tsx';
import { useIdleReset } from './use-idle-reset.ts';
import './kiosk.css';

/** Until the hall has answered with the manager's setting (main/core/queue/settings.ts has the same default). */
const DEFAULT_IDLE_SECONDS = 45;

export function KioskScreen() {
  const { t } = useTranslation();
  return (
    <DeviceGate scope="kiosk" title={t('roles.kiosk')} className="touch kiosk">
      <Kiosk />
    </DeviceGate>
  );
}

type Stage = { kind: 'business' } | { kind: 'options'; category: CategoryView } | { kind: 'checkIn' } | { kind: 'ticket'; ticket: PrintableTicket };

function Kiosk() {
  const { t, i18n } = useTranslation();
  const overview = useOverview('kiosk');
  // Opening hours pass without any queue event: look again every minute.
  useInterval(overview.reload, 60_000);
  const issue = useMutation('queue/issue', 'kiosk');
  const fieldError = useFieldError(issue.error);
  const [stage, setStage] = useState<Stage>({ kind: 'business' });
  const [choices, setChoices] = useState<KioskChoices>(noChoices);

  const restart = () => {
    setChoices(noChoices);
    issue.clearError();
    setStage({ kind: 'business' });
  };
  // Nobody touching: the next customer gets the Chinese start screen, with nothing of the last one's on it.
  // The ticket screen counts down on its own.
  useIdleReset(
    overview.data?.kiosk.idleSeconds ?? DEFAULT_IDLE_SECONDS,
    () => {
      restart();
      if (i18n.language !== 'zh-CN') setLanguage('zh-CN');
    },
    stage.kind !== 'ticket',
  );

  const take = async (category: CategoryView, chosen: KioskChoices) => {
    const request = {
      categoryId: category.id,
      priority: chosen.priority ? ('priority' as const) : ('normal' as const),
      ...(chosen.phone ? { phone: chosen.phone } : {}),
      ...(chosen.idNumber ? { idNumber: chosen.idNumber } : {}),
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

  if (stage.kind === 'checkIn') return <CheckInPanel onIssued={(ticket) => setStage({ kind: 'ticket', ticket })} onCancel={restart} />;
  if (stage.kind === 'ticket') {
    return (
      <div className="kiosk-flow">
        <KioskSteps current="ticket" />
        <TicketConfirmation ticket={stage.ticket} onDone={restart} />
      </div>
    );
  }
  if (stage.kind === 'options') {
    const { category } = stage;
    return (
      <div className="kiosk-flow">
        <KioskSteps current="options" />
        <OptionsStep
          category={category}
          choices={choices}
          onChange={setChoices}
          fieldError={fieldError}
          error={issue.error}
          pending={issue.pending}
          onTake={(chosen) => void take(category, chosen)}
          onBack={restart}
        />
      </div>
    );
  }
  return (
    <div className="kiosk-flow">
      <KioskSteps current="business" />
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
        <CategoryGrid
          categories={overview.data?.categories ?? []}
          pending={issue.pending}
          onPick={(category) => {
            issue.clearError();
            setStage({ kind: 'options', category });
          }}
        />
      </div>
    </div>
  );
}
