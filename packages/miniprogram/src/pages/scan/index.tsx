import { Text, View } from '@tarojs/components';

export default function Scan() {
  return (
    <View>
      <Text>扫码</Text>
    </View>
  );
}
