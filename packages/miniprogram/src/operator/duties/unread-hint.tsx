/**
 * The today page's hint of legal duties and procedures not yet read at this venue: a count that opens the duties
 * page. Nothing when all are read or the list cannot be read (offline).
 */
import { createDutiesClient } from '@brightkitchen/sdk';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { PRESSABLE } from '../../components/a11y';
import { operatorClient } from '../client';

export function UnreadDuties({ venueId }: { venueId: string }) {
  const [unread, setUnread] = useState(0);
  const load = useCallback(
    () =>
      createDutiesClient(operatorClient())
        .forVenue(venueId)
        .then((answer) => setUnread(answer.unread))
        .catch(() => setUnread(0)),
    [venueId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  // Again on every return to the page: a duty read meanwhile leaves the count.
  useDidShow(() => void load());
  if (unread === 0) return null;
  return (
    <View
      className="card card-warn"
      {...PRESSABLE}
      data-testid="duties-unread"
      onClick={() => Taro.navigateTo({ url: '/operator/duties/index' })}
    >
      <Text className="card-title">{`法定义务与操作规范：${unread} 条未读`}</Text>
      <Text className="muted">监管部门推送的新规定，请阅读后确认</Text>
    </View>
  );
}
