/**
 * Who the playground is asking as: the token of the chosen persona (or a pasted one) and the
 * declared purpose. Kept outside React so that GraphiQL's fetcher, created once, always reads the
 * current values.
 */
export interface PlaygroundSession {
  token: string | null;
  /** Who the token speaks for, as shown in the picker. */
  signedInAs: string | null;
  /** The MASH enquiry declared as the purpose (sent as x-mash-purpose). */
  purpose: string | null;
}

export const PURPOSE_HEADER = "x-mash-purpose";

type Listener = () => void;

export class SessionStore {
  #state: PlaygroundSession = { token: null, signedInAs: null, purpose: null };
  readonly #listeners = new Set<Listener>();

  get = (): PlaygroundSession => this.#state;

  set(change: Partial<PlaygroundSession>): void {
    this.#state = { ...this.#state, ...change };
    for (const listener of this.#listeners) listener();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The headers every request carries for this session. */
  headers(): Record<string, string> {
    const { token, purpose } = this.#state;
    return {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(purpose ? { [PURPOSE_HEADER]: purpose } : {}),
    };
  }
}
