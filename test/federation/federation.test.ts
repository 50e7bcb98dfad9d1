import type { World } from "@mash/synthetic-world/types";
import { generateWorld, truthLinks } from "@mash/synthetic-world/world";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningStack } from "../../scripts/stack.js";
import { graphql } from "../support/graphql-client.js";
import { PICTURE_QUERY, PICTURE_TABLES } from "../support/picture-query.js";
import { countStatements } from "../support/sql-statements.js";
import {
  AUTHORIZATION_OFF,
  stackBackends,
  startTestStack,
  TEST_WORLD,
} from "../support/system-under-test.js";

describe.each(stackBackends())("the federation, end to end on $name", (backend) => {
  let stack: RunningStack;
  let world: World;

  beforeAll(async () => {
    world = generateWorld(TEST_WORLD);
    // These tests follow the data path across many unrelated subjects; authorization has its own.
    // The statement counts below are of whole subgraphs: the subject feed pulls social care only
    // once, at start, rather than every two seconds in the middle of a count.
    stack = await startTestStack(backend, {
      ...AUTHORIZATION_OFF,
      SUBJECT_FEED_INTERVAL_MS: "3600000",
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await backend.cleanup();
  });

  /** A subject every one of the four agencies knows, from the generator's ground truth. */
  function subjectKnownToAll(): string {
    const agenciesBySubject = new Map<string, Set<string>>();
    for (const link of truthLinks(world)) {
      const agencies = agenciesBySubject.get(link.subjectId) ?? new Set<string>();
      agencies.add(link.agency);
      agenciesBySubject.set(link.subjectId, agencies);
    }
    const found = [...agenciesBySubject].find(([, agencies]) => agencies.size === 3);
    if (!found) throw new Error("the test world has no subject known to all four agencies");
    return found[0];
  }

  it("answers one query with sections from all four agencies", async () => {
    const id = subjectKnownToAll();
    const response = await graphql(
      stack.gatewayUrl,
      `query Picture($id: ID!) {
        subject(id: $id) {
          id
          name { givenName familyName }
          socialCare { known }
          police { known }
          health { known }
          probation { known }
        }
      }`,
      { id },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.subject).toMatchObject({
      id,
      socialCare: { known: expect.any(Boolean) },
      police: { known: true },
      health: { known: true },
      probation: { known: true },
    });
  });

  it("checks the household: agency sections for every member", async () => {
    const id = subjectKnownToAll();
    const response = await graphql<{ subject: { household: { members: unknown[] } | null } }>(
      stack.gatewayUrl,
      `query ($id: ID!) { subject(id: $id) { household { members { id police { known } health { known } probation { known } } } } }`,
      { id },
    );
    expect(response.errors).toBeUndefined();
    const members = response.data?.subject.household?.members ?? [];
    expect(members.length).toBeGreaterThan(0);
    for (const member of members) {
      expect(member).toMatchObject({
        police: { known: expect.any(Boolean) },
        health: { known: expect.any(Boolean) },
        probation: { known: expect.any(Boolean) },
      });
    }
  });

  it("costs at most one SQL statement per table per subgraph for a 50-subject picture", async () => {
    const subgraphUrls = Object.fromEntries(
      Object.entries(stack.urls).filter(([name]) => name !== "gateway"),
    );
    const measure = async (first: number) => {
      const { result, statements } = await countStatements(subgraphUrls, () =>
        graphql<{ subjects: { nodes: unknown[] } }>(stack.gatewayUrl, PICTURE_QUERY, { first }),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.subjects.nodes).toHaveLength(first);
      return statements;
    };
    // The bound does not grow with the page: 5 subjects and 50 subjects stay within it (5 may
    // cost less when none of them has, say, a probation case to load conditions for).
    for (const first of [5, 50]) {
      const statements = await measure(first);
      for (const [subgraph, tables] of Object.entries(PICTURE_TABLES)) {
        expect(statements[subgraph], `${subgraph}, ${first} subjects`).toBeGreaterThan(0);
        expect(statements[subgraph], `${subgraph}, ${first} subjects`).toBeLessThanOrEqual(tables);
      }
    }
  });

  it("gives clear errors for malformed and unknown ids", async () => {
    const malformed = await graphql(stack.gatewayUrl, `{ subject(id: "123") { id } }`);
    expect(malformed.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const unknown = await graphql(
      stack.gatewayUrl,
      `{ subject(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const invalid = await graphql(stack.gatewayUrl, `{ subject(id: "1") { nope } }`);
    expect(invalid.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    for (const body of [malformed, unknown, invalid]) {
      expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    }
  });

  it("serves health and readiness endpoints on every service", async () => {
    for (const url of Object.values(stack.urls)) {
      const base = url.replace(/\/graphql$/, "");
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
    }
  });
});
