/**
 * "What happened?" on an alert: the recording of the two minutes around it, from the camera that raised it (an AI
 * capture's camera channel) or the venue's first recorded channel. Opened on request: a playback is a signed URL
 * that expires, and most alerts are read without one.
 */
import { type Alert, type Playback, recordingWindow } from '@brightkitchen/sdk';
import { Button, Text, Video, View } from '@tarojs/components';
import { useState } from 'react';
import { absoluteUrl } from '../../lib/absolute-url';
import { errorText } from '../../lib/error-text';
import { operatorClient } from '../client';

type State = { s: 'idle' } | { s: 'loading' } | { s: 'shown'; playback: Playback } | { s: 'failed'; text: string };

export function AlertRecording({ alert }: { alert: Alert }) {
  const [state, setState] = useState<State>({ s: 'idle' });

  async function open() {
    setState({ s: 'loading' });
    try {
      const client = operatorClient();
      const { items } = await client.cameras.list(alert.venueId);
      const recorded = items.filter((c) => c.record);
      const channel = recorded.find((c) => c.deviceId && c.deviceId === alert.subject) ?? recorded[0];
      if (!channel) {
        setState({ s: 'failed', text: '本单位没有录像的摄像头' });
        return;
      }
      const playback = await client.cameras.playback(alert.venueId, channel.id, recordingWindow(alert.openedAt));
      setState({ s: 'shown', playback });
    } catch (error) {
      setState({ s: 'failed', text: errorText(error).title });
    }
  }

  if (state.s === 'shown') {
    return (
      <View className="live-frame" data-testid="alert-recording">
        <Video
          className="live-video"
          src={absoluteUrl(state.playback.hlsUrl)}
          autoplay
          muted
          controls
          objectFit="contain"
        />
      </View>
    );
  }
  return (
    <View>
      <Button className="btn" disabled={state.s === 'loading'} onClick={() => void open()}>
        {state.s === 'loading' ? '录像加载中…' : '查看前后 2 分钟录像'}
      </Button>
      {state.s === 'failed' ? <Text className="muted">{state.text}</Text> : null}
    </View>
  );
}
