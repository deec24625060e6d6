import { useTranslation } from 'react-i18next';
import { useQuery } from '../shared/use-api.ts';

/**
 * The counter's customer screen (评价器) as it is now: in use (在线), bound but not connected
 * (离线: switched off, unplugged), or none bound to this window (未绑定). A screen switched on or
 * off, bound or unpaired is pushed, so the badge follows at once.
 */
export function CustomerScreenBadge({ counterId }: { counterId: number }) {
  const { t } = useTranslation();
  const screen = useQuery('intake/customerScreen', { counterId }, { refreshOn: ['devices/presence', 'devices/changed'] });
  const state = screen.data?.state;
  if (!state) return <span className="badge">…</span>;
  const tone = state === 'online' ? 'health-connected' : state === 'offline' ? 'health-disconnected' : 'health-none';
  return (
    <span className={`badge ${tone}`} data-testid="customer-screen-state" data-state={state}>
      {t(`intake:customerScreen.state.${state}`)}
    </span>
  );
}
