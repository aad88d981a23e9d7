import type { PictureView } from "@conventio/domain";
import { ActionIcon, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { ProblemAlert } from "../../ui/problem-alert";
import { Section } from "../../ui/section";
import { type PictureOwner, pictureApi, picturesKey, textFor } from "./picture-api";
import { PictureEditor } from "./picture-editor";
import { PictureUpload } from "./picture-upload";

function PublicationBadge({ picture }: { picture: PictureView }) {
  const { t } = useTranslation();
  const [color, label] = picture.shownToPublic
    ? ["green", t("pictures.status.shown")]
    : picture.public
      ? ["yellow", t("pictures.status.waiting")]
      : ["gray", t("pictures.status.internal")];
  return (
    <Badge variant="dot" color={color} radius="sm" tt="none" fw={600}>
      {label}
    </Badge>
  );
}

function PictureCard({
  picture,
  owner,
  canEdit,
  onMove,
  moving,
  first,
  last,
}: {
  picture: PictureView;
  owner: PictureOwner;
  canEdit: boolean;
  onMove: (by: -1 | 1) => void;
  moving: boolean;
  first: boolean;
  last: boolean;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const language = i18n.resolvedLanguage ?? "en";
  const alt = textFor(picture.alt, language);
  const caption = textFor(picture.caption, language);
  const name = caption?.value ?? picture.fileName;
  const remove = useMutation({
    mutationFn: () => pictureApi.remove(picture.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: picturesKey(owner) }),
  });
  const { thumb } = picture.files;
  return (
    <Card withBorder padding="sm" component="li">
      <Card.Section>
        <img
          src={thumb.url}
          width={thumb.width}
          height={thumb.height}
          alt={alt?.value ?? ""}
          lang={alt?.lang}
          loading="lazy"
          style={{ width: "100%", height: 180, objectFit: "contain", display: "block", background: "#f1f3f5" }}
        />
      </Card.Section>
      <Stack gap={4} mt="sm">
        <Group gap="xs">
          <PublicationBadge picture={picture} />
          {!alt && (
            <Badge color="red" variant="dot" radius="sm" tt="none" fw={600}>
              {t("pictures.noAlt")}
            </Badge>
          )}
        </Group>
        {caption && (
          <Text size="sm" lang={caption.lang}>
            {caption.value}
          </Text>
        )}
        {picture.credit && (
          <Text size="xs" c="dimmed">
            {picture.credit}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          <Anchor href={picture.originalUrl} size="xs">
            {picture.fileName}
          </Anchor>{" "}
          · {t("pictures.dimensions", { width: picture.width, height: picture.height })}
        </Text>
        {canEdit && (
          <Group gap="xs" mt={4}>
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              {t("pictures.describe")}
            </Button>
            <ActionIcon
              variant="default"
              aria-label={t("pictures.moveEarlier", { name })}
              title={t("pictures.moveEarlier", { name })}
              disabled={first || moving}
              onClick={() => onMove(-1)}
            >
              <span aria-hidden="true">←</span>
            </ActionIcon>
            <ActionIcon
              variant="default"
              aria-label={t("pictures.moveLater", { name })}
              title={t("pictures.moveLater", { name })}
              disabled={last || moving}
              onClick={() => onMove(1)}
            >
              <span aria-hidden="true">→</span>
            </ActionIcon>
            <Button size="xs" variant="outline" color="red" onClick={() => setConfirming(true)}>
              {t("common.delete")}
            </Button>
          </Group>
        )}
      </Stack>
      {editing && <PictureEditor picture={picture} owner={owner} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        opened={confirming}
        title={t("pictures.deleteTitle")}
        body={t("pictures.deleteBody", { name })}
        confirmLabel={t("common.delete")}
        busy={remove.isPending}
        error={remove.isError ? <ProblemAlert error={remove.error} /> : null}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Card>
  );
}

/**
 * The pictures of a record for staff: thumbnails in their order, whether the public sees each,
 * and, for editors, upload, description in three languages, publication, order and removal.
 */
export function PicturesPanel({ owner, canEdit }: { owner: PictureOwner; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: picturesKey(owner), queryFn: () => pictureApi.list(owner) });
  const items = query.data?.items ?? [];
  const reorder = useMutation({
    mutationFn: (ids: string[]) => pictureApi.reorder(owner, { ids }),
    onSuccess: (result) => queryClient.setQueryData(picturesKey(owner), result),
  });
  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((p) => p.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + by, 0, moved);
    reorder.mutate(ids);
  };
  return (
    <Section title={t("pictures.heading")}>
      <Text size="sm" c="dimmed" mb="sm">
        {t("pictures.intro")}
      </Text>
      {query.isError && <ProblemAlert error={query.error} />}
      {reorder.isError && <ProblemAlert error={reorder.error} />}
      {query.isSuccess && items.length === 0 && <Text c="dimmed">{t("pictures.none")}</Text>}
      {items.length > 0 && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" component="ul" className="plain-list">
          {items.map((p, i) => (
            <PictureCard
              key={p.id}
              picture={p}
              owner={owner}
              canEdit={canEdit}
              onMove={(by) => move(i, by)}
              moving={reorder.isPending}
              first={i === 0}
              last={i === items.length - 1}
            />
          ))}
        </SimpleGrid>
      )}
      {canEdit && (
        <div style={{ marginTop: "var(--mantine-spacing-md)" }}>
          <PictureUpload owner={owner} />
        </div>
      )}
    </Section>
  );
}
