/** GUIDE_EVIDENCE's choices (harness/config/speed-options.ts). */
export type EvidenceChoice = 'each-step' | 'every-step' | 'failures';

/** Whether a scenario takes the picture of a guide step that just ended, and noting the ones it took. */
export interface ScenarioPictures {
  wanted(name: string, failed: boolean): boolean;
  taken(name: string): void;
}

/**
 * Which guide-step pictures a worker (or a cucumber-js run) takes. Readers need one picture per guide step, which
 * the illustrated guide takes from a `@guide-path` scenario first (harness/reporting/evidence-choice.ts), and a
 * picture of every failure; the shareable Allure report drops every other passing scenario's picture
 * (harness/reporting/allure-results.ts keptAttachments). A `@gap` scenario's own last picture shows what the guide
 * leaves out (harness/reporting/guide-gaps.ts). So by default (GUIDE_EVIDENCE=each-step) a step is pictured in a
 * scenario with one of the `alwaysPictured` tags and where it failed, always, and elsewhere only the first time it
 * passes in this worker: a copy per scenario costs a screenshot and adds nothing. One instance per worker or run,
 * never shared through module state.
 */
export class StepPictures {
  readonly #evidence: EvidenceChoice;
  readonly #alwaysPictured: ReadonlySet<string>;
  readonly #taken = new Set<string>();

  /** `alwaysPictured`: tags (without "@") of the scenarios whose every guide-step picture a report shows. */
  constructor(evidence: EvidenceChoice, alwaysPictured: readonly string[]) {
    this.#evidence = evidence;
    this.#alwaysPictured = new Set(alwaysPictured);
  }

  /** The pictures of one scenario, by its tags (with or without "@"). */
  forScenario(tags: readonly string[]): ScenarioPictures {
    const always = tags.some((tag) => this.#alwaysPictured.has(tag.replace(/^@/, '')));
    return {
      wanted: (name, failed) => {
        if (failed || this.#evidence === 'every-step') return true;
        if (this.#evidence === 'failures') return false;
        return always || !this.#taken.has(name);
      },
      taken: (name) => {
        this.#taken.add(name);
      },
    };
  }
}

/** A scenario built without a worker's memory (a unit test, a tool): every guide step pictured. */
export const EVERY_PICTURE: ScenarioPictures = { wanted: () => true, taken: () => undefined };

/**
 * How a guide step's picture is encoded. JPEG at quality 80: on the mock's home page (1280×720, pictures) Chromium
 * takes it in 29 ms and 26 KB against 108 ms and 210 KB as PNG, on a plain form page about the same (32 ms against
 * 34 ms; load 7, 25 shots each, see docs/benchmark.md). Text and outlines stay sharp enough to read at full size.
 */
export const PICTURE_FORMAT = { type: 'jpeg', quality: 80, mediaType: 'image/jpeg', extension: '.jpg' } as const;

/** A picture's media type from its first bytes: an evidence file may be a JPEG or (from older runs) a PNG. */
export function imageTypeOf(data: Buffer): 'image/jpeg' | 'image/png' {
  return data[0] === 0xff && data[1] === 0xd8 ? 'image/jpeg' : 'image/png';
}
