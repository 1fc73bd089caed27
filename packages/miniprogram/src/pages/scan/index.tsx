/** Home: scan a venue's QR code (or type its code) to open the venue page; a QR launch goes straight there. */
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { publicCodeFrom, publicCodeFromQuery } from '../../lib/public-code';

export function openVenue(code: string) {
  return Taro.navigateTo({ url: `/pages/venue/index?code=${encodeURIComponent(code)}` });
}

export default function ScanPage() {
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState('');

  useLoad((query: Record<string, string | undefined>) => {
    const code = publicCodeFromQuery(query);
    if (code) void Taro.redirectTo({ url: `/pages/venue/index?code=${encodeURIComponent(code)}` });
  });

  async function scan() {
    setMessage('');
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      const code = publicCodeFrom(res.path || res.result);
      if (code) await openVenue(code);
      else setMessage('这不是明厨亮灶的二维码，请扫描餐厅门口或餐桌上的二维码');
    } catch {
      setMessage('未能扫码，也可以输入二维码下方的门店码');
    }
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
      <Button className="btn btn-primary btn-large" onClick={scan}>
        扫一扫
      </Button>
      <View className="card">
        <Text className="card-title">输入门店码</Text>
        <Input
          className="input"
          aria-label="门店码"
          value={typed}
          placeholder="二维码下方的 8–12 位门店码"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={submit}
        />
        <Button className="btn" onClick={submit}>
          查看
        </Button>
      </View>
      {message ? (
        <View role="alert" className="notice-text">
          <Text>{message}</Text>
        </View>
      ) : null}
      <View className="link-row" onClick={() => Taro.navigateTo({ url: '/operator/login/index' })}>
        <Text>商户入口（食品安全员、从业人员）</Text>
      </View>
    </View>
  );
}
