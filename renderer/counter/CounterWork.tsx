import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffPublic } from '../../main/core/auth/schemas.ts';
import type { PrintableTicket, TicketView } from '../../main/core/queue/contract.ts';
import { useCounterLabel } from '../queue/counter-label.ts';
import type { CounterView, Overview } from '../queue/use-overview.ts';
import { WaitingCounts } from '../queue/WaitingCounts.tsx';
import { ErrorBanner } from '../shared/errors.tsx';
import { CounterRatings } from '../ratings/CounterRatings.tsx';
import { ActionBar, type CounterAction } from './ActionBar.tsx';
import { CounterFigures } from './CounterFigures.tsx';
import { CurrentTicket } from './CurrentTicket.tsx';
import { NoShowDialog } from './NoShowDialog.tsx';
import { PauseDialog, usePauseText } from './PauseDialog.tsx';
import { ReprintJob } from './ReprintJob.tsx';
import { TransferDialog, type TransferTarget } from './TransferDialog.tsx';
import type { useCounterActions } from './use-counter-actions.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { WaitingListSection } from './WaitingListSection.tsx';

type Actions = ReturnType<typeof useCounterActions>;
type DialogKind = 'noShow' | 'transfer' | 'pause';
type Work = { (): Promise<unknown> };

/** One open counter: the ticket in hand, the keys that move it, and the queue behind it. */
export function CounterWork({
  counter,
  overview,
  me,
  actions,
  onSwitch,
  onClosed,
}: {
  counter: CounterView;
  overview: Overview;
  me: StaffPublic;
  actions: Actions;
  onSwitch: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const { label } = useCounterLabel();
  const pauseText = usePauseText();
  const [dialog, setDialog] = useState<DialogKind>();
  const [info, setInfo] = useState<string>();
  const [reprint, setReprint] = useState<PrintableTicket>();
  const { run, pending } = actions;
  const ticket = counter.current;
  const paused = counter.status === 'paused';
  const called = ticket?.status === 'called';
  const inHand = ticket !== null && (ticket.status === 'called' || ticket.status === 'serving');
  const ids = ticket ? { counterId: counter.id, ticketId: ticket.id } : undefined;
  const isManager = me.roles.includes('manager') || me.roles.includes('admin');

  const act = async (work: Work) => {
    setInfo(undefined);
    await work();
  };

  const callNext = () =>
    act(async () => {
      const result = await run('queue/callNext', { counterId: counter.id });
      if (result.ok && result.value === null) setInfo(t('queue:counter.nobodyWaiting'));
    });
  const onTicket = (name: 'queue/recall' | 'queue/start' | 'queue/finish') => () => ids && act(() => run(name, ids));
  const noShow = (requeue: boolean) => {
    setDialog(undefined);
    if (ids) void act(() => run('queue/noShow', { ...ids, requeue }));
  };
  const transfer = (target: TransferTarget) => {
    setDialog(undefined);
    if (ids) void act(() => run('queue/transfer', { ...ids, ...target }));
  };
  const pause = (reason: 'break' | 'meeting' | 'system' | 'other', note: string) => {
    setDialog(undefined);
    void act(() => run('queue/pause', { counterId: counter.id, reason, ...(note ? { note } : {}) }));
  };
  const resume = () => act(() => run('queue/resume', { counterId: counter.id }));
  const doReprint = () =>
    ticket &&
    act(async () => {
      const result = await run('queue/reprint', { ticketId: ticket.id });
      if (!result.ok) return;
      setInfo(result.value.printed === 'printer' ? t('queue:counter.reprinted') : t('queue:counter.reprintScreen'));
      if (result.value.printed === 'screen') setReprint(result.value);
    });
  const callTicket = (waiting: TicketView) => act(() => run('queue/callTicket', { counterId: counter.id, ticketId: waiting.id }));
  const close = () =>
    act(async () => {
      const result = await run('queue/closeCounter', { counterId: counter.id });
      if (result.ok) onClosed();
    });

  const all: CounterAction[] = [
    { id: 'callNext', key: 'F1', label: t('queue:actions.callNext'), enabled: !paused && !ticket, run: () => void callNext(), tone: 'primary' },
    { id: 'recall', key: 'F2', label: t('queue:actions.recall'), enabled: called, run: () => void onTicket('queue/recall')() },
    { id: 'start', key: 'F3', label: t('queue:actions.start'), enabled: called, run: () => void onTicket('queue/start')() },
    { id: 'finish', key: 'F4', label: t('queue:actions.finish'), enabled: inHand, run: () => void onTicket('queue/finish')(), tone: 'primary' },
    { id: 'noShow', key: 'F6', label: t('queue:actions.noShow'), enabled: called, run: () => setDialog('noShow') },
    { id: 'transfer', key: 'F7', label: t('queue:actions.transfer'), enabled: inHand, run: () => setDialog('transfer') },
    paused
      ? { id: 'resume', key: 'F8', label: t('queue:actions.resume'), enabled: true, run: () => void resume() }
      : { id: 'pause', key: 'F8', label: t('queue:actions.pause'), enabled: true, run: () => setDialog('pause') },
  ];
  const list = all.map((a) => ({ ...a, enabled: a.enabled && !pending }));
  useShortcuts(
    list.flatMap((a) => (a.key ? [{ key: a.key, enabled: a.enabled, run: a.run }] : [])),
    dialog === undefined,
  );

  // At 1366×768 everything the clerk works from is on the first screen: the ticket in hand and its
  // keys beside the queue behind it, the figures folded to one line below.
  return (
    <div className="counter-desk">
      <header className="counter-head">
        <h1>
          {label(counter)}
          <span className={`badge counter-${counter.status}`} data-testid="counter-state">
            {t(`queue:counterState.${counter.status}`)}
          </span>
        </h1>
        {paused && <span className="pause-reason">{pauseText(counter.pauseReason)}</span>}
        <div className="counter-head-actions">
          <button type="button" className="secondary" disabled={!ticket || pending} onClick={() => void doReprint()}>
            {t('queue:actions.reprint')}
          </button>
          <button type="button" className="secondary" onClick={onSwitch}>
            {t('queue:counter.switch')}
          </button>
          <button type="button" className="secondary" disabled={ticket !== null || pending} onClick={() => void close()}>
            {t('queue:counter.close')}
          </button>
        </div>
      </header>
      <div className="counter-main">
        <CurrentTicket ticket={ticket} categories={overview.categories} />
        <ActionBar actions={list} />
        <ErrorBanner error={actions.error} />
        {info && (
          <div className="notice" role="status">
            {info}
          </div>
        )}
        <CounterRatings counterId={counter.id} />
      </div>
      <div className="counter-queue">
        <WaitingListSection
          categories={overview.categories}
          canCall={isManager && !ticket && !paused}
          onCall={(w) => void callTicket(w)}
          counts={
            <WaitingCounts
              className="counter-wait-chips"
              categories={overview.categories}
              highlight={counter.categoryIds.length === 0 ? null : counter.categoryIds}
            />
          }
        />
      </div>
      <div className="counter-figures-row">
        <CounterFigures />
      </div>
      {dialog === 'noShow' && ticket && <NoShowDialog number={ticket.number} onChoose={noShow} onClose={() => setDialog(undefined)} />}
      {dialog === 'transfer' && ticket && (
        <TransferDialog
          number={ticket.number}
          fromCounterId={counter.id}
          counters={overview.counters}
          categories={overview.categories}
          onTransfer={transfer}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'pause' && <PauseDialog onPause={pause} onClose={() => setDialog(undefined)} />}
      {reprint && <ReprintJob ticket={reprint} onDone={() => setReprint(undefined)} />}
    </div>
  );
}
