import { useGraphiQL } from "@graphiql/react";
import { type ChangeEvent, useEffect, useState, useSyncExternalStore } from "react";
import { PURPOSE_SUBJECT_VARIABLE } from "./example-operations.js";
import {
  type EnquiryOption,
  fetchDevToken,
  fetchEnquiries,
  fetchPersonas,
  type PersonaSummary,
} from "./gateway-api.js";
import type { SessionStore } from "./session.js";
import { useSubjectVariable } from "./subject-variable.js";

/** Personas not loaded yet (undefined), or not offered by this gateway (null). */
type PersonaList = PersonaSummary[] | null | undefined;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The bar above GraphiQL: sign in as a development persona (or paste a token where the gateway
 * trusts a real identity provider), then declare one of that practitioner's enquiries as the
 * purpose. Every operation GraphiQL runs carries both.
 */
export function PersonaPicker({ session }: { session: SessionStore }) {
  const state = useSyncExternalStore(session.subscribe, session.get);
  const [personas, setPersonas] = useState<PersonaList>(undefined);
  const [persona, setPersona] = useState("");
  const [enquiries, setEnquiries] = useState<EnquiryOption[]>([]);
  const [status, setStatus] = useState("Choose a persona to sign in.");
  const fillSubject = useSubjectVariable(PURPOSE_SUBJECT_VARIABLE);
  const schema = useGraphiQL((graphiql) => graphiql.schema);

  useEffect(() => {
    fetchPersonas()
      .then((list) => {
        setPersonas(list);
        if (!list) setStatus("Paste an access token from your identity provider.");
      })
      .catch((error: unknown) => setStatus(messageOf(error)));
  }, []);

  const signIn = async (token: string | null, who: string | null) => {
    session.set({ token, signedInAs: who, purpose: null });
    setEnquiries([]);
    if (!token) {
      setStatus("Not signed in: only unprotected fields answer.");
      return;
    }
    try {
      const found = await fetchEnquiries(token);
      setEnquiries(found);
      setStatus(
        found.length > 0
          ? `Signed in as ${who}. Choose a purpose to see more than identity and "known".`
          : `Signed in as ${who}, who takes part in no enquiry.`,
      );
    } catch (error) {
      setStatus(`Signed in as ${who}, but the enquiries did not load: ${messageOf(error)}`);
    }
  };

  const choosePersona = async (event: ChangeEvent<HTMLSelectElement>) => {
    const key = event.target.value;
    setPersona(key);
    // The previous persona's enquiries and purpose go at once, not when the new token arrives:
    // until then neither may be chosen under the new name.
    session.set({ token: null, signedInAs: null, purpose: null });
    setEnquiries([]);
    const chosen = personas?.find((candidate) => candidate.key === key);
    if (!chosen) return signIn(null, null);
    setStatus(`Signing in as ${chosen.displayName}…`);
    try {
      await signIn(await fetchDevToken(chosen.key), `${chosen.displayName} (${chosen.agency})`);
    } catch (error) {
      setStatus(messageOf(error));
    }
  };

  const choosePurpose = (event: ChangeEvent<HTMLSelectElement>) => {
    const enquiry = enquiries.find((candidate) => candidate.id === event.target.value);
    session.set({ purpose: enquiry?.id ?? null });
    if (enquiry) {
      fillSubject(enquiry.subjectId, { overwrite: true });
      setStatus(`Signed in as ${state.signedInAs}, for enquiry ${enquiry.id}.`);
    }
  };

  return (
    <section className="mash-picker" aria-label="Who is asking">
      <strong className="mash-picker-title">MASH Graph playground</strong>
      {personas === null ? (
        <label>
          Access token
          <input
            type="password"
            autoComplete="off"
            placeholder="paste a bearer token"
            onChange={(event) => void signIn(event.target.value.trim() || null, "your token")}
          />
        </label>
      ) : (
        <label>
          Persona
          <select name="persona" value={persona} onChange={choosePersona}>
            <option value="">(anonymous)</option>
            {(personas ?? []).map((candidate) => (
              <option key={candidate.key} value={candidate.key} title={candidate.description}>
                {candidate.displayName}: {candidate.description}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Purpose
        <select
          name="purpose"
          value={state.purpose ?? ""}
          onChange={choosePurpose}
          disabled={enquiries.length === 0}
        >
          <option value="">(none declared)</option>
          {enquiries.map((enquiry) => (
            <option key={enquiry.id} value={enquiry.id}>
              {enquiry.subjectName}: enquiry {enquiry.id.slice(0, 8)} (
              {enquiry.status.toLowerCase()})
            </option>
          ))}
        </select>
      </label>
      <output className="mash-picker-status" aria-live="polite">
        {schema === null ? "The gateway's schema is not available." : status}
      </output>
    </section>
  );
}
