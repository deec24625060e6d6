import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useOverview } from '../queue/use-overview.ts';
import { WaitingCounts } from '../queue/WaitingCounts.tsx';
import { DeviceGate } from '../shared/DeviceGate.tsx';
import { ErrorBanner } from '../shared/errors.tsx';
import { AnnouncementLog } from './AnnouncementLog.tsx';
import { Bilingual } from './Bilingual.tsx';
import { BoardHeader } from './BoardHeader.tsx';
import { CallHistory } from './CallHistory.tsx';
import { NoticeTicker } from './NoticeTicker.tsx';
import { NowCalling } from './NowCalling.tsx';
import { SoundGate } from './SoundGate.tsx';
import { useAnnouncer } from './use-announcer.ts';
import { useBoardCalls } from './use-board-calls.ts';
import { WindowTable } from './WindowTable.tsx';
import './board.css';

export function DisplayScreen() {
  const { t } = useTranslation();
  // A TV nobody operates: no top bar, no language buttons (the labels carry English beneath).
  return (
    <DeviceGate scope="display" title={t('roles.display')} className="board" bare>
      {(device) => <Board deviceName={device.name} />}
    </DeviceGate>
  );
}

function Board({ deviceName }: { deviceName: string }) {
  const [params] = useSearchParams();
  const testBoard = params.get('test') === '1';
  const overview = useOverview('display');
  const { announce, planned } = useAnnouncer(testBoard);
  const { calls, current, fresh } = useBoardCalls(overview.data, announce);
  const data = overview.data;
  return (
    <div className="board-layout">
      <BoardHeader hallName={data?.hallName} deviceName={deviceName} />
      <ErrorBanner error={overview.error} />
      <div className="board-main">
        <WindowTable counters={data?.counters ?? []} />
        <div className="board-calls">
          <NowCalling calls={current} fresh={fresh} />
          <CallHistory calls={calls} fresh={fresh} />
        </div>
      </div>
      <section className="board-waiting" aria-labelledby="board-waiting-title">
        <h2 id="board-waiting-title">
          <Bilingual k="queue:waiting.title" />
        </h2>
        <WaitingCounts categories={data?.categories ?? []} />
      </section>
      <NoticeTicker notices={data?.notices ?? []} />
      <SoundGate />
      {testBoard && <AnnouncementLog planned={planned} />}
    </div>
  );
}
