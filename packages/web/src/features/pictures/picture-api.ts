import type {
  PictureOrderInput,
  PictureOwnerKind,
  PictureView,
  PublicPictureView,
  UpdatePictureInput,
} from "@conventio/domain";
import { ApiError, csrfHeader, problemOf, send } from "../../lib/api";

/** The record a picture belongs to. */
export type PictureOwner = { kind: PictureOwnerKind; id: string };

const PATHS: Record<PictureOwnerKind, string> = {
  agreement: "agreements",
  event: "events",
  news: "news",
  activity: "activities",
};

const base = (owner: PictureOwner) => `/api/${PATHS[owner.kind]}/${encodeURIComponent(owner.id)}/pictures`;

/**
 * Sends one picture as multipart/form-data and reports how much of it has left, which fetch
 * cannot tell; the answer is read as any other call's.
 */
function uploadPicture(owner: PictureOwner, file: File, onProgress: (fraction: number) => void): Promise<PictureView> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", base(owner));
    request.setRequestHeader("accept", "application/json, application/problem+json");
    for (const [name, value] of Object.entries(csrfHeader())) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () =>
      reject(new ApiError({ type: "about:blank", title: "Network error", status: 0, code: "internal" }));
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as PictureView);
      else reject(new ApiError(problemOf(request.status, body)));
    };
    const form = new FormData();
    form.append("file", file, file.name);
    request.send(form);
  });
}

/** Every call about pictures, typed with the domain's schemas. */
export const pictureApi = {
  list: (owner: PictureOwner) => send<{ items: PictureView[] }>("GET", base(owner)),
  upload: uploadPicture,
  update: (pictureId: string, input: UpdatePictureInput) =>
    send<PictureView>("PATCH", `/api/pictures/${encodeURIComponent(pictureId)}`, input),
  reorder: (owner: PictureOwner, input: PictureOrderInput) =>
    send<{ items: PictureView[] }>("PUT", `${base(owner)}/order`, input),
  remove: (pictureId: string) => send<void>("DELETE", `/api/pictures/${encodeURIComponent(pictureId)}`),
  listPublic: (owner: PictureOwner) =>
    send<{ items: PublicPictureView[] }>(
      "GET",
      `/api/public/${PATHS[owner.kind]}/${encodeURIComponent(owner.id)}/pictures`,
    ),
};

export const picturesKey = (owner: PictureOwner) => ["pictures", owner.kind, owner.id] as const;
export const publicPicturesKey = (owner: PictureOwner) => ["public", "pictures", owner.kind, owner.id] as const;

/** The text in the reader's language, else English, else the first one written, with its language. */
export function textFor(
  texts: ReadonlyArray<{ lang: string; value: string }>,
  language: string,
): { lang: string; value: string } | null {
  const wanted = language.slice(0, 2);
  return texts.find((t) => t.lang === wanted) ?? texts.find((t) => t.lang === "en") ?? texts[0] ?? null;
}
