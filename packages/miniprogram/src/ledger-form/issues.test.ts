import { describe, expect, it, vi } from 'vitest';

vi.mock('@brightkitchen/sdk', () => import('../../../sdk/src/index'));

const { validateLedger } = await import('../../../sdk/src/index');
const { issuesByField } = await import('./issues');
const { describeField } = await import('./describe');
const { fieldSentence } = await import('../lib/field-sentence');
const { LEDGER_FORMS } = await import('./specs');

describe('issues placed at the form’s fields', () => {
  it('says a missing supplier at each supplier field, in the form’s words', () => {
    const fields = LEDGER_FORMS.purchase_inspection;
    const { issues } = validateLedger(
      { kind: 'purchase_inspection', productName: '大米' },
      { timeZone: 'Asia/Shanghai' },
    );
    const shown = issuesByField(
      issues,
      fields.map((f) => f.path),
      (issue, path) => fieldSentence(issue, describeField(fields.find((f) => f.path === path)!)),
    );
    expect(shown.byField['supplier.name']?.text).toBe('请填写供货者名称');
    expect(shown.byField['supplier.licenceNo']?.text).toBe('请填写供货者许可证号');
    expect(shown.byField.spec?.text).toBe('请填写规格');
    expect(shown.general.map((m) => m.text)).not.toContain('进货查验记录缺少：供货者');
  });
});
