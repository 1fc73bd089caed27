/** The rule findings placed at their fields: each form field shows the first message whose path starts with it. */
import type { LedgerIssue } from '@brightkitchen/sdk';

export interface FieldMessage {
  readonly text: string;
  readonly severity: 'error' | 'warning';
}

export function issuesByField(
  issues: readonly LedgerIssue[],
  paths: readonly string[],
  /** The sentence of an issue at a form field (`fieldSentence`); the SDK's message otherwise. */
  sentence?: (issue: LedgerIssue, path: string) => string,
): {
  readonly byField: Readonly<Record<string, FieldMessage>>;
  /** Findings about the whole record or a field the form does not show. */
  readonly general: readonly FieldMessage[];
} {
  const byField: Record<string, FieldMessage> = {};
  const general: FieldMessage[] = [];
  for (const issue of issues) {
    const path = paths.find((p) => issue.path === p || issue.path.startsWith(`${p}.`));
    const message: FieldMessage = {
      text: path && sentence ? sentence(issue, path) : issue.message.zh,
      severity: issue.severity === 'error' ? 'error' : 'warning',
    };
    // A whole group missing (no supplier at all) is said at each of its fields (请填写供货者名称 …).
    const members = path ? [] : paths.filter((p) => p.startsWith(`${issue.path}.`));
    if (!path && members.length > 0 && issue.path !== '') {
      for (const member of members) {
        if (!byField[member])
          byField[member] = { ...message, text: sentence ? sentence(issue, member) : issue.message.zh };
      }
    } else if (!path) general.push(message);
    else if (!byField[path] || (byField[path].severity === 'warning' && message.severity === 'error'))
      byField[path] = message;
  }
  return { byField, general };
}
