/**
 * Where a run writes its reports: `reports/`, or GUIDE_REPORTS_DIR for a run that must not overwrite another's
 * (scripts/sharding-check.ts runs the same selection twice, side by side with whatever else is running).
 */
export const REPORTS_DIR = (process.env.GUIDE_REPORTS_DIR || 'reports').replace(/\/$/, '');
