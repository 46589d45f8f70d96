/**
 * The renditions of the bundled site: the first (pages sent by a script to a JSON API), a classic one (plain forms),
 * and the classic one written with web components (a custom element's shadow root, a `<details>` menu).
 */
export const SITE_RENDITIONS = ['flickbox', 'classic', 'components'] as const;
export type SiteRendition = (typeof SITE_RENDITIONS)[number];
