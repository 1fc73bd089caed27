export { COMMANDS, type Command, type CommandLine, parseCommandLine, SEED_FLAGS } from './command-line.js';
export { ConfigError, type ConfigErrorCode, type ConfigIssue, isConfigError } from './config-error.js';
export { describeConfig, maskUrlPassword } from './describe-config.js';
export { loadConfig } from './load-config.js';
export type { DatabaseConfig, DevicesConfig, LogLevel, ServerConfig, SmsConfig, VideoConfig } from './server-config.js';
export { readSettings } from './settings.js';
export { usage } from './usage.js';
export {
  defaultText,
  type FlagValues,
  SERVER_VARIABLES,
  type Settings,
  type Variable,
  type VariableName,
} from './variables.js';
