/**
 * Devices of the venue: online or offline and when last heard, the last readings with units, and for UV lamps and
 * disinfection cabinets the preset runs (view and change: sent to the device through the server). The manager can
 * remove a device.
 */
import { LOCATION_KIND_LABELS } from '@brightkitchen/sdk';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/states';
import { currentVenue } from '../../lib/operator-venue';
import { useAsync } from '../../lib/use-async';
import { operatorClient } from '../client';
import { isVenueManager } from '../venue-manager';
import { type DeviceDetail, loadVenueDevices, saveSchedule } from './device-api';
import { DeviceRemoval } from './device-removal';
import { hasSchedule, lastSeenText, presence, readingRows } from './device-view';
import { ScheduleEditor } from './schedule-editor';
import './devices.css';

export default function DevicesPage() {
  const venue = currentVenue();
  const venueId = venue?.id ?? '';
  const { state, reload } = useAsync(() => loadVenueDevices(operatorClient().devices, venueId), venueId);
  const [manager, setManager] = useState(false);
  useEffect(() => {
    void isVenueManager().then(setManager);
  }, []);
  if (state.status === 'error' && !state.data) return <ErrorState error={state.error} onRetry={reload} />;
  if (!state.data) return <Loading />;
  const devices = state.data;
  const now = Date.now();
  return (
    <View className="page">
      {devices.length === 0 ? (
        <Empty text="本单位尚未接入设备。冷藏柜温度计、紫外线灯、消毒柜和摄像头接入后会显示在这里。" />
      ) : (
        <Text className="muted devices-summary">
          {`共 ${devices.length} 台设备，${devices.filter((d) => d.status.online === true).length} 台在线`}
        </Text>
      )}
      {devices.map((d) => (
        <DeviceCard
          key={d.device.id}
          detail={d}
          now={now}
          {...(venue?.timeZone ? { timeZone: venue.timeZone } : {})}
          onSaved={reload}
          manager={manager}
        />
      ))}
      {state.status === 'loading' ? <Text className="muted center">正在刷新…</Text> : null}
    </View>
  );
}

function DeviceCard({
  detail,
  now,
  timeZone,
  onSaved,
  manager,
}: {
  detail: DeviceDetail;
  now: number;
  timeZone?: string;
  onSaved: () => Promise<void>;
  manager: boolean;
}) {
  const { device, status, schedule } = detail;
  const p = presence(status);
  const rows = readingRows(status.readings);
  return (
    <View className="card device" data-device-id={device.id}>
      <View className="row-between">
        <Text className="card-title device-name">{device.name}</Text>
        <Text className={`presence presence-${p.tone}`}>{p.text}</Text>
      </View>
      <Text className="muted">
        {`${LOCATION_KIND_LABELS[device.locationKind]?.zh ?? device.locationKind} · ${lastSeenText(status.lastSeenAt, now, timeZone)}`}
      </Text>
      {rows.length > 0 ? (
        <View className="readings">
          {rows.map((r) => (
            <View key={r.key} className="reading">
              <Text className="reading-label">{r.label}</Text>
              <Text className="reading-value">{r.value}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className="muted">暂无读数</Text>
      )}
      {hasSchedule(device.locationKind) ? (
        <ScheduleEditor
          deviceName={device.name}
          runs={schedule?.runs ?? []}
          save={async (runs) => {
            await saveSchedule(operatorClient().devices, device.id, runs);
            await onSaved();
          }}
        />
      ) : null}
      {manager ? (
        <DeviceRemoval
          deviceName={device.name}
          remove={async () => {
            await operatorClient().devices.remove(device.id);
            await onSaved();
          }}
        />
      ) : null}
    </View>
  );
}
