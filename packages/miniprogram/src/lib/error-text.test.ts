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

describe('error text for consumers', () => {
  const refused = (status: number, code: string, details?: unknown) =>
    errorFromResponse(status, { code, message: { zh: '请求过于频繁', en: 'Too many requests' }, details });

  it('says which daily allowance is used up, or how long to wait, never “请求过于频繁”', () => {
    expect(errorText(refused(429, 'RATE_LIMITED', { limit: 'ratings', retryAfterSeconds: 3600 })).title).toBe(
      '您今天的评价次数已用完，明天再来吧',
    );
    expect(errorText(refused(429, 'RATE_LIMITED', { limit: 'smsResend', retryAfterSeconds: 42 })).title).toBe(
      '验证码刚刚发出，请 42 秒后再获取',
    );
    expect(errorText(refused(429, 'RATE_LIMITED', { retryAfterSeconds: 30 })).title).toBe('操作太频繁，请 30 秒后再试');
    expect(refusalText(refused(429, 'RATE_LIMITED', { limit: 'complaints' }).toJSON())).toContain('投诉次数已用完');
  });

  it('tells a wrong SMS code from a lost session, and names the service that is down', () => {
    const wrongCode = errorFromResponse(401, {
      code: 'SMS_CODE_INVALID',
      message: { zh: '验证码不正确，请核对短信中的 6 位数字', en: 'wrong' },
    });
    expect(errorText(wrongCode).title).toBe('验证码不正确，请核对短信中的 6 位数字');
    expect(errorText(refused(401, 'TOKEN_EXPIRED')).title).toBe('登录已失效，请重新登录');
    expect(errorText(refused(502, 'UPSTREAM_UNAVAILABLE', { upstream: 'sms' }))).toMatchObject({
      title: '短信暂时发不出去，请稍后重试',
      retryable: true,
    });
  });
});
