import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffPublic } from '../../main/core/auth/schemas.ts';
import { CounterTabs } from '../intake/CounterTabs.tsx';
import { useOverview } from '../queue/use-overview.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { HallStatusPanel } from '../shared/HallStatusPanel.tsx';
import { StaffGate } from '../shared/StaffGate.tsx';
import { CounterPicker } from './CounterPicker.tsx';
import { CounterWork } from './CounterWork.tsx';
import { rememberCounter, rememberedCounter } from './remembered.ts';
import { counterOfThisPc, windowOfThisPc } from './pc-window.ts';
import { useCounterActions } from './use-counter-actions.ts';

export function CounterScreen() {
  const { t } = useTranslation();
  return (
    <StaffGate title={t('roles.counter')} roles={['clerk', 'manager', 'admin']}>
      {(me) => <CounterDesk me={me} />}
    </StaffGate>
  );
}

/** Chooses (or reopens) the clerk's counter, then works it. */
function CounterDesk({ me }: { me: StaffPublic }) {
  const overview = useOverview('staff');
  const actions = useCounterActions(overview.reload);
  const [counterId, setCounterId] = useState(rememberedCounter);
  const [choosing, setChoosing] = useState(false);
  const data = overview.data;
  const counter = data?.counters.find((c) => c.id === counterId && c.staffId === me.id && c.status !== 'closed');

  const { run } = actions;
  const open = useCallback(
    async (id: number) => {
      const result = await run('queue/openCounter', { counterId: id });
      if (!result.ok) return;
      rememberCounter(id);
      setCounterId(id);
      setChoosing(false);
    },
    [run],
  );

  // The counter this PC used last is opened again without asking, once per visit.
  const remembered = useRef(rememberedCounter());
  useEffect(() => {
    const id = remembered.current;
    if (!data || id === undefined) return;
    remembered.current = undefined;
    const known = data.counters.find((c) => c.id === id);
    if (!known) {
      rememberCounter(undefined);
      setCounterId(undefined);
    } else if (known.status === 'closed' || known.staffId !== me.id) void open(id);
  }, [data, me.id, open]);

  // A desktop PC set up as window N (its settings) opens counter N while it has no counter remembered.
  const thisPc = useRef(rememberedCounter() === undefined ? windowOfThisPc(window.location.search) : undefined);
  useEffect(() => {
    if (!data || thisPc.current === undefined) return;
    const id = counterOfThisPc(data.counters, thisPc.current, me.id);
    thisPc.current = undefined;
    if (id !== undefined) void open(id);
  }, [data, me.id, open]);

  const leave = () => {
    rememberCounter(undefined);
    setCounterId(undefined);
  };

  if (!data) return <ErrorBanner error={overview.error} />;
  if (!counter || choosing) {
    return (
      <div className="counter-layout">
        <CounterPicker
          counters={data.counters}
          categories={data.categories}
          meId={me.id}
          pending={actions.pending}
          error={actions.error}
          onOpen={(id) => void open(id)}
        />
        <HallStatusPanel scope="staff" />
      </div>
    );
  }
  return (
    <CounterTabs counter={counter}>
      <CounterWork counter={counter} overview={data} me={me} actions={actions} onSwitch={() => setChoosing(true)} onClosed={leave} />
    </CounterTabs>
  );
}
