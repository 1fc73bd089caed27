/**
 * The sentence a form shows under a field for an issue the SDK (or the server) found: it names the field by the
 * form's own label, says what to do in the way the input works (选择 a choice, 填写 a text), and gives the limit in
 * the field's unit — `体温不能高于 45 ℃，请核对是否填错`, not `字段 temperatureC 无效` or `应为 <=45`. A rule's
 * finding (LEDGER_*) is already such a sentence and is shown as it is.
 */
import type { FieldIssue } from '@brightkitchen/sdk';

/** How the form asks for a field. */
export type FieldInputKind = 'text' | 'number' | 'choice' | 'date' | 'time' | 'photo' | 'list' | 'bool';

export interface FieldDescription {
  /** The label the form shows (体温, 健康证明有效期). */
  readonly label: string;
  readonly input: FieldInputKind;
  /** The unit shown beside a number input (℃, 克, 分钟). */
  readonly unit?: string;
  /** Record value = typed value × scale (minutes typed, seconds stored: 60). */
  readonly scale?: number;
  readonly integer?: boolean;
}

const CHOSEN: ReadonlySet<FieldInputKind> = new Set(['choice', 'date', 'time']);

function amount(limit: number, field: FieldDescription): string {
  const value = Math.round((limit / (field.scale ?? 1)) * 100) / 100;
  return field.unit ? `${value} ${field.unit}` : String(value);
}

/** The sentence for one issue at a field the form describes. */
export function fieldSentence(issue: Pick<FieldIssue, 'code' | 'message' | 'facts'>, field: FieldDescription): string {
  const { label } = field;
  const limit = issue.facts?.exclusive ? undefined : issue.facts?.limit;
  switch (issue.code) {
    // A purchase record's missing field breaks §50 of the law; at the field, it says what to fill in.
    case 'LEDGER_PURCHASE_FIELD_MISSING':
    case 'FIELD_REQUIRED':
      if (field.input === 'photo') return `请拍摄或选择${label}`;
      return CHOSEN.has(field.input) ? `请选择${label}` : `请填写${label}`;
    case 'FIELD_TYPE':
      if (field.input === 'number') return field.integer ? `${label}请填写整数` : `${label}请填写数字`;
      return `${label}的内容不正确，请重新填写`;
    case 'FIELD_TOO_LARGE':
      if (issue.facts?.exclusive && issue.facts.limit !== undefined)
        return `${label}须小于 ${amount(issue.facts.limit, field)}，请核对是否填错`;
      return limit === undefined
        ? `${label}超出了可填的范围，请核对是否填错`
        : `${label}不能高于 ${amount(limit, field)}，请核对是否填错`;
    case 'FIELD_TOO_SMALL':
      if (issue.facts?.exclusive && issue.facts.limit !== undefined)
        return `${label}须大于 ${amount(issue.facts.limit, field)}`;
      return limit === undefined
        ? `${label}低于可填的范围，请核对是否填错`
        : `${label}不能低于 ${amount(limit, field)}，请核对是否填错`;
    case 'FIELD_TOO_LONG':
      return limit === undefined
        ? `${label}太长了，请精简`
        : `${label}最多 ${limit} ${issue.facts?.unit === 'items' ? '项' : '个字'}`;
    case 'FIELD_TOO_SHORT':
      return limit === undefined
        ? `${label}太短了`
        : `${label}至少 ${limit} ${issue.facts?.unit === 'items' ? '项' : '个字'}`;
    case 'FIELD_FORMAT':
      if (field.input === 'date') return `${label}不是有效的日期，请重新选择`;
      if (field.input === 'time') return `${label}不是有效的时间，请重新选择`;
      return `${label}的格式不正确，请核对`;
    case 'FIELD_ENUM':
      return `请从选项中选择${label}`;
    default:
      // FIELD_NOT_FOUND and FIELD_INVALID come with the checker's own sentence (该员工不在本单位员工档案中); rule codes too.
      return issue.message.zh;
  }
}
