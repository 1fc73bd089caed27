/** Field issues in the shape the SDK uses (`FieldIssue`), from Ajv errors or valibot parse results. */
import type { FieldIssue } from '@brightkitchen/sdk';

interface AjvLikeError {
  readonly keyword?: string;
  readonly instancePath?: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
}

const KEYWORD_ZH: Readonly<Record<string, string>> = {
  required: '缺少必填字段',
  type: '类型错误',
  enum: '取值不在允许范围内',
  const: '取值不正确',
  minLength: '内容过短',
  maxLength: '内容过长',
  minimum: '数值过小',
  maximum: '数值过大',
  format: '格式错误',
  pattern: '格式错误',
  additionalProperties: '包含不允许的字段',
  minItems: '项目过少',
  maxItems: '项目过多',
};

export function ajvErrorsToIssues(errors: readonly AjvLikeError[], context?: string): FieldIssue[] {
  return errors.map((e) => {
    const base = (e.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const missing = e.keyword === 'required' ? String(e.params?.missingProperty ?? '') : '';
    const extra = e.keyword === 'additionalProperties' ? String(e.params?.additionalProperty ?? '') : '';
    const leaf = missing || extra;
    const path = [context && context !== 'body' ? context : '', base, leaf].filter(Boolean).join('.');
    const keyword = e.keyword ?? 'invalid';
    return {
      code: `SCHEMA_${keyword.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
      path,
      message: { zh: KEYWORD_ZH[keyword] ?? '字段不合法', en: e.message ?? 'invalid' },
    };
  });
}
