import type { FastifyReply, FastifyRequest } from 'fastify';

/** The JSON body of an admin request, or undefined if there is none or it is not JSON. */
export function jsonBody(request: FastifyRequest): { value: unknown } | undefined {
  const body = request.body as Buffer | undefined;
  try {
    return { value: JSON.parse(body?.toString('utf8') ?? '') };
  } catch {
    return undefined;
  }
}

/** An admin refusal: the status and a JSON `{message}` saying why. */
export function refuse(reply: FastifyReply, statusCode: number, message: string): FastifyReply {
  return reply.code(statusCode).header('content-type', 'application/json').send(JSON.stringify({ message }));
}
