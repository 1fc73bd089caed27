import type * as v from 'valibot';
import * as training from '../../training/index.js';
import * as domain from '../index.js';

/** Every schema the domain and the training entry export, by export name. */
export const exportedSchemas = Object.entries({ ...domain, ...training } as Record<string, unknown>).filter(
  (entry): entry is [string, v.GenericSchema] =>
    entry[0].endsWith('Schema') && typeof entry[1] === 'object' && entry[1] !== null && 'kind' in entry[1],
);
