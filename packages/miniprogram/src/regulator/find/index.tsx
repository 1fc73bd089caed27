/**
 * Find a venue to inspect: by name (`GET /v1/venues?q=`, the venues of the regulator's regions), or by scanning the
 * QR code on its door or typing the code printed under it (the code → the venue through the public profile route).
 */
import type { Venue } from '@brightkitchen/sdk';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { named, PRESSABLE } from '../../components/a11y';
import { Empty, Notice } from '../../components/states';
import { errorText } from '../../lib/error-text';
import { publicCodeFrom } from '../../lib/public-code';
import { fetchPublicProfile } from '../../lib/public-profile';
import { regulatorClient } from '../../lib/regulator-client';
import { canScan, scanCode } from '../../lib/scan-code';
import { requireRegulator } from '../require-login';
import { inspectUrl } from '../urls';
import '../regulator.css';

export default function FindPage() {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<readonly Venue[] | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useDidShow(() => {
    void requireRegulator();
  });

  async function search() {
    const q = query.trim();
    if (!q) return setMessage('请输入单位名称');
    setBusy(true);
    setMessage('');
    try {
      // The code printed under the QR code (or the scanned link) opens the venue straight away; a name that only
      // looks like a code (e.g. Latin letters) is searched as a name.
      const code = publicCodeFrom(q);
      const profile = code ? await fetchPublicProfile(code).catch(() => null) : null;
      if (profile) {
        await Taro.navigateTo({ url: inspectUrl(profile.venueId, profile.name) });
        return;
      }
      const page = await regulatorClient().venues.list({ q, limit: 30 });
      setFound(page.items);
    } catch (error) {
      setMessage(errorText(error).title);
    } finally {
      setBusy(false);
    }
  }

  async function openCode(text: string) {
    const code = publicCodeFrom(text);
    if (!code) return setMessage('这不是明厨亮灶单位的二维码');
    try {
      const profile = await fetchPublicProfile(code);
      await Taro.navigateTo({ url: inspectUrl(profile.venueId, profile.name) });
    } catch (error) {
      setMessage(errorText(error).title);
    }
  }

  async function scan() {
    setMessage('');
    const result = await scanCode();
    if (result.kind === 'text') return openCode(result.text);
    if (result.kind === 'nothing') setMessage('照片中没有找到二维码');
    else if (result.kind === 'failed') setMessage('无法识别二维码，请按名称查找');
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="field-label">单位名称或二维码编号</Text>
        <Input
          className="input"
          {...named('单位名称或二维码编号')}
          value={query}
          placeholder="输入名称中的字，例如：小学食堂"
          confirmType="search"
          onInput={(e) => setQuery(e.detail.value)}
          onConfirm={search}
        />
        <View className="actions">
          <Button className="btn btn-primary" loading={busy} disabled={busy} onClick={search}>
            查找
          </Button>
          {canScan() ? (
            <Button className="btn" onClick={scan}>
              扫单位二维码
            </Button>
          ) : null}
        </View>
        <Notice text={message} testId="find-message" />
      </View>
      {found && found.length === 0 ? <Empty text="没有找到名称相符的单位（仅显示您辖区内的单位）" /> : null}
      {found && found.length > 0 ? (
        <View className="card">
          {found.map((venue) => (
            <View
              key={venue.id}
              className="plan-venue"
              data-testid="found-venue"
              {...PRESSABLE}
              onClick={() => Taro.navigateTo({ url: inspectUrl(venue.id, venue.name) })}
            >
              <Text className="plan-name">{venue.name}</Text>
              <Text className="muted plan-reasons">{venue.address}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
