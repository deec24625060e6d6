import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import type { updatesContract } from './contract.ts';

export function updatesHandlers(deps: CoreDeps): HandlersFor<typeof updatesContract> {
  const { ports } = deps;
  return {
    'updates/releases': () => (ports.updates ? { available: true, ...ports.updates.releases() } : { available: false }),
  };
}
