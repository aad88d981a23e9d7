import { Alert, Button, Card, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouterState } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { errorsFromProblem, useFieldMessage } from "../../lib/form-errors";
import { useFormatDate } from "../../lib/format";
import { useSession } from "../../lib/session";
import { AnchorLink } from "../../ui/links";
import { ProblemAlert } from "../../ui/problem-alert";

/**
 * Comments of a post. They are plain text: React renders them as text nodes, never as markup,
 * whatever they contain. `asPublic` shows them as an anonymous reader sees them.
 */
export function Comments({ postId, asPublic = false }: { postId: string; asPublic?: boolean }) {
  const { t } = useTranslation();
  const show = useFieldMessage();
  const formatDate = useFormatDate();
  const session = useSession();
  // A preview shows what an anonymous reader gets: approved comments and the way to sign in.
  const user = asPublic ? null : session.user;
  const href = useRouterState({ select: (s) => s.location.href });
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const [sent, setSent] = useState(false);
  const comments = useQuery({ queryKey: ["news", "comments", postId], queryFn: () => api.news.comments(postId) });
  const add = useMutation({
    mutationFn: () => api.news.comment(postId, body),
    onSuccess: () => {
      setBody("");
      setSent(true);
      void queryClient.invalidateQueries({ queryKey: ["news", "comments", postId] });
    },
  });
  const errors = errorsFromProblem(add.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    if (body.trim()) add.mutate();
  }
  const items = (comments.data?.items ?? []).filter((c) => !asPublic || c.status === "approved");
  return (
    <section aria-labelledby="comments-title">
      <Title order={2} size="h3" id="comments-title" mb="sm">
        {t("comments.title", { count: items.filter((c) => c.status === "approved").length })}
      </Title>
      {comments.isError && <ProblemAlert error={comments.error} />}
      <Stack gap="sm" component="ul" className="plain-list">
        {items.map((c) => (
          <Card key={c.id} withBorder component="li" padding="sm" data-comment-status={c.status}>
            <Text size="sm" fw={600}>
              {c.author}{" "}
              <Text span size="xs" c="dimmed">
                · {formatDate(c.createdAt, true)}
                {c.status === "pending" && ` · ${t("comments.pending")}`}
              </Text>
            </Text>
            <Text className="comment-body">{c.body}</Text>
          </Card>
        ))}
      </Stack>
      {items.length === 0 && <Text c="dimmed">{t("comments.none")}</Text>}
      {user ? (
        <form onSubmit={submit} noValidate aria-labelledby="comment-form-title">
          <Title order={3} size="h5" id="comment-form-title" mt="md" mb="xs">
            {t("comments.write")}
          </Title>
          {sent && (
            <Alert color="blue" variant="light" role="status" mb="sm">
              {t("comments.held")}
            </Alert>
          )}
          {add.isError && Object.keys(errors).length === 0 && <ProblemAlert error={add.error} />}
          <Textarea
            label={t("comments.body")}
            description={t("comments.plainText")}
            autosize
            minRows={3}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={show(errors.body)}
          />
          <Button type="submit" mt="sm" loading={add.isPending}>
            {t("comments.send")}
          </Button>
        </form>
      ) : (
        <Text mt="md">
          <AnchorLink to="/sign-in" search={{ redirect: href }}>
            {t("comments.signIn")}
          </AnchorLink>
        </Text>
      )}
    </section>
  );
}
