import { useGraphiQL } from "@graphiql/react";
import { useCallback, useEffect, useRef } from "react";

function declares(query: string, variable: string): boolean {
  return new RegExp(`\\$${variable}\\s*:`).test(query);
}

function parseVariables(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text || "{}");
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * Puts the purpose's subject into the open operation's variables when it declares `variable`:
 * on choosing a purpose (replacing what was there), and on switching to a tab whose value is
 * still empty. Operations that do not declare it are left alone.
 */
export function useSubjectVariable(variable: string) {
  const queryEditor = useGraphiQL((graphiql) => graphiql.queryEditor);
  const variableEditor = useGraphiQL((graphiql) => graphiql.variableEditor);
  const activeTab = useGraphiQL((graphiql) => graphiql.activeTabIndex);
  const lastSubject = useRef<string | null>(null);

  const fill = useCallback(
    (subjectId: string, { overwrite }: { overwrite: boolean }) => {
      lastSubject.current = subjectId;
      if (!queryEditor || !variableEditor) return;
      if (!declares(queryEditor.getValue(), variable)) return;
      const variables = parseVariables(variableEditor.getValue());
      if (!overwrite && variables[variable]) return;
      variableEditor.setValue(JSON.stringify({ ...variables, [variable]: subjectId }, null, 2));
    },
    [queryEditor, variableEditor, variable],
  );

  // A tab opened after the purpose was chosen gets the subject too, unless it has one already.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the active tab changes
  useEffect(() => {
    if (lastSubject.current) fill(lastSubject.current, { overwrite: false });
  }, [activeTab, fill]);

  return fill;
}
