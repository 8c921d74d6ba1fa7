/**
 * The month abbreviations of `shortDate` (utils/clock.ts). Every other name the pages show —
 * weekdays, months in full, categories, actions — is a message in the browser's language
 * (`d_mon`, `day_mon`, `month_1`, `cat_ehr`, `catName_ehr`, `actName_block`; docs/ARCHITECTURE.md,
 * "Languages").
 */
export const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
