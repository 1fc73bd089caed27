/** Operator login (staff account), then the venue to work on. */
import type { Me } from '@brightkitchen/sdk';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Notice } from '../../components/states';
import { errorText } from '../../lib/error-text';
import { setCurrentVenue } from '../../lib/operator-venue';
import { prefersConsole, REGULATOR_HOME, regulatorClient } from '../../lib/regulator-client';
import { operatorClient } from '../client';

export default function OperatorLogin() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!login.trim() || !password) return setMessage('请输入账号和密码');
    setBusy(true);
    setMessage('');
    try {
      const client = operatorClient();
      await client.auth.login(login.trim(), password);
      // Regulators and admins: not an operator's pages. On a desktop-wide browser the console; on a phone the
      // regulator pages (this week's plan), signed in with the regulator's own client.
      const { user } = await client.request<Me>({ method: 'GET', path: '/v1/me' });
      if (user.role === 'regulator' || user.role === 'admin') {
        await client.auth.logout();
        if (prefersConsole()) {
          window.location.assign('/console/');
          return;
        }
        await regulatorClient().auth.login(login.trim(), password);
        await Taro.redirectTo({ url: REGULATOR_HOME });
        return;
      }
      const venues = await client.venues.list({ limit: 100 });
      const first = venues.items[0];
      if (!first) {
        setMessage('该账号未关联任何单位，请联系管理员');
        await client.auth.logout();
        return;
      }
      setCurrentVenue({ id: first.id, name: first.name, kind: first.kind, timeZone: first.timeZone });
      await Taro.redirectTo({ url: '/operator/today/index' });
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
        <Text className="hero-title">商户登录</Text>
        <Text className="hero-sub">食品安全员、从业人员使用单位分配的账号登录</Text>
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
    </View>
  );
}
