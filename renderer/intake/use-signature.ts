import { useCallback, useEffect, useState } from 'react';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import type { HallEvent } from '../../main/core/events.ts';
import { send } from '../api/client.ts';
import { useInterval } from '../queue/use-interval.ts';
import { usePush } from '../shared/PushProvider.tsx';

export type SignatureRequestView = OutputOf<Contract['intake/signatureStatus']>;

const isSigned = (event: HallEvent): event is HallEvent<'intake/signed'> => event.type === 'intake/signed';

/** A fallback for a push lost on the way: the clerk should not wait long for a signature already given. */
const POLL_MS = 3000;

/**
 * The live state of the form's signature request: pushed (intake/signed) when the customer
 * signs, and asked for every few seconds while pending in case a push went missing.
 */
export function useSignatureStatus(requestId: number | null) {
  const [status, setStatus] = useState<SignatureRequestView>();
  const reload = useCallback(() => {
    if (requestId === null) return;
    void send('intake/signatureStatus', { requestId }).then((result) => {
      if (result.ok) setStatus(result.value);
      // A request that no longer exists (another hall's data, a restored backup) is forgotten.
      else if (result.error.code === 'not_found') setStatus(undefined);
    });
  }, [requestId]);

  useEffect(() => {
    setStatus(undefined);
    reload();
  }, [reload]);

  const push = usePush();
  useEffect(() => {
    if (!push || requestId === null) return;
    const off = push.onEvent((event) => {
      if (isSigned(event) && event.payload.requestId === requestId) reload();
    });
    const offResync = push.onResync(reload);
    return () => {
      off();
      offResync();
    };
  }, [push, requestId, reload]);

  useInterval(() => {
    if (status?.status === 'pending') reload();
  }, POLL_MS);

  return { status: requestId === null ? undefined : status, reload };
}
