import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { send } from '../api/client.ts';
import { hallTimeKnown, setHallTime } from './hall-clock.ts';

/** How often a screen asks the hall's time again, so a PC clock that drifts never shows. */
const REFRESH_MS = 5 * 60_000;
const RETRY_MS = 3_000;

/**
 * Renders the screens once the hall has said what time and day it is: every default date and
 * "today" below it is the hall's. Asks again every few minutes; push hellos set it too.
 */
export function HallTimeGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const [known, setKnown] = useState(hallTimeKnown);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const result = await send('hall/time', {});
      if (stopped) return;
      if (result.ok) {
        setHallTime(result.value);
        setKnown(true);
        setFailed(false);
      } else {
        setFailed(true);
      }
      timer = setTimeout(() => void ask(), result.ok ? REFRESH_MS : RETRY_MS);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  if (known) return <>{children}</>;
  return (
    <main className="hall-time-gate" aria-busy={!failed}>
      <p role={failed ? 'alert' : 'status'}>{failed ? t('hallTime.unreachable') : t('connection.connecting')}</p>
    </main>
  );
}
