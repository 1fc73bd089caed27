/** 登录: regulators and admins sign in with their account (operators and consumers use the mini-program). */
import { type FormEvent, useState } from 'react';
import { signIn } from '../api';
import { errorText } from '../format';

export function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      await signIn(login.trim(), password);
      onSignedIn();
    } catch (error) {
      setMessage(errorText(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="login" onSubmit={(e) => void submit(e)}>
      <h1>明厨亮灶 · 监管平台</h1>
      <label>
        账号
        <input value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" required />
      </label>
      <label>
        密码
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? '正在登录…' : '登录'}
      </button>
      {message ? (
        <p className="error" role="alert">
          {message}
        </p>
      ) : null}
    </form>
  );
}
