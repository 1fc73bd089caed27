/**
 * The platform's key-value storage seam (a JSON file in Node, `Taro.setStorage` in the mini-program).
 * Values are strings; the client stores JSON. Keys are prefixed with the client's namespace.
 */
export interface KeyValueStorage {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/**
 * A storage that lives as long as the object: the default when none is injected, and handy in tests
 * (pass the same one to a second client to simulate a restart).
 */
export function createMemoryStorage(initial: Readonly<Record<string, string>> = {}): KeyValueStorage {
  const map = new Map<string, string>(Object.entries(initial));
  return {
    async get(key) {
      return map.get(key) ?? null;
    },
    async set(key, value) {
      map.set(key, value);
    },
    async remove(key) {
      map.delete(key);
    },
  };
}
