/**
 * Tell the venue (告知) or complain to the regulator (投诉): what was seen, up to 3 photos (complaints), and the
 * location only when the person agrees.
 */
import type { ComplaintInput, ComplaintLocation } from '@brightkitchen/sdk';
import { Button, Image, Switch, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { named, PRESSABLE } from '../../components/a11y';
import { Notice } from '../../components/states';
import { consumerClient } from '../../lib/client';
import { ensureConsumerLogin, SignInCancelled } from '../../lib/consumer-login';
import { errorText, refusalText } from '../../lib/error-text';
import { currentLocation, LOCATION_TEXT } from '../../lib/location';
import { type PickedPhotos, pickPhotos } from '../../lib/photos';

export default function ReportPage() {
  const { params } = useRouter();
  const complaint = params.type === 'complaint';
  const venueId = params.venueId ?? '';
  const name = decodeURIComponent(params.name ?? '');
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<PickedPhotos['photos']>([]);
  const [withLocation, setWithLocation] = useState(false);
  const [location, setLocation] = useState<ComplaintLocation | null>(null);
  const [locating, setLocating] = useState(false);
  const [message, setMessage] = useState('');
  const [state, setState] = useState<'editing' | 'sending' | 'done'>('editing');

  async function addPhotos() {
    try {
      const picked = await pickPhotos(photos.length);
      setPhotos((p) => [...p, ...picked.photos]);
      setMessage(picked.tooLarge > 0 ? `有 ${picked.tooLarge} 张照片超过 2 MB，没有添加` : '');
    } catch {
      // Cancelled by the person: nothing to say.
    }
  }

  async function toggleLocation(on: boolean) {
    setWithLocation(on);
    if (!on) return setLocation(null);
    setLocating(true);
    const found = await currentLocation();
    setLocating(false);
    if (found.kind === 'ok') {
      setLocation(found.location);
      setMessage('');
    } else {
      setWithLocation(false);
      setMessage(LOCATION_TEXT[found.kind]);
    }
  }

  async function submit() {
    if (text.trim().length < 5) return setMessage('请至少写 5 个字，说明您看到的情况');
    setState('sending');
    setMessage('');
    try {
      await ensureConsumerLogin();
      const client = consumerClient();
      const queued = complaint
        ? await client.complaints.submit(venueId, {
            text: text.trim(),
            ...(location ? { location } : {}),
            ...(photos.length
              ? { photos: photos.map(({ contentType, dataBase64 }) => ({ contentType, dataBase64 })) }
              : {}),
          } satisfies ComplaintInput)
        : await client.notices.send(venueId, {
            subject: `顾客告知：${name || '用餐'}`.slice(0, 100),
            body: text.trim(),
          });
      const result = await Promise.race([queued.settled, new Promise<null>((r) => setTimeout(() => r(null), 8000))]);
      if (result && result.state === 'failed') {
        setState('editing');
        setMessage(refusalText(result.error));
        return;
      }
      setState('done');
    } catch (error) {
      setState('editing');
      setMessage(
        error instanceof SignInCancelled
          ? `登录后才能提交${complaint ? '投诉' : '告知'}，您写的内容还在`
          : errorText(error).title,
      );
    }
  }

  if (state === 'done') {
    return (
      <View className="page">
        <View className="card center">
          <Text className="success-text">{complaint ? '投诉已提交' : '告知已送达商户'}</Text>
          <Text className="muted">处理进度和商户答复可在「我的」中查看。</Text>
          <Button className="btn" onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>
            查看我的{complaint ? '投诉' : '告知'}
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{complaint ? `投诉「${name}」` : `告知「${name}」`}</Text>
        <Text className="muted">
          {complaint ? '投诉将转给属地市场监管部门处理。' : '告知将直接发给商户食品安全负责人，请其整改并答复。'}
        </Text>
        <Textarea
          className="textarea"
          {...named('您看到的情况')}
          value={text}
          maxlength={2000}
          placeholder="您看到了什么？例如：后厨人员未戴口罩"
          onInput={(e) => setText(e.detail.value)}
        />
        {complaint ? (
          <View className="photos">
            {photos.map((p, i) => (
              <Image
                key={p.preview}
                className="photo"
                src={p.preview}
                mode="aspectFill"
                {...PRESSABLE}
                aria-label={`第 ${i + 1} 张照片，点按删除`}
                onClick={() => setPhotos(photos.filter((_, j) => j !== i))}
              />
            ))}
            {photos.length < 3 ? (
              <View className="photo photo-add" {...PRESSABLE} aria-label="添加照片" onClick={addPhotos}>
                <Text>＋ 照片</Text>
              </View>
            ) : null}
          </View>
        ) : null}
        {complaint && photos.length > 0 ? <Text className="field-hint">点按照片可删除</Text> : null}
        {complaint ? (
          <View className="field-switch">
            <Text>{locating ? '正在获取位置…' : location ? '附上我的位置（已获取）' : '附上我的位置'}</Text>
            <Switch
              checked={withLocation}
              color="#067d40"
              {...named('附上我的位置')}
              onChange={(e) => toggleLocation(e.detail.value)}
            />
          </View>
        ) : null}
      </View>
      <Notice text={message} />
      <Button
        className="btn btn-primary btn-large"
        loading={state === 'sending'}
        disabled={state === 'sending'}
        onClick={submit}
      >
        提交
      </Button>
    </View>
  );
}
