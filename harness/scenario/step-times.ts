import { z } from 'zod';
import { jsonAttachment } from './json-attachment.ts';

/**
 * Where a scenario's time went, guide step by guide step: the whole step, and of it the accessibility scans, the
 * step's picture, its look picture and the waits for the site's answers. Stored with the result only when a run asks (GUIDE_STEP_TIMES=on: the
 * benchmark's, commands/bench/), so that its page can say which sentence of the guide costs what.
 */
export const STEP_TIMES_ATTACHMENT = 'guide-step-times';
export const STEP_TIMES_MEDIA_TYPE = 'application/vnd.guide-step-times+json';

const stepTimeSchema = z.strictObject({
  guideStep: z.string().min(1),
  /** From the step's start to the end of its picture, everything below included. */
  ms: z.number().nonnegative(),
  scanMs: z.number().nonnegative(),
  pictureMs: z.number().nonnegative(),
  lookMs: z.number().nonnegative(),
  /** Waiting for the site's answer after its first sign, as a person waits (pages/support/forms.ts answerWaitMs). */
  waitMs: z.number().nonnegative().default(0),
});
export type GuideStepTime = z.infer<typeof stepTimeSchema>;

export const { body: stepTimesBody, read: readStepTimesBody } = jsonAttachment(
  z.array(stepTimeSchema),
  'a list of guide step times',
);

/** Whether this run stores its scenarios' step times (the benchmark's runs). */
export const stepTimesWanted = (env: NodeJS.ProcessEnv = process.env) => env.GUIDE_STEP_TIMES === 'on';

type Part = 'scanMs' | 'pictureMs' | 'lookMs' | 'waitMs';

/** The clock of one scenario's guide steps: begin, the parts as they happen, end. */
export class StepTimes {
  readonly #now: () => number;
  #current: (Omit<GuideStepTime, 'ms'> & { started: number }) | undefined;
  readonly #done: GuideStepTime[] = [];

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  begin(guideStep: string): void {
    this.#current = { guideStep, started: this.#now(), scanMs: 0, pictureMs: 0, lookMs: 0, waitMs: 0 };
  }

  /** Times one part of the current step (none: the task runs untimed). */
  async part<T>(part: Part, task: () => Promise<T>): Promise<T> {
    const current = this.#current;
    const started = this.#now();
    try {
      return await task();
    } finally {
      if (current) current[part] += this.#now() - started;
    }
  }

  /** A part measured elsewhere (the scan's own clock, harness/scenario/accessibility.ts). */
  add(part: Part, ms: number): void {
    if (this.#current) this.#current[part] += ms;
  }

  end(): void {
    const current = this.#current;
    this.#current = undefined;
    if (!current) return;
    const { started, ...parts } = current;
    this.#done.push({ ...parts, ms: this.#now() - started });
  }

  get times(): GuideStepTime[] {
    return [...this.#done];
  }
}
