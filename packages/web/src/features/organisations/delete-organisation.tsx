import { Button } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { ProblemAlert } from "../../ui/problem-alert";
import { organisationKeys } from "./organisation-queries";

export function DeleteOrganisationButton({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.organisations.delete(id),
    onSuccess: async () => {
      setOpen(false);
      queryClient.removeQueries({ queryKey: organisationKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: organisationKeys.all });
      await navigate({ to: "/organisations" });
    },
  });
  return (
    <>
      <Button color="red" variant="outline" onClick={() => setOpen(true)}>
        {t("common.delete")}
      </Button>
      <ConfirmDialog
        opened={open}
        title={t("organisations.delete.title")}
        body={t("organisations.delete.body", { name })}
        confirmLabel={t("organisations.delete.confirm")}
        busy={remove.isPending}
        error={remove.isError && <ProblemAlert error={remove.error} />}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setOpen(false);
          remove.reset();
        }}
      />
    </>
  );
}
