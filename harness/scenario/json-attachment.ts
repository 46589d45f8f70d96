import { z } from 'zod';

/**
 * How a typed record travels with a test result: as JSON checked against its schema on the way out, and read back
 * checked again, so that a body that is not one is an error naming where it was read, never something to skip.
 */
export function jsonAttachment<T>(schema: z.ZodType<T>, what: string) {
  return {
    body: (record: T): string => JSON.stringify(schema.parse(record)),
    read: (body: string, where: string): T => {
      const parsed = schema.safeParse(JSON.parse(body));
      if (!parsed.success) throw new Error(`${where}: not ${what}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    },
  };
}
