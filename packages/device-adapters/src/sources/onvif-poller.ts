/**
 * ONVIF PullPoint poller: `CreatePullPointSubscription` on the camera's event service, then
 * `PullMessages` in a loop (a long poll: the camera answers when it has events or after `Timeout`),
 * every request signed with a WS-Security UsernameToken digest. A fault or a lost subscription makes
 * it subscribe again after the SDK outbox's backoff (doubling, jittered).
 */
import { type BackoffPolicy, backoffDelay, type ConvertContext } from '@brightkitchen/sdk';
import { onvif } from '../vendors/onvif/index.js';
import { parseXml } from '../xml/reader.js';
import { descendant } from '../xml/tree.js';
import { createTally, receivedNow, type Source, type SourceHandlers } from './source.js';
import { escapeXml, usernameTokenHeader } from './ws-security.js';

export interface OnvifPollerOptions extends SourceHandlers {
  /** The device's event service, e.g. `http://192.168.1.70/onvif/event_service`. */
  readonly eventServiceUrl: string;
  readonly username: string;
  readonly password: string;
  /** The camera's identity on the platform (ONVIF messages carry none). */
  readonly deviceId: string;
  /** `PullMessages` long-poll timeout, seconds; default 5. */
  readonly pullTimeoutS?: number;
  /** Default 32. */
  readonly messageLimit?: number;
  /** Subscription lifetime asked for, seconds; default 600 (renewed by subscribing again). */
  readonly terminationS?: number;
  /** First delay before subscribing again, before jitter (doubling up to 60 s); default 2000 ms. */
  readonly retryMs?: number;
  readonly context?: ConvertContext<unknown>;
  readonly onStatus?: (status: { state: 'subscribed'; address: string } | { state: 'error'; reason: string }) => void;
}

const EVENTS_NS = 'http://www.onvif.org/ver10/events/wsdl';
const ACTIONS = {
  create: `${EVENTS_NS}/EventPortType/CreatePullPointSubscriptionRequest`,
  pull: `${EVENTS_NS}/PullPointSubscription/PullMessagesRequest`,
  unsubscribe: 'http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/UnsubscribeRequest',
};

/** A SOAP 1.2 envelope with WS-Addressing `Action`/`To` and the UsernameToken. */
export function soapEnvelope(
  action: string,
  to: string,
  body: string,
  credentials: { username: string; password: string },
) {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing"' +
    ` xmlns:tev="${EVENTS_NS}" xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2">` +
    `<s:Header><a:Action s:mustUnderstand="1">${action}</a:Action><a:To s:mustUnderstand="1">${escapeXml(to)}</a:To>` +
    `${usernameTokenHeader(credentials)}</s:Header><s:Body>${body}</s:Body></s:Envelope>`
  );
}

export function createOnvifPoller(options: OnvifPollerOptions): Source {
  const tally = createTally('onvif', options);
  const credentials = { username: options.username, password: options.password };
  const backoff: BackoffPolicy = { baseMs: options.retryMs ?? 2000, maxMs: 60_000 };
  let running = false;
  let loop: Promise<void> | undefined;
  let abort: AbortController | undefined;
  let address: string | undefined;
  let wake: (() => void) | undefined;

  async function post(url: string, action: string, body: string): Promise<string> {
    abort = new AbortController();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': `application/soap+xml; charset=utf-8; action="${action}"` },
      body: soapEnvelope(action, url, body, credentials),
      signal: abort.signal,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}${/Fault/.test(text) ? ' SOAP fault' : ''}`);
    return text;
  }

  async function subscribe(): Promise<string> {
    const text = await post(
      options.eventServiceUrl,
      ACTIONS.create,
      `<tev:CreatePullPointSubscription><tev:InitialTerminationTime>PT${options.terminationS ?? 600}S</tev:InitialTerminationTime></tev:CreatePullPointSubscription>`,
    );
    const xml = parseXml(text);
    const found = xml.ok
      ? descendant(descendant(xml.root, 'SubscriptionReference'), 'Address')?.text?.trim()
      : undefined;
    if (!found) throw new Error('no SubscriptionReference/Address in the answer');
    return found;
  }

  async function pull(at: string): Promise<void> {
    const text = await post(
      at,
      ACTIONS.pull,
      `<tev:PullMessages><tev:Timeout>PT${options.pullTimeoutS ?? 5}S</tev:Timeout><tev:MessageLimit>${options.messageLimit ?? 32}</tev:MessageLimit></tev:PullMessages>`,
    );
    tally.convert(
      onvif,
      { payload: text, contentType: 'application/soap+xml', receivedAt: receivedNow(), topic: at },
      {
        ...options.context,
        deviceId: options.deviceId,
      },
    );
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (running) {
      try {
        address ??= await subscribe();
        options.onStatus?.({ state: 'subscribed', address });
        for (;;) {
          if (!running) return;
          await pull(address);
          failures = 0;
        }
      } catch (error) {
        if (!running) return;
        address = undefined;
        options.onStatus?.({ state: 'error', reason: error instanceof Error ? error.message : String(error) });
        failures++;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoffDelay(failures, backoff, Math.random));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  return {
    kind: 'onvif',
    async start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      abort?.abort();
      wake?.();
      await loop;
      const at = address;
      address = undefined;
      if (at) await post(at, ACTIONS.unsubscribe, '<wsnt:Unsubscribe/>').catch(() => undefined);
    },
    stats: () => tally.stats(),
  };
}
