/**
 * Consumer sign-in outside WeChat (the H5 app): a mainland mobile number and the 6-digit code sent to it by SMS.
 * Opened by whatever needs a signed-in consumer (lib/consumer-login.ts), which goes on once this page is done.
 */
import type { Session } from '@brightkitchen/sdk';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useUnload } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { named } from '../../components/a11y';
import { Notice } from '../../components/states';
import { consumerClient } from '../../lib/client';
import { SIGN_IN_DONE } from '../../lib/consumer-login';
import { errorText } from '../../lib/error-text';

const PHONE = /^1[3-9]\d{9}$/;
const digits = (text: string, max: number) => text.replace(/\D/g, '').slice(0, max);

export default function LoginPage() {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  const [sentTo, setSentTo] = useState('');
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState<'code' | 'login' | null>(null);
  const done = useRef(false);

  // The countdown to the next code.
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  // Left without signing in: whoever opened this page stops waiting.
  useUnload(() => {
    if (!done.current) Taro.eventCenter.trigger(SIGN_IN_DONE);
  });

  async function sendCode() {
    if (!PHONE.test(phone)) return setMessage('请输入 11 位手机号，例如 13800000000');
    setBusy('code');
    setMessage('');
    try {
      const sent = await consumerClient().auth.requestSmsCode(phone);
      setSentTo(sent.sentTo);
      setWait(sent.resendAfter);
    } catch (error) {
      setMessage(errorText(error).title);
    } finally {
      setBusy(null);
    }
  }

  async function signIn() {
    if (!PHONE.test(phone)) return setMessage('请输入 11 位手机号，例如 13800000000');
    if (!/^\d{6}$/.test(code)) return setMessage('请输入短信中的 6 位验证码');
    setBusy('login');
    setMessage('');
    let session: Session;
    try {
      session = await consumerClient().auth.smsLogin(phone, code);
    } catch (error) {
      setBusy(null);
      return setMessage(errorText(error).title);
    }
    done.current = true;
    Taro.eventCenter.trigger(SIGN_IN_DONE, session);
    // Back where the sign-in was needed; opened on its own, to "mine".
    if (Taro.getCurrentPages().length > 1) await Taro.navigateBack();
    else await Taro.switchTab({ url: '/pages/mine/index' });
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">手机号登录</Text>
        <Text className="muted">登录后可以评价、告知和投诉，并在「我的」查看处理进度。</Text>
        <View className="field">
          <Text className="field-label">手机号</Text>
          <Input
            className="input"
            type="number"
            {...named('手机号')}
            value={phone}
            maxlength={11}
            placeholder="11 位手机号"
            onInput={(e) => setPhone(digits(e.detail.value, 11))}
          />
        </View>
        <View className="field">
          <Text className="field-label">短信验证码</Text>
          <View className="code-row">
            <Input
              className="input code-input"
              type="number"
              {...named('短信验证码')}
              value={code}
              maxlength={6}
              placeholder="6 位数字"
              onInput={(e) => setCode(digits(e.detail.value, 6))}
              onConfirm={signIn}
            />
            <Button className="btn code-button" disabled={wait > 0 || busy !== null} onClick={sendCode}>
              {wait > 0 ? `${wait} 秒后重发` : sentTo ? '重新获取' : '获取验证码'}
            </Button>
          </View>
          {sentTo ? <Text className="field-hint">验证码已发送至 {sentTo}，5 分钟内有效</Text> : null}
        </View>
      </View>
      <Notice text={message} />
      <Button
        className="btn btn-primary btn-large"
        loading={busy === 'login'}
        disabled={busy !== null}
        onClick={signIn}
      >
        登录
      </Button>
      <Text className="muted center">同一手机号每次登录都是同一位顾客；每位顾客每天可评价同一家单位一次。</Text>
    </View>
  );
}
