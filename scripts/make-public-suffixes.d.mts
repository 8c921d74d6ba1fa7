/** Types of scripts/make-public-suffixes.mjs, for its tests. */
export declare const DATA_FILE: string;
export declare function encodePublicSuffixes(): { rules: string; exceptions: string };
export declare function dataModule(): string;
export declare function listedNames(): string[];
