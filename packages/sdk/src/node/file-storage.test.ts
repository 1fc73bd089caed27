import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileStorage } from './file-storage.js';

describe('file storage', () => {
  it('keeps values across instances and leaves no temporary files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bk-storage-'));
    const path = join(dir, 'nested', 'client.json');
    const first = createFileStorage(path);
    expect(await first.get('a')).toBeNull();
    await Promise.all(Array.from({ length: 50 }, (_, i) => first.set(`k${i}`, String(i))));
    await first.remove('k0');

    const second = createFileStorage(path);
    expect(await second.get('k0')).toBeNull();
    expect(await second.get('k49')).toBe('49');
    expect(Object.keys(JSON.parse(await readFile(path, 'utf8')))).toHaveLength(49);
    expect(await readdir(join(dir, 'nested'))).toEqual(['client.json']);
  });

  it('answers a read after a write with the written value', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bk-storage-'));
    const storage = createFileStorage(join(dir, 's.json'));
    void storage.set('x', '1');
    expect(await storage.get('x')).toBe('1');
  });
});
