/**
 * Devices: status, last readings and the UV lamp / cabinet schedule. The API has no devices routes yet
 * (docs/api.md), so this page says so instead of showing made-up data.
 */
import { Text, View } from '@tarojs/components';

export default function DevicesPage() {
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">设备状态</Text>
        <Text className="muted">
          设备接口尚未开放：接入后将在此显示冷藏柜、留样柜温度，紫外线灯与消毒柜的运行状态和定时计划。
        </Text>
        <Text className="muted">温度超限、消毒未执行等设备告警已在「告警」中实时提醒。</Text>
      </View>
    </View>
  );
}
