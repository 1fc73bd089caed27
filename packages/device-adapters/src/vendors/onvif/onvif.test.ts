import { describe, expect, it } from 'vitest';
import { RECEIVED_AT } from '../../test-fixtures.js';
import { onvif } from './definition.js';

type Context = Parameters<typeof onvif.convert>[1];
const convert = (payload: string, context: Context = {}) =>
  onvif.convert({ payload, receivedAt: RECEIVED_AT }, context);

const notification = (topic: string, operation: string, source: string, data: string) => `
<wsnt:NotificationMessage>
  <wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">${topic}</wsnt:Topic>
  <wsnt:Message>
    <tt:Message UtcTime="2024-05-01T04:34:56Z" PropertyOperation="${operation}">
      <tt:Source>${source}</tt:Source>
      <tt:Data>${data}</tt:Data>
    </tt:Message>
  </wsnt:Message>
</wsnt:NotificationMessage>`;

const envelope = (...messages: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:tev="http://www.onvif.org/ver10/events/wsdl"
  xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:tns1="http://www.onvif.org/ver10/topics">
<env:Body><tev:PullMessagesResponse>
<tev:CurrentTime>2024-05-01T04:35:00Z</tev:CurrentTime><tev:TerminationTime>2024-05-01T04:45:00Z</tev:TerminationTime>
${messages.join('\n')}
</tev:PullMessagesResponse></env:Body></env:Envelope>`;

const motion = (operation: string, value: string) =>
  notification(
    'tns1:RuleEngine/CellMotionDetector/Motion',
    operation,
    '<tt:SimpleItem Name="VideoSourceConfigurationToken" Value="VideoSource_1"/><tt:SimpleItem Name="VideoAnalyticsConfigurationToken" Value="Analytics_1"/><tt:SimpleItem Name="Rule" Value="MyMotionDetectorRule"/>',
    `<tt:SimpleItem Name="IsMotion" Value="${value}"/>`,
  );

describe('onvif', () => {
  it('reads PullMessages notifications: motion starts ("true") and ends ("0")', () => {
    const result = convert(envelope(motion('Changed', 'true'), motion('Changed', '0')), { deviceId: 'cam-prep' });
    const base = {
      type: 'alarm',
      time: '2024-05-01T12:34:56+08:00',
      deviceId: 'cam-prep',
      channel: 'VideoSource_1',
      code: 'onvif.ruleengine/cellmotiondetector/motion',
    };
    expect(result).toEqual({
      ok: true,
      events: [
        {
          ...base,
          phase: 'start',
          details: { rule: 'MyMotionDetectorRule', IsMotion: 'true', operation: 'Changed' },
          description: 'RuleEngine/CellMotionDetector/Motion IsMotion=true',
        },
        {
          ...base,
          phase: 'end',
          details: { rule: 'MyMotionDetectorRule', IsMotion: '0', operation: 'Changed' },
          description: 'RuleEngine/CellMotionDetector/Motion IsMotion=0',
        },
      ],
    });
  });

  it('maps an analytics rule configured as a violation, and ends an event on Deleted', () => {
    const rule = notification(
      'tns1:RuleEngine/FieldDetector/ObjectsInside',
      'Initialized',
      '<tt:SimpleItem Name="VideoSourceConfigurationToken" Value="VS1"/><tt:SimpleItem Name="Rule" Value="ColdRoomAfterHours"/>',
      '<tt:SimpleItem Name="IsInside" Value="true"/>',
    );
    const result = convert(envelope(rule), { deviceId: 'cam-cold', violationMap: { ColdRoomAfterHours: 'stranger' } });
    expect(result.ok && result.events[0]).toMatchObject({
      type: 'violation',
      violation: 'stranger',
      vendorCode: 'RuleEngine/FieldDetector/ObjectsInside',
      cameraId: 'cam-cold',
      phase: 'start',
    });
    const deleted = convert(envelope(motion('Deleted', 'true')));
    expect(deleted.ok && deleted.events[0]).toMatchObject({ phase: 'end', deviceId: 'onvif' });
  });

  it('answers an empty pull with no events, a fault and broken XML with typed rejections', () => {
    expect(convert(envelope())).toEqual({ ok: true, events: [] });
    expect(convert('<env:Envelope xmlns:env="x"><env:Body><env:Fault/></env:Body></env:Envelope>')).toMatchObject({
      rejection: { code: 'ADAPTER_UNSUPPORTED_EVENT' },
    });
    expect(convert(envelope(motion('Changed', 'true')).slice(0, 400))).toMatchObject({
      rejection: { code: 'ADAPTER_MALFORMED_XML' },
    });
  });
});
