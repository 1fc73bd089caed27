/** Who and when of an ISAPI alert: the device (MAC, else IP), the channel, the time, the snapshot. */
import { type ConvertContext, type EventPhase, eventTime, type RawMessage } from '@brightkitchen/sdk';
import { field, type JsonRecord, str } from '../../shared/coerce.js';

export interface AlertOrigin {
  readonly time: string;
  readonly deviceId: string;
  readonly channel?: string;
  readonly phase?: EventPhase;
  readonly snapshotRef?: string;
}

export function alertOrigin(alert: JsonRecord, message: RawMessage, context: ConvertContext): AlertOrigin | undefined {
  const deviceId = str(field(alert, 'macAddress'))?.toLowerCase() ?? str(field(alert, 'ipAddress')) ?? context.deviceId;
  if (deviceId === undefined) return undefined;
  const time =
    eventTime(str(field(alert, 'dateTime')), context.timeZone) ??
    eventTime(message.receivedAt, context.timeZone) ??
    message.receivedAt;
  const channel = str(field(alert, 'dynChannelID')) ?? str(field(alert, 'channelID'));
  const state = str(field(alert, 'eventState'))?.toLowerCase();
  const phase: EventPhase | undefined = state === 'active' ? 'start' : state === 'inactive' ? 'end' : undefined;
  const image = message.attachments?.find((a) => /^image\//i.test(a.contentType));
  return {
    time,
    deviceId,
    ...(channel === undefined ? {} : { channel }),
    ...(phase === undefined ? {} : { phase }),
    ...(image ? { snapshotRef: `cid:${image.id}` } : {}),
  };
}
