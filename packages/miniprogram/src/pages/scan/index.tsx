/** Home: scan a venue's QR code (or type its code) to open the venue page; a QR launch goes straight there. */
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { named, PRESSABLE } from '../../components/a11y';
import { Notice } from '../../components/states';
import { publicCodeFrom, publicCodeFromQuery } from '../../lib/public-code';
import { canScan, scanCode } from '../../lib/scan-code';

const SCAN_TEXT = {
  nothing: '照片里没有找到二维码，请对准餐厅门口或餐桌上的二维码重拍',
  failed: '未能读取二维码，请重试，或在下方输入二维码下方的门店码',
  notOurs: '这不是明厨亮灶的二维码，请扫描餐厅门口或餐桌上的二维码',
} as const;

export function openVenue(code: string) {
  return Taro.navigateTo({ url: `/pages/venue/index?code=${encodeURIComponent(code)}` });
}

export default function ScanPage() {
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState('');

  useLoad((query: Record<string, string | undefined>) => {
    const code = publicCodeFromQuery(query);
    if (code) void Taro.redirectTo({ url: `/pages/venue/index?code=${encodeURIComponent(code)}` });
    else if (query.notFound) setMessage('没有找到您要打开的页面，已为您回到首页');
  });

  async function scan() {
    setMessage('');
    const result = await scanCode();
    // Cancelled by the person: nothing to say.
    if (result.kind === 'cancelled') return;
    if (result.kind !== 'text') return setMessage(SCAN_TEXT[result.kind]);
    const code = publicCodeFrom(result.text);
    if (code) await openVenue(code);
    else setMessage(SCAN_TEXT.notOurs);
  }

  function submit() {
    const code = publicCodeFrom(typed);
    if (code) void openVenue(code);
    else setMessage('门店码为 8–12 位字母或数字，请核对');
  }

  return (
    <View className="page">
      <View className="hero">
        <Text className="hero-title">明厨亮灶</Text>
        <Text className="hero-sub">扫一扫，看后厨：许可证、等级、今日台账、实时画面</Text>
      </View>
      {canScan() ? (
        <Button className="btn btn-primary btn-large" onClick={scan}>
          扫一扫
        </Button>
      ) : (
        <View className="card">
          <Text className="card-title">扫码查看</Text>
          <Text>用手机相机或微信扫描餐厅门口、餐桌上的二维码，会直接打开这家单位的页面；也可以在下方输入门店码。</Text>
        </View>
      )}
      <View className="card">
        <Text className="card-title">输入门店码</Text>
        <Input
          className="input"
          {...named('门店码')}
          value={typed}
          placeholder="二维码下方的 8–12 位门店码"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={submit}
        />
        <Button className="btn" onClick={submit}>
          查看
        </Button>
      </View>
      <Notice text={message} />
      <View className="link-row" {...PRESSABLE} onClick={() => Taro.navigateTo({ url: '/consumer/lists/index' })}>
        <Text className="link">红黑榜：市场监管部门公布的放心餐厅与问题餐厅</Text>
      </View>
      <View className="link-row" {...PRESSABLE} onClick={() => Taro.navigateTo({ url: '/operator/login/index' })}>
        <Text className="link">商户入口（食品安全员、从业人员）</Text>
      </View>
    </View>
  );
}
