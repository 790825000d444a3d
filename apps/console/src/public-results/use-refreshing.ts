import { useEffect, useState, type DependencyList } from 'react';
import type { CitizenApiError } from '../citizen/api/citizen-api';
import { asCitizenApiError } from '../citizen/shared/use-load';

export interface Refreshing<T> {
  /** The last answer that came; kept while a later refresh fails, so a screen never goes blank. */
  data?: T;
  /** When `data` came. */
  updatedAt?: Date;
  /** The last refresh's failure, cleared by the next success. */
  error?: CitizenApiError;
}

/** Loads at once and again every `intervalMs` (a hall's screen), for as long as `deps` stay the same. */
export function useRefreshing<T>(load: (signal: AbortSignal) => Promise<T>, intervalMs: number, deps: DependencyList): Refreshing<T> {
  const [state, setState] = useState<Refreshing<T>>({});
  useEffect(() => {
    let controller: AbortController | undefined;
    const run = () => {
      controller?.abort();
      const current = (controller = new AbortController());
      load(current.signal).then(
        (data) => {
          if (!current.signal.aborted) setState({ data, updatedAt: new Date() });
        },
        (error: unknown) => {
          if (!current.signal.aborted) setState((previous) => ({ ...previous, error: asCitizenApiError(error) }));
        },
      );
    };
    setState({});
    run();
    const timer = setInterval(run, intervalMs);
    return () => {
      clearInterval(timer);
      controller?.abort();
    };
    // `load` is a new closure each render; `deps` say when it means something else.
  }, [...deps, intervalMs]);
  return state;
}

const CLOCK = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
/** A moment as HH:mm, Beijing time (the screen's 更新于). */
export const formatClock = (date: Date) => CLOCK.format(date);
