/**
 * 证书核验 (public, no login): an inspector or a consumer checks a cook's training certificate by its code (from the
 * link or typed): the holder's name masked, the venue, the course and whether it is valid today.
 */
import { formatCertificateCode, normalizeCertificateCode, type PublicCertificate } from '@brightkitchen/sdk/training';
import { Button, Input, Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { errorText } from '../../lib/error-text';
import { publicTraining } from '../client';
import '../training.css';

type Check =
  | { s: 'idle' }
  | { s: 'checking' }
  | { s: 'found'; code: string; certificate: PublicCertificate }
  | { s: 'unknown'; code: string }
  | { s: 'error'; message: string };

const REASON = { expired: '已过期', revoked: '已撤销' } as const;

export default function VerifyPage() {
  const [code, setCode] = useState('');
  const [check, setCheck] = useState<Check>({ s: 'idle' });

  async function verify(written: string) {
    const normalized = normalizeCertificateCode(written);
    if (!normalized) return setCheck({ s: 'unknown', code: written.trim() });
    setCheck({ s: 'checking' });
    try {
      setCheck({ s: 'found', code: normalized, certificate: await publicTraining().verify(normalized) });
    } catch (error) {
      const text = errorText(error);
      if (text.code === 'CERTIFICATE_NOT_FOUND') setCheck({ s: 'unknown', code: normalized });
      else setCheck({ s: 'error', message: text.title });
    }
  }

  useLoad((query: Record<string, string | undefined>) => {
    const given = query.code ?? '';
    if (given) {
      setCode(given);
      void verify(given);
    }
  });

  return (
    <View className="page">
      <View className="hero">
        <Text className="hero-title">培训合格证核验</Text>
        <Text className="hero-sub">输入证书上的 12 位验证码，查验从业人员的食品安全培训合格证</Text>
      </View>
      <View className="card">
        <Text className="field-label">验证码</Text>
        <Input
          className="input"
          aria-label="验证码"
          value={code}
          placeholder="例如 K7Q2-M9XA-3BCD"
          onInput={(e) => setCode(e.detail.value)}
          onConfirm={() => verify(code)}
        />
        <Button className="btn btn-primary" loading={check.s === 'checking'} onClick={() => verify(code)}>
          核验
        </Button>
      </View>
      {check.s === 'found' ? (
        <View className={`card ${check.certificate.valid ? '' : 'card-warn'}`} data-testid="verify-result">
          <Text className={check.certificate.valid ? 'verify-valid' : 'verify-invalid'}>
            {check.certificate.valid
              ? '✓ 证书有效'
              : `✗ 证书无效（${check.certificate.reason ? REASON[check.certificate.reason] : '无效'}）`}
          </Text>
          <Text>{`持证人：${check.certificate.holder}`}</Text>
          <Text>{`单位：${check.certificate.venue}`}</Text>
          <Text>{`培训课程：${check.certificate.course}`}</Text>
          <Text>{`发证日期：${check.certificate.issuedOn}`}</Text>
          <Text>{`有效期至：${check.certificate.expiresOn}`}</Text>
          <Text className="muted">{`验证码 ${formatCertificateCode(check.code)}`}</Text>
        </View>
      ) : null}
      {check.s === 'unknown' ? (
        <View className="card card-warn" role="alert" data-testid="verify-result">
          <Text className="verify-invalid">✗ 查无此证</Text>
          <Text>{`没有验证码为 ${check.code || '（空）'} 的培训合格证，请核对后重试；伪造的证书无法通过核验。`}</Text>
        </View>
      ) : null}
      {check.s === 'error' ? (
        <View className="card" role="alert">
          <Text>{check.message}</Text>
        </View>
      ) : null}
    </View>
  );
}
