import { errorFromResponse, NetworkError } from '@brightkitchen/sdk';
import { describe, expect, it, vi } from 'vitest';
import { errorText, refusalText } from './error-text';

vi.mock('@brightkitchen/sdk', () => import('../../../sdk/src/index'));

describe('error text', () => {
  it('shows the Chinese message of a refusal, never its code or the English half', () => {
    const refused = errorFromResponse(409, {
      code: 'CONFLICT',
      message: { zh: '与现有数据冲突', en: 'Conflicts with existing data' },
    });
    expect(errorText(refused)).toEqual({ title: '与现有数据冲突', retryable: false, code: 'CONFLICT' });
    expect(errorText(new NetworkError({ zh: '网络不可用', en: 'offline' }))).toMatchObject({ retryable: true });
  });

  it('names the first field at fault, errors before warnings, from a thrown error or the outbox’s JSON', () => {
    const body = {
      code: 'LEDGER_RULE_VIOLATION',
      message: { zh: '台账不符合食品安全规则', en: 'The ledger record breaks a food-safety rule' },
      details: {
        issues: [
          {
            code: 'LEDGER_SAMPLE_LATE',
            path: 'sampledAt',
            severity: 'warning',
            message: { zh: '留样偏晚', en: 'late' },
          },
          { code: 'FIELD_REQUIRED', path: 'dishName', severity: 'error', message: { zh: '缺少菜品名称', en: 'x' } },
        ],
      },
    };
    const error = errorFromResponse(422, body);
    expect(refusalText(error)).toBe('缺少菜品名称');
    expect(refusalText(error.toJSON())).toBe('缺少菜品名称');
  });

  it('reads an error an older app version kept, whose message was one string', () => {
    const kept = { name: 'ApiError', code: 'FORBIDDEN', message: '无权访问 / You may not do this' } as never;
    expect(refusalText(kept)).toBe('无权访问 / You may not do this');
  });
});
