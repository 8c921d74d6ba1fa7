/**
 * The words the pages use for the engine's keys, one list each (docs/ARCHITECTURE.md, "Where to
 * change what"): weekdays, months, categories. English only for now; a translation replaces these.
 */
import type { Category, Weekday } from './types';

export const WEEKDAY_SHORT: Readonly<Record<Weekday, string>> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };
export const WEEKDAY_LONG: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
export const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export const MONTH_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** A category as a heading or a label: "Practice management and billing". */
export const CATEGORY_NAMES: Readonly<Record<Category, string>> = {
  ehr: 'EHR',
  practice: 'Practice management and billing',
  telehealth: 'Telehealth',
  email: 'Email and secure messaging',
};

/** A category in a sentence, plural, as a clinician says it: "all EHRs", "all telehealth". */
export const CATEGORY_WORDS: Readonly<Record<Category, string>> = {
  ehr: 'EHRs',
  practice: 'practice management and billing',
  telehealth: 'telehealth',
  email: 'email and messaging',
};
