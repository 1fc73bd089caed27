/** A regulator's login on the phone (the account of the console), then this week's plan. */
import type { Me } from '@brightkitchen/sdk';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Notice } from '../../components/states';
import { errorText } from '../../lib/error-text';
import { REGULATOR_HOME, regulatorClient } from '../../lib/regulator-client';

export default function RegulatorLogin() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!login.trim() || !password) return setMessage('请输入账号和密码');
    setBusy(true);
    setMessage('');
    try {
      const client = regulatorClient();
      await client.auth.login(login.trim(), password);
      const { user } = await client.request<Me>({ method: 'GET', path: '/v1/me' });
      if (user.role !== 'regulator' && user.role !== 'admin') {
        await client.auth.logout();
        setMessage('该账号不是监管账号，商户请使用商户入口登录');
        return;
      }
      await Taro.redirectTo({ url: REGULATOR_HOME });
    } catch (error) {
      const text = errorText(error);
      setMessage(
        text.code === 'INVALID_CREDENTIALS' || text.code === 'UNAUTHENTICATED' ? '账号或密码错误' : text.title,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="page">
      <View className="hero">
        <Text className="hero-title">监管登录</Text>
        <Text className="hero-sub">监管人员使用监管平台账号登录，在手机上完成现场检查</Text>
      </View>
      <View className="card">
        <Text className="field-label">账号</Text>
        <Input
          className="input"
          aria-label="账号"
          value={login}
          placeholder="请输入账号"
          onInput={(e) => setLogin(e.detail.value)}
        />
        <Text className="field-label">密码</Text>
        <Input
          className="input"
          aria-label="密码"
          password
          value={password}
          placeholder="请输入密码"
          onInput={(e) => setPassword(e.detail.value)}
          onConfirm={submit}
        />
      </View>
      <Notice text={message} />
      <Button className="btn btn-primary btn-large" loading={busy} disabled={busy} onClick={submit}>
        登录
      </Button>
      {process.env.TARO_ENV === 'h5' ? (
        <View className="link-row">
          <Text className="link" onClick={() => window.location.assign('/console/')}>
            在电脑上使用监管平台（/console/）
          </Text>
        </View>
      ) : null}
    </View>
  );
}
