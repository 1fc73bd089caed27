/**
 * The today page's rectification notices (责令整改): each notice not yet closed, its obligation and deadline
 * (overdue in red), and whether the regulator is reviewing the answer. Tapping one opens it to answer. Nothing
 * when there is none or the list cannot be read (offline).
 */
import { RECTIFICATION_STATE_LABELS, type Rectification } from '@brightkitchen/sdk';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { PRESSABLE } from '../../components/a11y';
import { operatorClient } from '../client';
import { deadlineText } from './deadline';

export function RectificationsDue({ venueId }: { venueId: string }) {
  const [items, setItems] = useState<readonly Rectification[]>([]);
  useEffect(() => {
    let live = true;
    operatorClient()
      .rectifications.list({ venueId, limit: 50 })
      .then((page) => live && setItems(page.items.filter((r) => r.state !== 'closed')))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [venueId]);
  if (items.length === 0) return null;
  return (
    <View className="card card-warn" data-testid="rectifications-due">
      <Text className="card-title">{`整改通知（${items.length}）`}</Text>
      {items.map((r) => (
        <View
          key={r.id}
          className="cell"
          {...PRESSABLE}
          data-testid="rectification-item"
          onClick={() => Taro.navigateTo({ url: `/operator/rectification/index?id=${r.id}` })}
        >
          <View>
            <Text className="cell-title">{r.obligation}</Text>
            <Text className={r.overdue ? 'field-message' : 'muted'}>{deadlineText(r)}</Text>
          </View>
          <Text className={r.state === 'open' ? 'cell-status missing' : 'cell-status'}>
            {r.state === 'open' ? '去整改' : RECTIFICATION_STATE_LABELS[r.state]}
          </Text>
        </View>
      ))}
    </View>
  );
}
