import { Anchor, Button, Group, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { ProblemAlert } from "../../ui/problem-alert";
import { personKeys } from "./person-queries";

/** Answers a data-subject request: a copy of everything held, or erasure everywhere (administrators). */
export function PersonalDataActions({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const erase = useMutation({
    mutationFn: () => api.people.erase(id),
    onSuccess: async () => {
      setOpen(false);
      queryClient.removeQueries({ queryKey: personKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: personKeys.all });
      await queryClient.invalidateQueries({ queryKey: ["organisations"] });
      await navigate({ to: "/people" });
    },
  });
  return (
    <Group gap="sm">
      <Button component="a" href={api.people.exportUrl(id)} download={`person-${id}.json`} variant="default">
        {t("people.export")}
      </Button>
      <Button color="red" variant="outline" onClick={() => setOpen(true)}>
        {t("people.erase.button")}
      </Button>
      <ConfirmDialog
        opened={open}
        title={t("people.erase.title", { name })}
        body={
          <>
            <Text>{t("people.erase.body")}</Text>
            <Text size="sm">
              {t("people.erase.exportFirst")}{" "}
              <Anchor href={api.people.exportUrl(id)} download={`person-${id}.json`}>
                {t("people.export")}
              </Anchor>
            </Text>
          </>
        }
        confirmLabel={t("people.erase.confirm")}
        busy={erase.isPending}
        error={erase.isError && <ProblemAlert error={erase.error} />}
        onConfirm={() => erase.mutate()}
        onClose={() => {
          setOpen(false);
          erase.reset();
        }}
      />
    </Group>
  );
}
