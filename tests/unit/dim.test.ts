import { describe, expect, it } from 'vitest';
import { DIM_FILTER, dimStylesheet, LIFT_ATTRIBUTE } from '@/utils/dim';

describe('the first-frame dim stylesheet', () => {
  it('dims the whole page with the filter the guard veil uses, unless the guard lifted it', () => {
    const css = dimStylesheet();
    expect(css).toContain(`html:not([${LIFT_ATTRIBUTE}]) {`);
    expect(css).toContain(`filter: ${DIM_FILTER} !important;`);
    // One rule only: nothing else on the page is touched.
    expect(css.replace(/\/\*[\s\S]*?\*\//g, '').match(/\{/g)).toHaveLength(1);
  });
});
