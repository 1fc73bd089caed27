/**
 * Food-safety tips and consumer alerts. The API has no tips route yet (docs/api.md), so the app ships the
 * regulator's standing advice; a published feed would replace this list.
 */
import { Text, View } from '@tarojs/components';
import { GradeBadge } from '../../components/drawn-face';

export const TIPS: readonly { title: string; body: string }[] = [
  { title: '看证照', body: '就餐前看门口公示的食品经营许可证是否在有效期内，扫码可查。' },
  { title: '看等级', body: '门口公示的笑脸越大越放心，扫码可看最新一次检查的等级。' },
  { title: '看后厨', body: '扫码可看后厨实时画面和今日晨检、消毒、留样记录。' },
  { title: '慎食野生菌', body: '不采摘、不购买、不食用来历不明的野生菌，误食后立即就医。' },
  { title: '生熟分开', body: '家中处理食材时生熟分开、烧熟煮透，剩菜及时冷藏并彻底加热。' },
  { title: '发现问题', body: '看到后厨违规可在单位页面「告知」商户或「投诉」至市场监管部门，也可拨打 12315。' },
];

export default function TipsPage() {
  return (
    <View className="page">
      <Text className="section-title">食品安全小贴士</Text>
      {TIPS.map((tip) => (
        <View key={tip.title} className="card">
          <Text className="card-title">{tip.title}</Text>
          <Text>{tip.body}</Text>
          {tip.title === '看等级' ? (
            <View className="grade-legend">
              <GradeBadge face="excellent" size="small" />
              <GradeBadge face="good" size="small" />
              <GradeBadge face="average" size="small" />
            </View>
          ) : null}
        </View>
      ))}
      <Text className="muted center">消费提示由市场监管部门发布</Text>
    </View>
  );
}
