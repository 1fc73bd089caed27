/** The script's work, callable in-process: options → client with a partner key → table on `write`. */
import { createNodeClient } from '@brightkitchen/sdk/node';
import { districtGrades, findRegion } from './district-grades.js';
import { gradesTable } from './grades-table.js';
import { readOptions, USAGE } from './options.js';

export interface ReportIo {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly write: (text: string) => void;
}

/** 0 on success (and for --help); 2 for missing or unknown options; 1 when the region is unknown. Errors of the API are thrown. */
export async function runReport({ argv, env, write }: ReportIo): Promise<number> {
  const read = readOptions(argv, env);
  if (!read.ok) {
    write([USAGE, ...read.problems, ''].join('\n'));
    return read.help ? 0 : 2;
  }
  const { baseURL, keyId, secret, region: wanted } = read.options;
  const client = createNodeClient({ baseURL, auth: { kind: 'partner', keyId, secret }, outbox: { autoStart: false } });
  try {
    const region = await findRegion(client, wanted);
    if (!region) {
      write(`未找到区域 / no region: ${wanted}\n`);
      return 1;
    }
    const items = await districtGrades(client, region.id);
    write(`${region.name} (${region.code}) — ${items.length} 家场所 / venues\n\n${gradesTable(items)}\n`);
    return 0;
  } finally {
    client.close();
  }
}
