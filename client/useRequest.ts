/** Loading data for a page: a small state machine around one abortable request. */
import { useCallback, useEffect, useRef, useState } from 'react';

/** Where a request stands. */
export type RequestState<T> =
  | { status: 'loading' }
  | { status: 'done'; value: T }
  | { status: 'failed'; error: unknown };

/** What `useRequest` returns: the state, `retry` (shows loading again) and `reload` (keeps the value shown). */
export type RequestControls<T> = [state: RequestState<T>, retry: () => void, reload: () => void];

/**
 * Runs `load` when the component mounts and whenever `key` changes, aborting the previous run.
 * `retry` runs it again from a loading state; `reload` runs it again while the current value
 * stays on screen (after an action changed the data), so that lists do not flicker.
 */
export function useRequest<T>(load: (signal: AbortSignal) => Promise<T>, key: string): RequestControls<T> {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Only a new key or a retry shows the loading state again; reloads, however many and however
  // close together, keep the value on screen (a flag cleared by the first of two reloads' runs
  // would let the second blank the page).
  const loud = useRef(false);
  const shownKey = useRef(key);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is re-created on every render; `key` says when it changes meaning.
  useEffect(() => {
    const controller = new AbortController();
    if (loud.current || shownKey.current !== key) setState({ status: 'loading' });
    loud.current = false;
    shownKey.current = key;
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
  const retry = useCallback(() => {
    loud.current = true;
    setAttempt((n) => n + 1);
  }, []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry, reload];
}
