/** Loads what a page shows, again whenever `key` changes; `state.error` is a sentence, and `reload` asks again. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../format';

export type Load<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: string };

export function useLoad<T>(load: () => Promise<T>, key = ''): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const latest = useRef(load);
  latest.current = load;
  const run = useCallback(() => {
    setState({ status: 'loading' });
    latest.current().then(
      (data) => setState({ status: 'ok', data }),
      (error: unknown) => setState({ status: 'error', error: errorText(error) }),
    );
  }, []);
  useEffect(() => {
    if (key !== undefined) run();
  }, [run, key]);
  return [state, run];
}
