import type {
  SamplingInspector,
  SamplingResultInput,
  SamplingTask,
  SamplingTaskInput,
  SamplingTaskState,
} from '../../domain/sampling.js';
import { seg } from '../query.js';
import type { Page, PageQuery } from '../wire-types.js';
import type { ResourceContext } from './context.js';

export interface SamplingTaskListQuery extends PageQuery {
  readonly venueId?: string;
  readonly state?: SamplingTaskState;
  /** `true`: only the tasks assigned to the caller. */
  readonly mine?: boolean;
}

/** Sampling tasks (抽检): assigned by a regulator to an inspector of the region; the result recorded once. */
export interface SamplingClient {
  create(venueId: string, input: SamplingTaskInput, idempotencyKey?: string): Promise<SamplingTask>;
  /** Regulators: their regions' tasks; operators: their venue's tasks once a result is recorded. */
  list(query?: SamplingTaskListQuery): Promise<Page<SamplingTask>>;
  /** The regulators of the venue's region, who may be assigned its tasks. */
  inspectors(venueId: string): Promise<readonly SamplingInspector[]>;
  /** A failure opens an incident and a rectification notice (`result.rectificationId`). */
  recordResult(taskId: string, input: SamplingResultInput): Promise<SamplingTask>;
}

export function createSamplingClient({ http }: ResourceContext): SamplingClient {
  return {
    create: (venueId, input, idempotencyKey) =>
      http.call({
        method: 'POST',
        path: `/v1/venues/${seg(venueId)}/sampling-tasks`,
        body: input,
        ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
      }),
    list: (query) =>
      http.call({
        method: 'GET',
        path: '/v1/sampling-tasks',
        ...(query ? { query: { ...query, ...(query.mine === undefined ? {} : { mine: String(query.mine) }) } } : {}),
      }),
    inspectors: async (venueId) =>
      (
        await http.call<{ items: SamplingInspector[] }>({
          method: 'GET',
          path: `/v1/venues/${seg(venueId)}/sampling-inspectors`,
        })
      ).items,
    recordResult: (taskId, input) =>
      http.call({ method: 'POST', path: `/v1/sampling-tasks/${seg(taskId)}/result`, body: input }),
  };
}
