/**
 * What the popup remembers of the weekly review (docs/ARCHITECTURE.md, "History"): the Monday of
 * the week last reviewed, so a review is shown once per week, and of the week the "plan a day
 * off" suggestion was last shown in, so it comes at most weekly. Local, never synced.
 */
import { defineItem } from './item';
import type { LocalDate } from '@/utils/types';

export const reviewedWeekItem = defineItem<LocalDate>('local:reviewedWeek');
export const dayOffSuggestedItem = defineItem<LocalDate>('local:dayOffSuggested');
