/** The renditions of the bundled site: the first (pages sent by a script to a JSON API), and a classic one. */
export const SITE_RENDITIONS = ['flickbox', 'classic'] as const;
export type SiteRendition = (typeof SITE_RENDITIONS)[number];
