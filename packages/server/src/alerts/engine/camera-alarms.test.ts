import { describe, expect, it } from 'vitest';
import { cameraAlarmKind } from './camera-alarms.js';

describe('camera alarm kinds', () => {
  it('maps every vendor’s tamper, video loss, fault and motion codes to one alert type and severity', () => {
    const cases: [string, string | undefined, string | undefined][] = [
      ['hikvision.shelteralarm', 'CAMERA_TAMPER', 'critical'],
      ['hikvision.tamperdetection', 'CAMERA_TAMPER', 'critical'],
      ['gb28181.device.tamper', 'CAMERA_TAMPER', 'critical'],
      ['onvif.videosource/globalscenechange/imagingservice', 'CAMERA_TAMPER', 'critical'],
      ['hikvision.videoloss', 'CAMERA_VIDEO_LOSS', 'warning'],
      ['gb28181.device.video_loss', 'CAMERA_VIDEO_LOSS', 'warning'],
      ['onvif.videosource/signalloss', 'CAMERA_VIDEO_LOSS', 'warning'],
      ['hikvision.diskfull', 'DEVICE_FAULT', 'warning'],
      ['gb28181.fault.fan', 'DEVICE_FAULT', 'warning'],
      ['gb28181.keepalive.status', 'DEVICE_FAULT', 'warning'],
      ['hikvision.vmd', 'CAMERA_MOTION', 'info'],
      ['gb28181.video.motion', 'CAMERA_MOTION', 'info'],
      ['onvif.videosource/motionalarm', 'CAMERA_MOTION', 'info'],
      ['hikvision.linedetection', undefined, undefined],
      ['gb28181.video.intrusion', undefined, undefined],
    ];
    for (const [code, type, severity] of cases) {
      const kind = cameraAlarmKind({ code });
      expect([code, kind?.type, kind?.severity]).toEqual([code, type, severity]);
    }
  });
});
