/** The rule findings placed at their fields: each form field shows the first message whose path starts with it. */
import type { LedgerIssue } from '@brightkitchen/sdk';

export interface FieldMessage {
  readonly text: string;
  readonly severity: 'error' | 'warning';
}

export function issuesByField(
  issues: readonly LedgerIssue[],
  paths: readonly string[],
): {
  readonly byField: Readonly<Record<string, FieldMessage>>;
  /** Findings about the whole record or a field the form does not show. */
  readonly general: readonly FieldMessage[];
} {
  const byField: Record<string, FieldMessage> = {};
  const general: FieldMessage[] = [];
  for (const issue of issues) {
    const message: FieldMessage = {
      text: issue.message.zh,
      severity: issue.severity === 'error' ? 'error' : 'warning',
    };
    const path = paths.find((p) => issue.path === p || issue.path.startsWith(`${p}.`));
    if (!path) general.push(message);
    else if (!byField[path] || (byField[path].severity === 'warning' && message.severity === 'error'))
      byField[path] = message;
  }
  return { byField, general };
}
