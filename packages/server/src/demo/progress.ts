/** The seeding progress line: rewritten in place on a terminal, one line per phase otherwise. */
import type { SeedProgress } from './seed.js';

const LABELS: Readonly<Record<SeedProgress['phase'], string>> = {
  regions: '地区 regions',
  venues: '单位 venues',
  accounts: '账号 accounts',
  ledgers: '台账 ledgers',
  activity: '评价/告知书/投诉 activity',
  done: '完成 done',
};

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (progress: SeedProgress) => void {
  let lastPhase = '';
  let lastPercent = -1;
  return ({ phase, done, total }) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    const line = `[seed] ${LABELS[phase]} ${done}/${total} (${percent}%)`;
    if (stream.isTTY) {
      stream.write(`\r${line.padEnd(60)}${phase === 'done' ? '\n' : ''}`);
      return;
    }
    // Without a terminal: a line per phase and per quarter of the long phases.
    const quarter = Math.floor(percent / 25);
    if (phase !== lastPhase || quarter !== lastPercent) stream.write(`${line}\n`);
    lastPhase = phase;
    lastPercent = quarter;
  };
}
