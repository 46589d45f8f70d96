// The types of allure-categories.mjs, for TypeScript readers (tests/unit/outcome.test.ts).
export declare const DRIFT_CATEGORY_KINDS: string[];
export declare const DRIFT_LABEL: string;
export declare const DRIFT_STEP_LABEL: string;
export declare const CATEGORY_RULES: { id: string; name: string; matchers: object }[];
export declare const FINDING_LABEL: string;
export declare const FINDING_CATEGORY_CLASSES: string[];
