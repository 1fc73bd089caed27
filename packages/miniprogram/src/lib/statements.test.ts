import { describe, expect, it } from 'vitest';
import { ledgerStatements, satisfactionText, violationStatement } from './statements';

describe('venue page statements', () => {
  it('says what the kitchen did today in plain words', () => {
    const lines = ledgerStatements({
      day: '2024-05-01',
      kinds: {
        morning_check: { done: 8, fit: 8 },
        tableware_disinfection: { done: 3 },
        sample_retention: { done: 6 },
      },
    });
    expect(lines).toEqual(['晨检 8/8 人合格', '餐具已消毒 3 次', '今日留样 6 份']);
  });

  it('says what is missing instead of showing zeros', () => {
    expect(ledgerStatements({ day: '2024-05-01', kinds: { morning_check: { done: 5, fit: 4 } } })).toEqual([
      '晨检 4/5 人合格',
      '今日餐具尚未消毒登记',
      '今日尚未留样',
    ]);
  });

  it('summarises AI captures by type, most frequent first', () => {
    expect(violationStatement({ no_mask: 2, phone_use: 1, no_hat: 0 }, 7)).toBe(
      '近 7 天 AI 抓拍 3 次：未戴口罩 2 次、玩手机 1 次',
    );
    expect(violationStatement({}, 30)).toBe('近 30 天无 AI 抓拍违规');
  });

  it('invites the first rating and rounds the satisfaction rate', () => {
    expect(satisfactionText(null, 0)).toBe('暂无评价，欢迎第一个评价');
    expect(satisfactionText(0.916, 25)).toBe('满意度 92%（25 人评价）');
  });
});
