/**
 * The ingest writer thread: its own connection to the server's SQLite file (WAL), writing the batches
 * the main thread posts, each in one transaction, so the event loop that runs the broker, the
 * pipeline and the API never waits on SQLite for readings. Started by ingest-writer.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../db/sqlite-connection.js';
import type { WriterReply, WriterRequest } from './ingest-writer.js';
import { sqliteWriter } from './sqlite-batch.js';

const port = parentPort;
if (!port) throw new Error('writer-thread.ts runs as a worker thread');
const sqlite = openSqlite((workerData as { file: string }).file);
const write = sqliteWriter(sqlite);

port.on('message', (request: WriterRequest) => {
  if (request.type === 'close') {
    sqlite.close();
    port.close();
    return;
  }
  let reply: WriterReply;
  try {
    write(request.batch);
    reply = { id: request.id };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
