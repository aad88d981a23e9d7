import { Alert, List } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../lib/api";
import { translateMessage } from "../lib/messages";

/** Any failed call, in the reader's language: what went wrong, and the server's detail when it helps. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const heading = title ?? (problem ? t(`errors.${problem.code}`) : t("errors.internal"));
  const fields = problem?.errors ?? [];
  return (
    <Alert color="red" variant="light" title={heading} role="alert">
      {problem?.status === 0
        ? t("errors.network")
        : problem?.detail && fields.length === 0
          ? translateMessage(problem.detail)
          : null}
      {fields.length > 0 && (
        <List size="sm">
          {fields.map((f) => (
            <List.Item key={`${f.field}:${f.message}`}>{translateMessage(f.message)}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
