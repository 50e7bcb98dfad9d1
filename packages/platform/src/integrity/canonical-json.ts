import canonicalizeModule from "canonicalize";

/**
 * `canonicalize` is CommonJS (`module.exports = fn`) but its typings declare `export default`, so
 * under NodeNext TypeScript types the default import as the module object while Node hands over
 * the function itself. Accept either shape rather than trust one of the two.
 */
const canonicalize: (input: unknown) => string | undefined =
  typeof canonicalizeModule === "function" ? canonicalizeModule : canonicalizeModule.default;

/**
 * RFC 8785 (JCS) canonical JSON: one byte sequence per JSON value, whatever the key order or
 * whitespace. Anything hashed for integrity (request bindings, the access log chain) goes
 * through here, so two serializations of the same value always hash alike.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("Only JSON values have a canonical form");
  return text;
}
