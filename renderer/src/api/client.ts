/**
 * The renderer's door to the contract. One typed proxy over one transport: window.api.invoke
 * in Electron, HTTP in the browser mode, a direct call in tests. Screens cannot tell which.
 * Imports only types from db/.
 */
import type { ApiClient, Envelope } from '@db/api';
import type { SerializedAppError } from '@db/errors';

export type Transport = (name: string, input: unknown) => Promise<Envelope<unknown>>;

/** The error a client throws when the contract answers with an error envelope. */
export class ApiError extends Error {
  readonly code: SerializedAppError['code'];
  readonly localized: SerializedAppError['message'];
  readonly fields: string[];

  constructor(error: SerializedAppError) {
    super(error.message.en);
    this.name = 'ApiError';
    this.code = error.code;
    this.localized = error.message;
    this.fields = error.fields ?? [];
  }
}

/** A record that is not there (or an address that names none): its page says so, no error box. */
export const isMissing = (error: unknown): boolean => error instanceof ApiError && (error.code === 'not_found' || error.code === 'invalid_input');

export function createClient(transport: Transport): ApiClient {
  return new Proxy({} as ApiClient, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      return async (input?: unknown) => {
        const envelope = await transport(name, input);
        if (!envelope.ok) throw new ApiError(envelope.error);
        return envelope.value;
      };
    },
  });
}
