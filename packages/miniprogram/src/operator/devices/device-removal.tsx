/**
 * Removing a device (the manager, when a sensor is sold, broken or replaced): asked once more with what it means,
 * then sent. Its credentials stop working at once; its readings and alerts stay on record.
 */
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { errorText } from '../../lib/error-text';

interface Props {
  readonly deviceName: string;
  readonly remove: () => Promise<unknown>;
}

export function DeviceRemoval({ deviceName, remove }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (!asking) {
    return (
      <Button className="btn device-remove" aria-label={`移除${deviceName}`} onClick={() => setAsking(true)}>
        移除设备
      </Button>
    );
  }
  return (
    <View className="device-removal" data-testid="device-removal">
      <Text className="field-message">
        {`移除后“${deviceName}”的接入账号立即失效，平台不再接收它的数据；历史读数和告警保留。`}
      </Text>
      {failure ? <Text className="field-message">{failure}</Text> : null}
      <View className="row-between">
        <Button className="btn" disabled={busy} onClick={() => setAsking(false)}>
          取消
        </Button>
        <Button
          className="btn btn-warn"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setFailure(null);
            try {
              await remove();
            } catch (error) {
              setFailure(errorText(error).title);
              setBusy(false);
            }
          }}
        >
          确认移除
        </Button>
      </View>
    </View>
  );
}
