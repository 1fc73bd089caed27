/** An alert's evidence: the AI capture's snapshot and the recording of the two minutes around it. */
import { type Alert, recordingWindow } from '@brightkitchen/sdk';
import { useEffect, useState } from 'react';
import { client } from '../api';
import { errorText } from '../format';
import { HlsVideo } from './hls-video';

export function AlertEvidence({ alert }: { alert: Alert }) {
  const [snapshot, setSnapshot] = useState<string | null>(null);
  const [recording, setRecording] = useState<{ url?: string; note?: string }>({});
  useEffect(() => {
    if (!alert.snapshot) return;
    let url = '';
    client.alerts.snapshot(alert.id).then(
      (bytes) => {
        url = URL.createObjectURL(new Blob([bytes], { type: alert.snapshot?.contentType ?? 'image/jpeg' }));
        setSnapshot(url);
      },
      () => setSnapshot(null),
    );
    return () => URL.revokeObjectURL(url);
  }, [alert]);

  async function replay() {
    setRecording({ note: '录像加载中…' });
    try {
      const { items } = await client.cameras.list(alert.venueId);
      const recorded = items.filter((c) => c.record);
      const channel = recorded.find((c) => c.deviceId && c.deviceId === alert.subject) ?? recorded[0];
      if (!channel) return setRecording({ note: '该单位没有录像的摄像头' });
      const playback = await client.cameras.playback(alert.venueId, channel.id, recordingWindow(alert.openedAt));
      setRecording({ url: playback.hlsUrl });
    } catch (error) {
      setRecording({ note: errorText(error) });
    }
  }

  return (
    <div className="evidence">
      {snapshot ? <img className="snapshot" src={snapshot} alt="AI 抓拍图片" /> : null}
      {recording.url ? (
        <HlsVideo src={recording.url} label="告警前后 2 分钟录像" />
      ) : (
        <button type="button" onClick={() => void replay()}>
          查看前后 2 分钟录像
        </button>
      )}
      {recording.note ? <span className="muted">{recording.note}</span> : null}
    </div>
  );
}
