/** `bk-server --help`, written from the table, so it lists exactly what is accepted. */
import { COMMANDS, SEED_FLAGS } from './command-line.js';
import { defaultText, variableEntries } from './variables.js';

const plain = (markdown: string) => markdown.replaceAll('`', '');

function columns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
}

export function usage(): string {
  const entries = variableEntries();
  const flagRows = entries.flatMap(([name, variable]) =>
    variable.flag ? [[`--${variable.flag} ${variable.flagValue ?? 'VALUE'}`, `sets ${name}`] as const] : [],
  );
  const seedRows = Object.entries(SEED_FLAGS).map(([flag, { description }]) => [`--${flag} N`, description] as const);
  const variableRows = entries.map(
    ([name, variable]) => [name, `${plain(variable.description)} Default: ${plain(defaultText(variable))}.`] as const,
  );
  return [
    'Usage: bk-server [start|migrate|seed] [flags]',
    '',
    'Commands:',
    ...columns(Object.entries(COMMANDS)),
    '',
    'Flags (a flag wins over its variable):',
    ...columns([...flagRows, ['-h, --help', 'print this text']]),
    '',
    'Flags of seed:',
    ...columns(seedRows),
    '',
    'Environment (unset or empty: the default; README.md "Configuration" says what each accepts):',
    ...columns(variableRows),
    '',
  ].join('\n');
}
