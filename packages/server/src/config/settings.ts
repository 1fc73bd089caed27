/** The start-up check: the environment and the flags against the table, every refused value reported at once. */
import * as v from 'valibot';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { type FlagValues, type Settings, variableEntries } from './variables.js';

/**
 * Checks every BK_* variable of `env`, with `flags` winning over it. An unset or empty (blank) value means
 * the default. Throws a `ConfigError` naming each refused variable (or flag) and what it accepts.
 */
export function readSettings(env: Readonly<Record<string, string | undefined>>, flags: FlagValues = {}): Settings {
  const settings: Record<string, unknown> = {};
  const issues: ConfigIssue[] = [];
  for (const [name, variable] of variableEntries()) {
    const fromFlag = flags[name] !== undefined;
    const given = (fromFlag ? flags[name] : env[name])?.trim() || undefined;
    const text = given ?? variable.fallback;
    if (text === undefined) continue;
    const parsed = v.safeParse(variable.schema, text);
    if (parsed.success) {
      settings[name] = parsed.output;
      continue;
    }
    issues.push({
      source: fromFlag && variable.flag ? `--${variable.flag}` : name,
      variable: name,
      ...(variable.secret ? { hidden: true } : { value: text }),
      accepts: variable.accepts,
    });
  }
  if (issues.length > 0) throw new ConfigError('CONFIG_INVALID', issues);
  return settings as Settings;
}
