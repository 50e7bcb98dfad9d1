/** Reads a service's running total of SQL statements from its Prometheus endpoint. */
export async function sqlStatementTotal(graphqlUrl: string): Promise<number> {
  const metricsUrl = graphqlUrl.replace(/\/graphql$/, "/metrics");
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split("\n").find((row) => row.startsWith("mash_sql_statements_total"));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

/** Runs `work` and returns its result with the SQL statements each named service sent meanwhile. */
export async function countStatements<T>(
  urls: Record<string, string>,
  work: () => Promise<T>,
): Promise<{ result: T; statements: Record<string, number> }> {
  const names = Object.keys(urls);
  const before = await Promise.all(names.map((name) => sqlStatementTotal(urls[name] as string)));
  const result = await work();
  const after = await Promise.all(names.map((name) => sqlStatementTotal(urls[name] as string)));
  const statements = Object.fromEntries(
    names.map((name, i) => [name, (after[i] ?? 0) - (before[i] ?? 0)]),
  );
  return { result, statements };
}
