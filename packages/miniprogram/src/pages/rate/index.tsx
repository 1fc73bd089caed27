/** Rate a venue: dishes, hygiene and service, one face each, an optional comment. Sign-in on first use. */
import { type Face, type OutboxOutcome, RATING_ASPECTS, type RatingAspect } from '@brightkitchen/sdk';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { named } from '../../components/a11y';
import { FacePicker } from '../../components/face-picker';
import { consumerClient } from '../../lib/client';
import { ensureConsumerLogin, SIGN_IN_NAME, SignInCancelled } from '../../lib/consumer-login';
import { errorText, RATING_ALREADY_TODAY_TEXT, refusalText } from '../../lib/error-text';
import { notifyVenueChanged } from '../../lib/venue-changed';

const ASPECT_TEXT: Readonly<Record<RatingAspect, string>> = { dishes: '菜品', hygiene: '卫生', service: '服务' };

type Outcome =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent' }
  | { kind: 'waiting' }
  | { kind: 'refused'; text: string };

export default function RatePage() {
  const { params } = useRouter();
  const venueId = params.venueId ?? '';
  const name = decodeURIComponent(params.name ?? '');
  const [faces, setFaces] = useState<Partial<Record<RatingAspect, Face>>>({});
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const complete = RATING_ASPECTS.every((a) => faces[a]);

  async function submit() {
    if (!complete || outcome.kind === 'sending') return;
    setOutcome({ kind: 'sending' });
    try {
      await ensureConsumerLogin();
      const queued = await consumerClient().ratings.submit(venueId, {
        faces: faces as Record<RatingAspect, Face>,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      // Offline, the rating waits in the outbox and goes out later; say so instead of spinning, and say when it went.
      const show = (result: OutboxOutcome) => {
        if (result.state === 'sent') {
          setOutcome({ kind: 'sent' });
          if (params.code) notifyVenueChanged(params.code);
          void Taro.showToast({ title: '感谢评价', icon: 'success' });
        } else if (result.error.code === 'RATING_ALREADY_TODAY')
          setOutcome({ kind: 'refused', text: RATING_ALREADY_TODAY_TEXT });
        else setOutcome({ kind: 'refused', text: refusalText(result.error) });
      };
      const result = await Promise.race([queued.settled, wait(8000)]);
      if (result) show(result);
      else {
        setOutcome({ kind: 'waiting' });
        void queued.settled.then(show);
      }
    } catch (error) {
      if (error instanceof SignInCancelled) setOutcome({ kind: 'refused', text: '登录后才能提交评价，您选的表情还在' });
      else setOutcome({ kind: 'refused', text: errorText(error).title });
    }
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{name ? `评价「${name}」` : '评价'}</Text>
        {RATING_ASPECTS.map((aspect) => (
          <FacePicker
            key={aspect}
            label={ASPECT_TEXT[aspect]}
            value={faces[aspect]}
            onChange={(face) => setFaces((f) => ({ ...f, [aspect]: face }))}
          />
        ))}
        <Textarea
          className="textarea"
          {...named('评价内容')}
          value={comment}
          maxlength={500}
          placeholder="说说您的用餐感受，可以不写"
          onInput={(e) => setComment(e.detail.value)}
        />
      </View>
      {outcome.kind === 'refused' ? (
        <View role="alert" className="notice-text">
          <Text>{outcome.text}</Text>
        </View>
      ) : null}
      {outcome.kind === 'waiting' ? (
        <Text className="notice-text">网络不佳，评价已保存在手机上，联网后会自动提交。</Text>
      ) : null}
      {outcome.kind === 'sent' ? (
        <View className="card center">
          <Text className="success-text">评价已提交，感谢您的监督！</Text>
          <Button className="btn" onClick={() => Taro.navigateBack()}>
            返回单位页面
          </Button>
        </View>
      ) : (
        <Button
          className="btn btn-primary btn-large"
          disabled={!complete || outcome.kind === 'sending'}
          loading={outcome.kind === 'sending'}
          onClick={submit}
        >
          {complete ? '提交评价' : '请为三项分别选择表情'}
        </Button>
      )}
      <Text className="muted center">{`首次评价需用${SIGN_IN_NAME}登录；每位顾客每天可评价同一家单位一次。`}</Text>
    </View>
  );
}

function wait(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}
