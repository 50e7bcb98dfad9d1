import { issueDevToken } from "@mash/gateway/dev/issue-token";
import { findPersona, type Persona } from "@mash/schema/authorization/personas";
import type { RunningStack } from "../../scripts/stack.js";
import { sendOnce } from "./load.js";

/** The MASH social worker the benchmarks ask as, signed in, and the first enquiry they work on. */
export async function socialWorkerSession(stack: RunningStack): Promise<{
  persona: Persona;
  authorization: { authorization: string };
  enquiry: { id: string; subject: { id: string } };
}> {
  const persona = findPersona("social-worker");
  if (!persona) throw new Error("no social-worker persona");
  const token = await issueDevToken(persona);
  const authorization = { authorization: `Bearer ${token}` };
  const data = await sendOnce({
    name: "my enquiries",
    url: stack.gatewayUrl,
    body: { query: "{ myEnquiries { id subject { id } } }" },
    headers: authorization,
  });
  const enquiries = data.myEnquiries as { id: string; subject: { id: string } }[];
  const enquiry = enquiries[0];
  if (!enquiry) throw new Error("the seeded data has no enquiry for the social worker");
  return { persona, authorization, enquiry };
}
