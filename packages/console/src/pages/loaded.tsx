/** What a page shows while its data loads or when it failed (with a retry). */
import type { ReactNode } from 'react';
import type { Load } from '../components/use-load';

export function Loaded<T>({
  state,
  children,
  retry,
}: {
  state: Load<T>;
  children: (data: T) => ReactNode;
  retry?: () => void;
}) {
  if (state.status === 'loading') return <p className="muted">正在加载…</p>;
  if (state.status === 'error')
    return (
      <div className="error" role="alert">
        <p>{`加载失败：${state.error}`}</p>
        {retry ? (
          <button type="button" onClick={retry}>
            重试
          </button>
        ) : null}
      </div>
    );
  return <>{children(state.data)}</>;
}
