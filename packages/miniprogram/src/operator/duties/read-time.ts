/** When a duty was published or read, in the venue's zone. */
import { inZone } from '@brightkitchen/sdk';

export function localTime(instant: string, timeZone: string | undefined): string {
  return inZone(instant, timeZone ?? 'Asia/Shanghai').format('YYYY-MM-DD HH:mm');
}
