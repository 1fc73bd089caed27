#!/usr/bin/env node
/**
 * `bk-convert --vendor NAME [--topic TOPIC] [FILE]`: what a vendor uses to check its payloads. The input is
 * read as bytes (a recorded alertStream holds binary JPEG parts).
 */
import { readFile } from 'node:fs/promises';
import { parseConvertArgs, runConvert, USAGE } from './run.js';

async function readInput(file: string | undefined): Promise<Uint8Array> {
  if (file !== undefined && file !== '-') return new Uint8Array(await readFile(file));
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function main(): Promise<number> {
  const args = parseConvertArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 1;
  }
  let input: Uint8Array = new Uint8Array();
  if (!args.help && args.vendor !== undefined) {
    try {
      input = await readInput(args.file);
    } catch (error) {
      process.stderr.write(`cannot read ${args.file ?? 'stdin'}: ${error instanceof Error ? error.message : error}\n`);
      return 1;
    }
  }
  const outcome = runConvert(args, input, new Date().toISOString());
  for (const line of outcome.stdout) process.stdout.write(`${line}\n`);
  for (const line of outcome.stderr) process.stderr.write(`${line}\n`);
  return outcome.exitCode;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
