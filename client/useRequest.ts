/** Loading data for a page: a small state machine around one abortable request. */
import { useCallback, useEffect, useState } from 'react';

/** Where a request stands. */
export type RequestState<T> =
  | { status: 'loading' }
  | { status: 'done'; value: T }
  | { status: 'failed'; error: unknown };

/**
 * Runs `load` when the component mounts and whenever `key` changes, aborting the previous run.
 * Returns the state and a `retry` function.
 */
export function useRequest<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
): [RequestState<T>, () => void] {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is re-created on every render; `key` says when it changes meaning.
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setState({ status: 'done', value });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}
