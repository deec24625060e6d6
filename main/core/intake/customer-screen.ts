import { listDevices } from '../../../db/devices.ts';
import type { CoreDeps } from '../deps.ts';

export type CustomerScreenState = 'unbound' | 'online' | 'offline';

/**
 * The counter's customer screen as the clerk needs to know it before asking for a signature:
 * none bound to the counter (unbound: the paper path), bound and connected (online), or bound
 * but not connected now (offline: switched off, unplugged, crashed).
 */
export function customerScreen(deps: Pick<CoreDeps, 'db' | 'ports'>, counterId: number) {
  const connected = deps.ports.deviceConnected ?? (() => false);
  const devices = listDevices(deps.db)
    .filter((d) => d.role === 'rate' && d.counterId === counterId && d.revokedAt === null)
    .map((d) => ({ id: d.id, name: d.name, connected: connected(d.id) }));
  const state: CustomerScreenState = devices.length === 0 ? 'unbound' : devices.some((d) => d.connected) ? 'online' : 'offline';
  return { state, devices };
}
