import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  | { readonly status: 'loading'; readonly data?: T }
  | { readonly status: 'error'; readonly error: unknown; readonly data?: T }
  | { readonly status: 'ready'; readonly data: T };

/** Loads on mount and when `deps` change; `reload` retries (keeping the last data on screen meanwhile). */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const seq = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` depends on.
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setState((s) => ({ status: 'loading', ...(s.data === undefined ? {} : { data: s.data }) }));
    try {
      const data = await load();
      if (mine === seq.current) setState({ status: 'ready', data });
    } catch (error) {
      if (mine === seq.current) setState((s) => ({ status: 'error', error, ...(s.data === undefined ? {} : { data: s.data }) }));
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { state, reload };
}
