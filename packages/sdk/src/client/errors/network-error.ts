import { BrightKitchenError } from './bright-kitchen-error.js';

/** No answer from the server: offline, refused connection, timeout, aborted. Safe to retry a write with its key. */
export class NetworkError extends BrightKitchenError {
  constructor(message: string, cause?: unknown) {
    super('NETWORK_ERROR', message, { cause });
    this.name = 'NetworkError';
  }
}
