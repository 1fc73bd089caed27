#!/usr/bin/env node
/** `bk-questions import FILE [--region CODE|ID] [--skip-invalid] [--dry-run]`: see import-command.ts. */
import { loadConfig } from '../config.js';
import { migrateToLatest, openDatabase } from '../db/index.js';
import { runImportCommand } from './import-command.js';

async function main(argv: readonly string[]): Promise<number> {
  const config = loadConfig(process.env, {});
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database);
    return await runImportCommand(database, argv, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    });
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
