import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { ProtocolError } from '../api/errors.js';
import { sendError } from './api.js';

const shuttingDown = () =>
  new ProtocolError(503, 'ServiceUnavailableException', 'Ground Station Local is shutting down; send the request again once it is back');

/**
 * Requests that arrive while the server shuts down: each gets a 503 ServiceUnavailableException
 * (not a modelled error, but one every SDK retries), and the connection closes after the last one.
 * Pipelined requests arrive together, so the answers wait a turn: by then every request already
 * read from a connection is known, and only the last one's answer says `Connection: close`.
 */
export class ShutdownRefusals {
  private readonly latest = new WeakMap<Socket, FastifyRequest>();

  refuse(request: FastifyRequest, reply: FastifyReply): void {
    const socket = request.raw.socket;
    this.latest.set(socket, request);
    setImmediate(() => {
      // fastify marks every request that arrives while closing; only the connection's last may say so.
      if (this.latest.get(socket) === request) reply.header('connection', 'close');
      else reply.raw.removeHeader('connection');
      sendError(reply, shuttingDown());
    });
  }
}
