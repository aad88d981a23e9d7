import { Alert, List } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../lib/api";
import { useMessage } from "../lib/messages";

/** Any failed call, in the reader's language: what went wrong, and the server's detail when it helps. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const show = useMessage();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const heading = title ?? (problem ? t(`errors.${problem.code}`) : t("errors.internal"));
  const fields = problem?.errors ?? [];
  return (
    <Alert color="red" variant="light" title={heading} role="alert">
      {problem?.status === 0
        ? t("errors.network")
        : problem?.detail && fields.length === 0
          ? show({ text: problem.detail, key: problem.key, params: problem.params })
          : null}
      {fields.length > 0 && (
        <List size="sm">
          {fields.map((f) => (
            <List.Item key={`${f.field}:${f.message}`}>
              {show({ text: f.message, key: f.key, params: f.params })}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
