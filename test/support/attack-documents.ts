// The requests issue 13 reported as taking a service down, as documents: the attack suite sends
// them once and checks the answer, `npm run bench:attacks` times them.

/** 10,000 aliases of `myEnquiries`: about 400 KB, what the lowest persona could send. */
export const ALIAS_ATTACK = `{ ${Array.from(
  { length: 10_000 },
  (_, i) => `e${i}: myEnquiries { id subject { id } }`,
).join(" ")} }`;

/** `household { members { … } }` nested `levels` deep under one subject (`$id`). */
export function householdNesting(levels: number): string {
  return `query Nest($id: ID!) { subject(id: $id) { ${"household { members { ".repeat(levels)}name { givenName familyName }${" } }".repeat(levels)} } }`;
}

/** Fields nested 100 deep. */
export const DEPTH_100 = `{ myEnquiries { ${"subject { household { members { ".repeat(33)}id${" } } }".repeat(33)} } }`;
