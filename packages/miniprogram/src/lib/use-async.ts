import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  | { readonly status: 'loading'; readonly data?: T }
  | { readonly status: 'error'; readonly error: unknown; readonly data?: T }
  | { readonly status: 'ready'; readonly data: T };

/** Loads on mount and whenever `key` changes; `reload` retries (keeping the last data on screen meanwhile). */
export function useAsync<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setState((s) => ({ status: 'loading', ...(s.data === undefined ? {} : { data: s.data }) }));
    try {
      const data = await loadRef.current();
      if (mine === seq.current) setState({ status: 'ready', data });
    } catch (error) {
      if (mine === seq.current)
        setState((s) => ({ status: 'error', error, ...(s.data === undefined ? {} : { data: s.data }) }));
    }
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is what tells the caller's data changed.
  useEffect(() => {
    void reload();
  }, [reload, key]);
  return { state, reload };
}
