/** The clock most engine tests write in: 24 hours, in British English ("09:00", "24:00"). */
import { clockOf } from '@/utils/clock';

export const CLOCK_24H = clockOf('24h', 'en-GB');
