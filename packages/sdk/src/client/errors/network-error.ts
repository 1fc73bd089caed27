import type { LocalizedText } from '../../domain/text.js';
import { BrightKitchenError } from './bright-kitchen-error.js';

/** No answer from the server: offline, refused connection, timeout, aborted. Safe to retry a write with its key. */
export class NetworkError extends BrightKitchenError {
  declare readonly code: 'NETWORK_ERROR';

  /** `text` is what a person reads; a plain string (a technical reason) is used for both languages. */
  constructor(text: LocalizedText | string, cause?: unknown) {
    super('NETWORK_ERROR', typeof text === 'string' ? { zh: text, en: text } : text, { cause });
    this.name = 'NetworkError';
  }
}
