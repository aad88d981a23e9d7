import type { CircuitView } from "@conventio/domain";
import { Button, Group, List, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CircuitForm } from "../features/circuits/circuit-form";
import { useApproverLabel } from "../features/circuits/circuit-section";
import { circuitKeys, circuits } from "../lib/api/circuits";
import { DeleteButton } from "../ui/delete-button";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { adminRoute } from "./admin";

function CircuitCard({ circuit, onEdit }: { circuit: CircuitView; onEdit: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const approver = useApproverLabel();
  return (
    <Section
      title={`${t(`agreementKinds.${circuit.kind}`)} — ${circuit.name}`}
      actions={
        <Group gap="xs">
          <Button variant="default" onClick={onEdit}>
            {t("common.edit")}
          </Button>
          <DeleteButton
            title={t("circuits.admin.deleteTitle", { name: circuit.name })}
            body={t("circuits.admin.deleteBody")}
            onDelete={() => circuits.remove(circuit.id)}
            onDeleted={() => void queryClient.invalidateQueries({ queryKey: circuitKeys.all })}
          />
        </Group>
      }
    >
      <List type="ordered" spacing="xs">
        {circuit.steps.map((s) => (
          <List.Item key={s.id}>
            <Text fw={600} span>
              {s.name}
            </Text>{" "}
            — {approver(s)}
            {s.checklist.length > 0 && (
              <Text size="sm" c="dimmed">
                {t("circuits.checklist")}: {s.checklist.join(" · ")}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Section>
  );
}

function CircuitsPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: circuitKeys.all, queryFn: circuits.list });
  // null: no form open; "new": a new circuit; otherwise the circuit being edited.
  const [editing, setEditing] = useState<CircuitView | "new" | null>(null);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("circuits.admin.title")}
        subtitle={t("circuits.admin.subtitle")}
        actions={editing === null && <Button onClick={() => setEditing("new")}>{t("circuits.admin.new")}</Button>}
      />
      {editing !== null && (
        <Section title={editing === "new" ? t("circuits.admin.new") : t("circuits.admin.edit", { name: editing.name })}>
          <CircuitForm
            key={editing === "new" ? "new" : editing.id}
            circuit={editing === "new" ? null : editing}
            onDone={() => setEditing(null)}
          />
        </Section>
      )}
      {query.isError && <ProblemAlert error={query.error} />}
      {!query.data ? (
        !query.isError && <Loading />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed">{t("circuits.admin.none")}</Text>
      ) : (
        query.data.items.map((c) => <CircuitCard key={c.id} circuit={c} onEdit={() => setEditing(c)} />)
      )}
    </Stack>
  );
}

export const adminCircuitsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/circuits",
  component: CircuitsPage,
});
