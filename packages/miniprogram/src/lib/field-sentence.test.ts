import { describe, expect, it, vi } from 'vitest';
import { describeField } from '../ledger-form/describe';
import { LEDGER_FORMS } from '../ledger-form/specs';
import { fieldSentence } from './field-sentence';

vi.mock('@brightkitchen/sdk', () => import('../../../sdk/src/index'));

const { validateLedger } = await import('../../../sdk/src/index');

const field = (kind: keyof typeof LEDGER_FORMS, path: string) => {
  const spec = LEDGER_FORMS[kind].find((f) => f.path === path);
  if (!spec) throw new Error(path);
  return describeField(spec);
};

/** The sentence the morning-check form shows at `path` for the record. */
function sentenceAt(record: Record<string, unknown>, path: string): string | undefined {
  const issue = validateLedger(record, { timeZone: 'Asia/Shanghai' }).issues.find((i) => i.path === path);
  const kind = record.kind as keyof typeof LEDGER_FORMS;
  return issue ? fieldSentence(issue, field(kind, path)) : undefined;
}

const check = {
  kind: 'morning_check',
  staffId: 's1',
  time: '2024-06-15T08:00:00+08:00',
  temperatureC: 36.5,
  symptoms: [],
  handCheckOk: true,
  uniformOk: true,
  checker: '王老师',
};

describe('field sentences in the operator forms', () => {
  it('asks for a missing choice or text by the form’s label, in words a person acts on', () => {
    expect(sentenceAt({ ...check, staffId: undefined }, 'staffId')).toBe('请选择从业人员');
    expect(sentenceAt({ ...check, checker: undefined }, 'checker')).toBe('请填写晨检人');
    expect(sentenceAt({ ...check, temperatureC: undefined }, 'temperatureC')).toBe('请填写体温');
  });

  it('gives a number’s limit in the field’s unit, not “应为 <=45”', () => {
    expect(sentenceAt({ ...check, temperatureC: 46 }, 'temperatureC')).toBe('体温不能高于 45 ℃，请核对是否填错');
    expect(sentenceAt({ ...check, temperatureC: 3.65 }, 'temperatureC')).toBe('体温不能低于 30 ℃，请核对是否填错');
    expect(sentenceAt({ ...check, temperatureC: 'abc' }, 'temperatureC')).toBe('体温请填写数字');
  });

  it('says a count must be whole and a typed duration in the unit typed (minutes, stored as seconds)', () => {
    const run = {
      kind: 'tableware_disinfection',
      time: '2024-06-15T08:00:00+08:00',
      items: ['碗'],
      count: 0,
      method: 'heat_steam',
      temperatureC: 100,
      durationSeconds: 90_000,
      operator: '李师傅',
    };
    expect(sentenceAt(run, 'count')).toBe('数量不能低于 1 件，请核对是否填错');
    expect(sentenceAt(run, 'durationSeconds')).toBe('时长不能高于 1440 分钟，请核对是否填错');
    expect(sentenceAt({ ...run, count: 2.5 }, 'count')).toBe('数量请填写整数');
  });

  it('asks for a purchase record’s missing field at the field (the rule is named in the general message)', () => {
    const issue = validateLedger(
      { kind: 'purchase_inspection', productName: '大米' },
      { timeZone: 'Asia/Shanghai' },
    ).issues.find((i) => i.path === 'spec');
    expect(issue?.code).toBe('LEDGER_PURCHASE_FIELD_MISSING');
    expect(fieldSentence(issue!, field('purchase_inspection', 'spec'))).toBe('请填写规格');
  });

  it('keeps a rule’s own sentence', () => {
    const fever = validateLedger({ ...check, temperatureC: 38.5 }, { timeZone: 'Asia/Shanghai' }).issues[0]!;
    expect(fieldSentence(fever, field('morning_check', 'temperatureC'))).toBe(fever.message.zh);
    expect(fever.message.zh).toContain('38.5');
  });
});
