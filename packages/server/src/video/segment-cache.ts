/**
 * The newest segments of each channel in memory. Every viewer of a channel asks for the same segment within a
 * second or two of its being written, so one read from disk serves them all. A segment's name carries its final
 * duration, so a named file never changes: entries are never stale, only evicted (oldest first).
 */
import { readFile } from 'node:fs/promises';

export class SegmentCache {
  private readonly entries = new Map<string, Promise<Buffer>>();

  constructor(private readonly capacity = 64) {}

  read(path: string): Promise<Buffer> {
    const hit = this.entries.get(path);
    if (hit) return hit;
    const loading = readFile(path);
    this.entries.set(path, loading);
    // A failed read (no such segment) is not kept.
    loading.catch(() => this.entries.delete(path));
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return loading;
  }
}
