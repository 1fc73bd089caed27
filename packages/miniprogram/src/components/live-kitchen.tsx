/**
 * The venue page's live kitchen: each public camera streaming now (HLS; in h5 Taro's player loads hls.js only
 * here, in its own chunk; in the weapp WeChat's `<video>` plays it), or, outside the hours, the kitchen's last
 * still and when it is shown. Signed URLs come with the profile and expire in minutes: a player that fails asks
 * the page to reload the profile for fresh ones.
 */
import { CAMERA_AREA_LABELS, type LiveVideo } from '@brightkitchen/sdk';
import { Button, Image, Text, Video, View } from '@tarojs/components';
import { useState } from 'react';
import { absoluteUrl as absolute } from '../lib/absolute-url';

const hoursText = (hours: LiveVideo['hours']) =>
  (hours ?? []).map((h) => `${h.from}–${h.to === '24:00' ? '24:00' : h.to}`).join('、');

export function LiveKitchen({ live, onExpired }: { live: LiveVideo; onExpired: () => void }) {
  const [failed, setFailed] = useState(false);
  // A new attempt mounts fresh players (the same URL may still be good: the source was down a moment).
  const [attempt, setAttempt] = useState(0);
  if (!live.available) {
    if (!live.hours) return null;
    return (
      <View className="card" data-testid="live-kitchen-off">
        <Text className="card-title">后厨实时画面</Text>
        {live.snapshotUrl ? (
          <View className="live-frame">
            <Image className="live-video" mode="aspectFit" src={absolute(live.snapshotUrl)} />
          </View>
        ) : null}
        <Text className="muted">{`现在不在直播时段，每天 ${hoursText(live.hours)} 可看后厨实时画面`}</Text>
      </View>
    );
  }
  return (
    <View className="card" data-testid="live-kitchen">
      <Text className="card-title">后厨实时画面</Text>
      {live.channels.map((channel) => (
        <View key={`${attempt}-${channel.hlsUrl}`} className="live-channel">
          <Text className="muted">{CAMERA_AREA_LABELS[channel.area].zh}</Text>
          <View className="live-frame">
            <Video
              className="live-video"
              src={absolute(channel.hlsUrl)}
              autoplay
              muted
              controls
              objectFit="contain"
              onError={() => setFailed(true)}
              // hls.js reports stalls it recovers from as errors too: a picture that moves is not a failure.
              onTimeUpdate={() => failed && setFailed(false)}
            />
          </View>
        </View>
      ))}
      {failed ? (
        <View className="live-failed">
          <Text className="statement">画面暂时无法播放，可能正在恢复或观看人数已满</Text>
          <Button
            className="btn"
            onClick={() => {
              setFailed(false);
              setAttempt((n) => n + 1);
              onExpired();
            }}
          >
            重新加载
          </Button>
        </View>
      ) : null}
    </View>
  );
}
