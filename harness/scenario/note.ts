import { z } from 'zod';
import { jsonAttachment } from './json-attachment.ts';

/**
 * A sentence that offers alternatives ("Hover over or click your profile name") holds when one of them works; an
 * alternative that does not is a note beside the step: neither a drift nor a failure, so no verdict counts it, but
 * every report shows it with the step ("Hovering over the profile name opens nothing; a click does.").
 */
export const noteRecordSchema = z.object({
  /** The guide step whose sentence offered the alternatives. */
  guideStep: z.string().min(1),
  /** What the alternative that failed did, and which one worked, in one sentence a stakeholder reads. */
  says: z.string().min(1),
});

export type NoteRecord = z.infer<typeof noteRecordSchema>;

export const NOTE_ATTACHMENT = 'guide-note';
/** Its own media type: Cucumber JSON keeps no attachment names, and its reader takes plain JSON as outcome records. */
export const NOTE_MEDIA_TYPE = 'application/vnd.guide-note+json';
/** The annotation type of the Playwright HTML report, shown at the top of the test. */
export const NOTE_LABEL = 'guide note';

export const { body: noteBody, read: readNoteBody } = jsonAttachment(noteRecordSchema, 'a note of a guide step');

export const noteLine = (note: NoteRecord): string => `Note: ${note.says}`;

/** Each note once, in the order first met: the same alternative failing in several scenarios is one note. */
export function distinctNotes(notes: readonly NoteRecord[]): NoteRecord[] {
  const seen = new Set<string>();
  return notes.filter((note) => {
    const key = `${note.guideStep}\n${note.says}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
