import type { PublicPictureView } from "@conventio/domain";
import { SimpleGrid, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type PictureOwner, pictureApi, publicPicturesKey, textFor } from "./picture-api";

/** How wide a picture is shown: the page's column on wide screens, the screen's width below. */
const SIZES = "(min-width: 62em) 560px, 100vw";

function PublicFigure({ picture }: { picture: PublicPictureView }) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const alt = textFor(picture.alt, language);
  const caption = textFor(picture.caption, language);
  const { thumb, display } = picture.files;
  return (
    <figure className="public-picture" style={{ margin: 0 }}>
      <img
        src={display.url}
        srcSet={`${thumb.url} ${thumb.width}w, ${display.url} ${display.width}w`}
        sizes={SIZES}
        width={display.width}
        height={display.height}
        alt={alt?.value ?? ""}
        lang={alt?.lang}
        loading="lazy"
        decoding="async"
        style={{ width: "100%", height: "auto", display: "block", borderRadius: 4 }}
      />
      {(caption || picture.credit) && (
        <Text component="figcaption" size="sm" mt={4}>
          {caption && <span lang={caption.lang}>{caption.value}</span>}
          {caption && picture.credit && " "}
          {picture.credit && (
            <Text span size="xs" c="dimmed">
              {picture.credit}
            </Text>
          )}
        </Text>
      )}
    </figure>
  );
}

/**
 * The pictures of a record as the public sees them: figures with their caption and credit,
 * sized by the browser from the generated sizes. Nothing is shown when there are none, or when
 * the record is not one the public sees.
 */
export function PublicPictures({ owner }: { owner: PictureOwner }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: publicPicturesKey(owner), queryFn: () => pictureApi.listPublic(owner) });
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-label={t("pictures.publicHeading")}>
      <SimpleGrid cols={{ base: 1, sm: items.length > 1 ? 2 : 1 }} spacing="md">
        {items.map((p) => (
          <PublicFigure key={p.id} picture={p} />
        ))}
      </SimpleGrid>
    </section>
  );
}
