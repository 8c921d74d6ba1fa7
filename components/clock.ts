/**
 * The clinician's clock in a page (docs/ARCHITECTURE.md, "Time"): the settings' `clock` in the
 * browser's language, which is what decides 5:00 PM or 17:00 when the choice is left to it.
 */
import { type Clock, type ClockChoice, clockOf } from '@/utils/clock';

export const pageClock = (choice: ClockChoice): Clock => clockOf(choice, navigator.language);
