/** 我的培训合格证: each certificate with its verification code to show an inspector, and whether it is still valid. */

import { localDay } from '@brightkitchen/sdk';
import { daysUntil, formatCertificateCode, RENEWAL_NOTICE_DAYS } from '@brightkitchen/sdk/training';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useAsync } from '../../lib/use-async';
import { requireOperator } from '../../operator/require-login';
import { CertificateQr } from '../certificate-qr';
import { learnerTraining } from '../client';
import '../training.css';

export default function CertificatesPage() {
  const { state, reload } = useAsync(async () => {
    if (!(await requireOperator())) return null;
    return learnerTraining().certificates();
  }, 'certificates');
  if (state.status === 'error' && !state.data) return <ErrorState error={state.error} onRetry={reload} />;
  if (!state.data) return <Loading />;
  const today = localDay(Date.now(), 'Asia/Shanghai');
  const items = state.data.items;
  return (
    <View className="page">
      {items.length === 0 ? <Empty text="还没有培训合格证：学完课程并通过考核后自动发放" /> : null}
      {items.map((c) => {
        const left = daysUntil(today, c.expiresOn);
        return (
          <View key={c.id} className={`card ${c.valid ? '' : 'card-warn'}`} data-certificate-code={c.code}>
            <View className="row-between">
              <Text className="card-title">{c.course}</Text>
              <Text className={`tag ${c.valid ? (left <= RENEWAL_NOTICE_DAYS ? 'tag-warning' : '') : 'tag-critical'}`}>
                {c.valid
                  ? left <= RENEWAL_NOTICE_DAYS
                    ? `${left} 天后到期`
                    : '有效'
                  : c.revokedAt
                    ? '已撤销'
                    : '已过期'}
              </Text>
            </View>
            <Text>{`${c.holder} · ${c.venue}`}</Text>
            <Text className="certificate-code">{formatCertificateCode(c.code)}</Text>
            {c.valid ? <CertificateQr code={c.code} /> : null}
            <Text className="muted">{`发证 ${c.issuedOn} · 有效期至 ${c.expiresOn}${c.score !== undefined ? ` · 成绩 ${c.score} 分` : ''}`}</Text>
            {c.valid && left <= RENEWAL_NOTICE_DAYS ? (
              <Text className="field-message">请在到期前参加培训考核续证</Text>
            ) : null}
            <Button className="btn" onClick={() => Taro.navigateTo({ url: `/training/verify/index?code=${c.code}` })}>
              出示核验页
            </Button>
          </View>
        );
      })}
    </View>
  );
}
