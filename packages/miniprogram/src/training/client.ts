/**
 * Training's clients: the learner's over the operator session (one login for the kitchen's pages and training),
 * the public one for the certificate check (no login), and Taro storage for the exam kept on the phone.
 */
import { createTrainingClient, type TrainingClient } from '@brightkitchen/sdk/training';
import Taro from '@tarojs/taro';
import { consumerClient } from '../lib/client';
import { operatorClient } from '../operator/client';
import type { SessionStorage } from './exam-session';

export function learnerTraining(): TrainingClient {
  return createTrainingClient(operatorClient());
}

export function publicTraining(): TrainingClient {
  return createTrainingClient(consumerClient());
}

export const taroStorage: SessionStorage = {
  async get(key) {
    try {
      const { data } = await Taro.getStorage({ key });
      return typeof data === 'string' ? data : null;
    } catch {
      return null;
    }
  },
  async set(key, value) {
    await Taro.setStorage({ key, data: value });
  },
  async remove(key) {
    try {
      await Taro.removeStorage({ key });
    } catch {
      // Nothing kept under that key.
    }
  },
};

/** Role names as the pages show them. */
export const KIND_TEXT = { single: '单选题', multiple: '多选题', true_false: '判断题' } as const;
