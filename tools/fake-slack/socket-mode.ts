/**
 * Slack's Socket Mode, faked on loopback: `apps.connections.open` (answered by the fake Slack) hands out a
 * `ws://` URL on the fake Slack's own port; on connection the server says `hello`, then sends envelopes
 * (`slash_commands`, `interactive`, `events_api`) and resolves each with the payload the bot acked it with.
 * `disconnect()` asks the bot to reconnect, as Slack does when it recycles a connection.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export interface SocketEnvelope {
  type: 'slash_commands' | 'interactive' | 'events_api';
  payload: Record<string, unknown>;
  /** the same id again is how Slack redelivers an envelope it got no ack for */
  envelopeId?: string;
}

export class FakeSocketMode {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #acks = new Map<string, (payload: Record<string, unknown>) => void>();
  #socket: WebSocket | undefined;
  #seq = 0;
  /** connections opened so far (a reconnect adds one) */
  connections = 0;

  /** Takes over an HTTP upgrade to the socket path. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      this.#socket = ws;
      this.connections++;
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
        if (message.envelope_id) this.#acks.get(message.envelope_id)?.(message.payload ?? {});
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-socket-mode' }, connection_info: { app_id: 'A0COR' } }));
    });
  }

  /** Waits until `count` connections have been opened (the first, or one after a reconnect). */
  async connected(count = 1, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.connections < count || this.#socket?.readyState !== 1) {
      if (Date.now() > deadline) throw new Error(`fake Socket Mode: ${count} connection(s) not opened in time`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Sends one envelope; resolves with what the bot acked it with. */
  send(envelope: SocketEnvelope): Promise<Record<string, unknown>> {
    const socket = this.#socket;
    if (!socket || socket.readyState !== 1) return Promise.reject(new Error('fake Socket Mode: the bot is not connected'));
    const id = envelope.envelopeId ?? `env-${++this.#seq}`;
    const acked = new Promise<Record<string, unknown>>((resolve) => this.#acks.set(id, resolve));
    socket.send(
      JSON.stringify({
        envelope_id: id,
        type: envelope.type,
        payload: envelope.payload,
        accepts_response_payload: envelope.type !== 'events_api',
        ...(envelope.type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
      }),
    );
    return acked;
  }

  /** Slack recycling the connection: the bot is told to reconnect. */
  disconnect(): void {
    this.#socket?.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake-socket-mode' } }));
  }

  close(): void {
    for (const client of this.#wss.clients) client.terminate();
    this.#wss.close();
  }
}
