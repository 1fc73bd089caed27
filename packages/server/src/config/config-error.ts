/** A refused configuration: every bad value or flag at once, each with what would have been accepted. */

export type ConfigErrorCode = 'CONFIG_INVALID' | 'COMMAND_LINE_INVALID';

export interface ConfigIssue {
  /** Where the value came from: a variable (`BK_PORT`), a flag (`--port`) or a command (`serve`). */
  readonly source: string;
  /** The variable a flag sets (`--port` → `BK_PORT`). */
  readonly variable?: string;
  /** The refused text; absent for secrets, which are never echoed. */
  readonly value?: string;
  /** A secret was refused: its value is left out on purpose. */
  readonly hidden?: true;
  /** What went wrong when it is not the value itself: `unknown flag`, `needs a value`. */
  readonly problem?: string;
  /** What is accepted instead. */
  readonly accepts: string;
}

const HEADLINES: Readonly<Record<ConfigErrorCode, string>> = {
  CONFIG_INVALID: 'configuration refused 配置有误',
  COMMAND_LINE_INVALID: 'command line refused 命令行参数有误',
};

function issueLine(issue: ConfigIssue): string {
  const value = issue.value !== undefined ? ` "${issue.value}"` : issue.hidden ? ' (value hidden)' : '';
  const variable = issue.variable && issue.variable !== issue.source ? ` (${issue.variable})` : '';
  const problem = issue.problem ? `${issue.problem}; ` : '';
  // `accepts` is written for the README (markdown); a terminal shows it without the backticks.
  return `  ${issue.source}${value}${variable}: ${problem}expected ${issue.accepts.replaceAll('`', '')}`;
}

export class ConfigError extends Error {
  readonly code: ConfigErrorCode;
  readonly issues: readonly ConfigIssue[];

  constructor(code: ConfigErrorCode, issues: readonly ConfigIssue[]) {
    super(`${HEADLINES[code]}:\n${issues.map(issueLine).join('\n')}`);
    this.name = 'ConfigError';
    this.code = code;
    this.issues = issues;
  }

  toJSON(): { code: ConfigErrorCode; message: string; issues: readonly ConfigIssue[] } {
    return { code: this.code, message: this.message, issues: this.issues };
  }
}

/** True for a ConfigError, also one from another copy of this module (checked by shape, not instanceof). */
export function isConfigError(value: unknown): value is ConfigError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ConfigError>;
  return (
    candidate.name === 'ConfigError' &&
    (candidate.code === 'CONFIG_INVALID' || candidate.code === 'COMMAND_LINE_INVALID') &&
    Array.isArray(candidate.issues)
  );
}
