import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { CitizenApiError } from '../api/citizen-api';

export type LoadState<T> = { status: 'loading' } | { status: 'done'; data: T } | { status: 'failed'; error: CitizenApiError };

export const asCitizenApiError = (error: unknown): CitizenApiError =>
  error instanceof CitizenApiError ? error : new CitizenApiError(0, 'UNEXPECTED', '页面出错了，请刷新后重试');

/** Loads once per change of `deps`, aborting the previous request; `reload` asks again. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): [LoadState<T>, () => void] {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'done', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error: asCitizenApiError(error) });
      },
    );
    return () => controller.abort();
    // `load` is a new closure each render; `deps` say when it means something else.
  }, [...deps, attempt]);

  return [state, reload];
}
