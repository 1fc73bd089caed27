/**
 * The viewers of `bench:video` as their own process, so the load runs on its own core (`taskset -c 1`):
 * `tsx bench/video/viewers-cli.ts URLS_FILE COUNT SECONDS` prints the load's figures as JSON.
 */
import { readFileSync } from 'node:fs';
import { watch } from './viewers.js';

const [file = '', count = '1', seconds = '10'] = process.argv.slice(2);
const urls = readFileSync(file, 'utf8').split('\n').filter(Boolean);
const load = await watch((i) => urls[i % urls.length] ?? '', Number(count), Number(seconds));
process.stdout.write(JSON.stringify(load));
