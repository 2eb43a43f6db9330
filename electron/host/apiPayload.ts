// The body of a web-host API call (Node, web host): a JSON object with a session and the input.
import { z } from 'zod';

const payloadSchema = z.object({
  // A session that is not a string cannot be one of ours: the call goes on as not logged in.
  session: z.string().optional().catch(undefined),
  input: z.unknown().optional(),
});

export type ApiPayload = z.output<typeof payloadSchema>;

/** The payload, or null when the body is not JSON or not an object (null, an array, a number…). */
export function parsePayload(body: string): ApiPayload | null {
  let json: unknown;
  try {
    json = JSON.parse(body || '{}');
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
