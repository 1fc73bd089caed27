/**
 * The manager's training reminder on the today page: who has no valid training certificate (unfit in the morning
 * check until they pass) and whose certificate expires within 30 days. Nothing when all is well or unknown.
 */
import { createTrainingClient, type VenueTraining } from '@brightkitchen/sdk/training';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { operatorClient } from '../operator/client';

export function TrainingReminder({ venueId }: { venueId: string }) {
  const [training, setTraining] = useState<VenueTraining | null>(null);
  useEffect(() => {
    let live = true;
    createTrainingClient(operatorClient())
      .venueTraining(venueId)
      .then((t) => live && setTraining(t))
      .catch(() => live && setTraining(null));
    return () => {
      live = false;
    };
  }, [venueId]);
  if (!training?.reminder) return null;
  const names = (list: VenueTraining['staff']) => list.map((s) => s.name).join('、');
  const must = training.staff.filter((s) => s.mustTrain);
  const soon = training.staff.filter((s) => s.renewSoon);
  return (
    <View
      className="card card-warn"
      data-testid="training-reminder"
      onClick={() => Taro.navigateTo({ url: '/operator/staff/index' })}
    >
      <Text className="card-title">培训提醒</Text>
      <Text>{training.reminder.zh}</Text>
      {must.length ? <Text className="muted">{`须培训：${names(must)}`}</Text> : null}
      {soon.length ? <Text className="muted">{`即将到期：${names(soon)}`}</Text> : null}
    </View>
  );
}
