import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KeyValueStorage } from '../client/storage.js';

/**
 * A key-value storage in one JSON file. Every change rewrites the file atomically (write a temporary
 * file, then rename over the old one), so a crash leaves the old or the new content, never half.
 * Writes are serialized; one process per file.
 */
export function createFileStorage(path: string): KeyValueStorage {
  let data: Record<string, string> | null = null;
  let chain: Promise<void> = Promise.resolve();
  let counter = 0;

  async function load(): Promise<Record<string, string>> {
    if (data) return data;
    try {
      data = JSON.parse(await readFile(path, 'utf8')) as Record<string, string>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      data = {};
    }
    return data;
  }

  function mutate(change: (d: Record<string, string>) => void): Promise<void> {
    const next = chain.then(async () => {
      const d = await load();
      change(d);
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.${counter++}.tmp`;
      await writeFile(temp, JSON.stringify(d));
      await rename(temp, path);
    });
    chain = next.catch(() => undefined);
    return next;
  }

  return {
    async get(key) {
      await chain;
      return (await load())[key] ?? null;
    },
    set: (key, value) =>
      mutate((d) => {
        d[key] = value;
      }),
    remove: (key) =>
      mutate((d) => {
        delete d[key];
      }),
  };
}
