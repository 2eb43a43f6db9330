// Today's date on the installation's clock (core), as records and registry dates are compared.
import dayjs from 'dayjs';
import type { Installation } from './app/installation';

export function today(inst: Installation): string {
  return dayjs(inst.clock.now()).format('YYYY-MM-DD');
}
