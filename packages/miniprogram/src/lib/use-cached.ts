/**
 * A value kept on the phone and refreshed from the server when the page opens: the stored one serves at
 * once and while offline (a failed refresh keeps it). `load` undefined: not wanted, `fallback` is answered.
 */
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

export function useCached<T>(key: string, fallback: T, load: (() => Promise<T>) | undefined): T {
  const enabled = load !== undefined;
  const [value, setValue] = useState<T>(() => {
    if (!enabled) return fallback;
    try {
      const raw = Taro.getStorageSync(key) as string;
      return raw ? (JSON.parse(raw) as T) : fallback;
    } catch {
      return fallback;
    }
  });
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const run = loadRef.current;
    if (!enabled || !run) return;
    let live = true;
    run()
      .then((fresh) => {
        if (!live) return;
        setValue(fresh);
        Taro.setStorageSync(key, JSON.stringify(fresh));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [key, enabled]);
  return value;
}
