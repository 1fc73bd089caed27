/** Reads a whole HTTP request body, refusing more than `limit` bytes. */
import type { IncomingMessage } from 'node:http';

export function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    request.on('end', () => resolve(over ? 'too-large' : new Uint8Array(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}
