import { useEffect, useRef } from 'react';

/** Calls `run` every `ms` milliseconds while the component lives. */
export function useInterval(run: () => void, ms: number) {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const timer = setInterval(() => latest.current(), ms);
    return () => clearInterval(timer);
  }, [ms]);
}
