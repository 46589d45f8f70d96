/**
 * Which failed checks of a run are one cause. A change of the site fails the check that meets it, and often the
 * checks after it in the same scenario: a device that the site forgot to sign out is "still signed in" on its next
 * page load, and its sign in page then "says nothing about why". Reporting each as its own cause repeats one change
 * three times. The rules, the same in the terminal and in the "what changed" digest:
 * - checks that failed with the same key (causeKey, findingKey) are one cause, in whichever scenario;
 * - in one scenario, a failed check of the same guide step as an earlier failed one is that one's consequence,
 *   unless it names a change of its own (a renamed, moved or missing control): that is a cause wherever it is met.
 * A cause is told by the first check that met it, in the order the scenarios ended.
 */
export interface FailedCheck {
  key: string;
  guideStep: string;
  /** It names a change of its own (a record with a rewrite): never folded into an earlier check. */
  namesAChange: boolean;
}

export interface CauseGroup<C extends FailedCheck> {
  /** The check that tells the cause: the first met. */
  first: C;
  /** Every failed check folded into it, the first included; one per key. */
  checks: C[];
  /** The guide steps of every check folded into it, wherever met. */
  guideSteps: string[];
  /** The indexes of the scenarios it failed, in the order given. */
  scenarios: number[];
}

/** The causes of a run's failed scenarios, each given as its failed checks in the order they failed. */
export function groupCauses<C extends FailedCheck>(scenarios: C[][]): CauseGroup<C>[] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    const up = parent.get(key);
    if (up === undefined || up === key) return key;
    const root = find(up);
    parent.set(key, root);
    return root;
  };
  const join = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const checks of scenarios) {
    checks.forEach((check, i) => {
      if (check.namesAChange) return;
      const earlier = checks.slice(0, i).find((e) => e.guideStep === check.guideStep);
      if (earlier) join(earlier.key, check.key);
    });
  }
  const groups = new Map<string, CauseGroup<C>>();
  scenarios.forEach((checks, index) => {
    for (const check of checks) {
      const root = find(check.key);
      const group = groups.get(root) ?? { first: check, checks: [], guideSteps: [], scenarios: [] };
      groups.set(root, group);
      if (!group.checks.some((c) => c.key === check.key)) group.checks.push(check);
      if (!group.guideSteps.includes(check.guideStep)) group.guideSteps.push(check.guideStep);
      if (!group.scenarios.includes(index)) group.scenarios.push(index);
    }
  });
  return [...groups.values()];
}
