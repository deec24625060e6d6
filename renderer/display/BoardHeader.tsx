import { useTranslation } from 'react-i18next';
import { hallZone, useHallNow } from '../shared/hall-clock.ts';

/** The hall's date, weekday and time on the hall server's clock (never the board PC's), each second. */
function BoardClock() {
  const { i18n } = useTranslation();
  const now = new Date(useHallNow(1000));
  const timeZone = hallZone();
  const lng = i18n.language;
  return (
    <div className="board-clock" data-testid="board-clock">
      <span className="board-time" data-testid="board-time">
        {now.toLocaleTimeString(lng, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}
      </span>
      <span className="board-date">
        <span data-testid="board-date">{now.toLocaleDateString(lng, { timeZone, year: 'numeric', month: 'long', day: 'numeric' })}</span>
        <span data-testid="board-weekday">{now.toLocaleDateString(lng, { timeZone, weekday: 'long' })}</span>
      </span>
    </div>
  );
}

/** The hall's name large on the left, the clock on the right; the device's own name small, for IT. */
export function BoardHeader({ hallName, deviceName }: { hallName: string | null | undefined; deviceName: string }) {
  const { t } = useTranslation();
  return (
    <header className="board-head">
      <div className="board-hall">
        <h1 data-testid="board-hall-name">{hallName || t('roles.display')}</h1>
        <span className="board-device">{deviceName}</span>
      </div>
      <BoardClock />
    </header>
  );
}
