import { crc32, deflateSync } from "node:zlib";
import exifReader from "exif-reader";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { keptFiles, readStored } from "#test/kept-files.js";

let ctx: TestContext;
let editor: Session;
let viewer: Session;
let photo: Buffer;

/** A multipart body built by hand, so the test controls every byte the server sees. */
function multipart(fileName: string, content: Buffer) {
  const boundary = "----conventio-picture-boundary";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

function upload(record: string, fileName: string, content: Buffer, s: Session = editor) {
  const body = multipart(fileName, content);
  return ctx.app.inject({
    method: "POST",
    url: `/api/${record}/pictures`,
    headers: { ...s.headers, ...body.headers },
    payload: body.payload,
  });
}

const call = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: object, s?: Session) =>
  ctx.app.inject({ method, url, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });

async function create(url: string, payload: object): Promise<string> {
  const res = await call("POST", url, payload, editor);
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

const filesKept = () => keptFiles(ctx, ["pictures"]);

/** A PNG that declares 30000×30000 pixels in a few hundred bytes: decoding it would need gigabytes. */
function pixelBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(30_000, 0);
  header.writeUInt32BE(30_000, 4);
  header[8] = 8; // bit depth; colour type 0 (grey), no interlace
  return Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.alloc(30_001 * 4))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
  // A camera's 3000×2000 frame, taken turned (EXIF orientation 6), with where it was taken.
  photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 180, g: 60, b: 40 } } })
    .withExif({
      IFD0: { Make: "Conventio test camera" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "50/1 36/1 35/1", GPSLongitudeRef: "E", GPSLongitude: "3/1 8/1 33/1" },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 70 })
    .toBuffer();
}, 60_000);
afterAll(() => ctx.close());

describe("pictures API", () => {
  it("keeps the original under a generated name and serves upright WebP sizes without metadata", async () => {
    const original = exifReader((await sharp(photo).metadata()).exif ?? Buffer.alloc(0));
    expect(original.GPSInfo?.GPSLatitude).toEqual([50, 36, 35]);

    const agreementId = await create("/api/agreements", { kind: "memorandum_of_understanding", title: "MoU" });
    const res = await upload(`agreements/${agreementId}`, "Signing ceremony 2024.jpg", photo);
    expect(res.statusCode).toBe(201);
    const picture = res.json();
    expect(picture).toMatchObject({
      fileName: "Signing ceremony 2024.jpg",
      mediaType: "image/jpeg",
      size: photo.length,
      width: 2000,
      height: 3000,
      public: false,
      shownToPublic: false,
      position: 0,
      files: {
        thumb: { width: 213, height: 320, mediaType: "image/webp" },
        display: { width: 853, height: 1280, mediaType: "image/webp" },
      },
    });
    const stored = await filesKept();
    expect(stored).toHaveLength(3);
    expect(stored.join("\n")).not.toContain("Signing");
    const kept = stored.find((f) => f.endsWith(".jpg"));
    expect(kept && (await readStored(ctx.services.files, kept))?.equals(photo)).toBe(true);

    for (const size of ["thumb", "display"] as const) {
      const file = await call("GET", picture.files[size].url, undefined, viewer);
      expect(file.statusCode).toBe(200);
      expect(file.headers["content-type"]).toBe("image/webp");
      expect(file.headers["cache-control"]).toContain("max-age");
      expect(file.headers["x-content-type-options"]).toBe("nosniff");
      const meta = await sharp(file.rawPayload).metadata();
      expect(meta).toMatchObject({ format: "webp", width: picture.files[size].width });
      expect(meta.height).toBe(picture.files[size].height);
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
    const download = await call("GET", picture.originalUrl, undefined, viewer);
    expect(download.headers["content-disposition"]).toContain("attachment");
    expect(download.rawPayload.equals(photo)).toBe(true);
    expect((await call("GET", picture.originalUrl)).statusCode).toBe(401);
  });

  it("shows a picture to the public only once it has alt text, is public, and its record is public", async () => {
    const eventId = await create("/api/events", {
      title: "Signing of the framework agreement",
      startsAt: "2026-04-01T10:00:00+02:00",
      visibility: "internal",
    });
    const picture = (await upload(`events/${eventId}`, "signing.jpg", photo)).json();
    const publicFile = `/api/public/pictures/${picture.id}/display`;
    const publicList = `/api/public/events/${eventId}/pictures`;

    const refused = await call("PATCH", `/api/pictures/${picture.id}`, { public: true }, editor);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json().errors[0].field).toBe("alt");

    const described = await call(
      "PATCH",
      `/api/pictures/${picture.id}`,
      {
        caption: [
          { lang: "en", value: "The rectors sign the agreement" },
          { lang: "fr", value: "Les présidents signent l'accord" },
        ],
        credit: "Photo: Université de Lille / communication office",
        alt: [{ lang: "en", value: "Two people sign a document at a table" }],
      },
      editor,
    );
    expect(described.statusCode).toBe(200);
    expect((await call("GET", publicFile)).statusCode).toBe(404);

    const published = await call("PATCH", `/api/pictures/${picture.id}`, { public: true }, editor);
    expect(published.json()).toMatchObject({ public: true, shownToPublic: false });
    // The event is internal: neither its pictures nor their files reach the public.
    expect((await call("GET", publicList)).statusCode).toBe(404);
    expect((await call("GET", publicFile)).statusCode).toBe(404);

    const event = (await call("GET", `/api/events/${eventId}`, undefined, editor)).json();
    const { id: _, agreement: __, axis: ___, ...fields } = event;
    await call("PUT", `/api/events/${eventId}`, { ...fields, visibility: "public" }, editor);
    const list = await call("GET", publicList);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      {
        id: picture.id,
        caption: [
          { lang: "en", value: "The rectors sign the agreement" },
          { lang: "fr", value: "Les présidents signent l'accord" },
        ],
        alt: [{ lang: "en", value: "Two people sign a document at a table" }],
        credit: "Photo: Université de Lille / communication office",
        files: {
          thumb: { url: `/api/public/pictures/${picture.id}/thumb`, width: 213, height: 320, mediaType: "image/webp" },
          display: { url: publicFile, width: 853, height: 1280, mediaType: "image/webp" },
        },
      },
    ]);
    expect(JSON.stringify(list.json())).not.toContain("signing.jpg");
    const file = await call("GET", publicFile);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/webp");
    expect(file.headers["cache-control"]).toMatch(/^public, max-age=\d+/);

    // Taking the alt text away from a public picture is refused like publishing without one.
    const emptied = await call("PATCH", `/api/pictures/${picture.id}`, { alt: [] }, editor);
    expect(emptied.statusCode).toBe(422);
    expect(emptied.json().errors[0].field).toBe("alt");
    await call("PATCH", `/api/pictures/${picture.id}`, { public: false }, editor);
    expect((await call("GET", publicFile)).statusCode).toBe(404);
    expect((await call("GET", publicList)).json().items).toEqual([]);
  });

  it("follows each record's own visibility: agreements past their draft, published news, activities of such agreements", async () => {
    const agreementId = await create("/api/agreements", {
      kind: "partnership_convention",
      title: "Convention",
      visibility: "public",
    });
    const activityId = await create("/api/activities", { kind: "seminar", title: "Seminar", agreementId });
    const newsId = await create("/api/news", { title: "Draft news", body: "…", status: "draft" });
    const ready = { alt: [{ lang: "en", value: "A seminar room" }], public: true };
    for (const record of [`agreements/${agreementId}`, `activities/${activityId}`, `news/${newsId}`]) {
      const p = (await upload(record, "room.jpg", photo)).json();
      expect((await call("PATCH", `/api/pictures/${p.id}`, ready, editor)).statusCode).toBe(200);
    }
    // A public agreement still in draft, its activity and a draft post stay hidden.
    expect((await call("GET", `/api/public/agreements/${agreementId}/pictures`)).statusCode).toBe(404);
    expect((await call("GET", `/api/public/activities/${activityId}/pictures`)).statusCode).toBe(404);
    expect((await call("GET", `/api/public/news/${newsId}/pictures`)).statusCode).toBe(404);

    const moved = await call(
      "POST",
      `/api/agreements/${agreementId}/transitions`,
      { action: "start_negotiation" },
      editor,
    );
    expect(moved.statusCode).toBe(200);
    const post = (await call("GET", `/api/news/${newsId}`, undefined, editor)).json();
    const republished = await call(
      "PUT",
      `/api/news/${newsId}`,
      { lang: post.lang, title: post.title, body: post.body, status: "published" },
      editor,
    );
    expect(republished.statusCode).toBe(200);
    for (const path of [`agreements/${agreementId}`, `activities/${activityId}`, `news/${newsId}`]) {
      const res = await call("GET", `/api/public/${path}/pictures`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toHaveLength(1);
    }
  });

  it("refuses a text file named .jpg, and writes nothing", async () => {
    const eventId = await create("/api/events", { title: "Visit", startsAt: "2026-05-01T10:00:00+02:00" });
    const before = (await filesKept()).length;
    const res = await upload(`events/${eventId}`, "holiday.jpg", Buffer.from("Not a picture, only words.\n"));
    expect(res.statusCode).toBe(415);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors[0].field).toBe("file");
    const pdf = await upload(`events/${eventId}`, "scan.jpg", Buffer.from("%PDF-1.4\n%%EOF\n"));
    expect(pdf.statusCode).toBe(415);
    expect(await filesKept()).toHaveLength(before);
    expect((await call("GET", `/api/events/${eventId}/pictures`, undefined, viewer)).json().items).toEqual([]);
  });

  it("refuses a picture declaring 30000×30000 pixels quickly, without decoding it", async () => {
    const eventId = await create("/api/events", { title: "Bomb", startsAt: "2026-05-02T10:00:00+02:00" });
    const before = (await filesKept()).length;
    const started = Date.now();
    const res = await upload(`events/${eventId}`, "bomb.png", pixelBomb());
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: "file" });
    expect(res.json().detail).toContain("megapixels");
    expect(await filesKept()).toHaveLength(before);
  });

  it("lets viewers look but only editors upload, describe, reorder and delete", async () => {
    const eventId = await create("/api/events", { title: "Open day", startsAt: "2026-06-01T10:00:00+02:00" });
    const record = `events/${eventId}`;
    expect((await upload(record, "a.jpg", photo, viewer)).statusCode).toBe(403);
    const first = (await upload(record, "a.jpg", photo)).json();
    expect((await call("PATCH", `/api/pictures/${first.id}`, { credit: "Me" }, viewer)).statusCode).toBe(403);
    expect((await call("DELETE", `/api/pictures/${first.id}`, undefined, viewer)).statusCode).toBe(403);
    expect((await call("GET", `/api/${record}/pictures`)).statusCode).toBe(401);
    expect((await call("GET", first.files.thumb.url)).statusCode).toBe(401);
    expect((await call("GET", `/api/${record}/pictures`, undefined, viewer)).json().items).toHaveLength(1);
    expect((await upload("events/nothing-here", "a.jpg", photo)).statusCode).toBe(404);
  });

  it("puts a record's pictures in a new order, and refuses an order that does not name each once", async () => {
    const eventId = await create("/api/events", { title: "Fair", startsAt: "2026-06-02T10:00:00+02:00" });
    const record = `events/${eventId}`;
    const small = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#3366aa" } })
      .png()
      .toBuffer();
    const ids: string[] = [];
    for (const name of ["one.png", "two.png", "three.png"]) ids.push((await upload(record, name, small)).json().id);
    const [one, two, three] = ids as [string, string, string];
    const res = await call("PUT", `/api/${record}/pictures/order`, { ids: [three, one, two] }, editor);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((p: { id: string }) => p.id)).toEqual([three, one, two]);
    // A 400-px picture is not enlarged: its display size is its own size.
    expect(res.json().items[0].files.display).toMatchObject({ width: 400, height: 300 });
    for (const wrong of [
      [three, one],
      [three, one, one],
      [three, one, two, "other"],
    ]) {
      const refused = await call("PUT", `/api/${record}/pictures/order`, { ids: wrong }, editor);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0].field).toBe("ids");
    }
    const audit = await ctx.database.db
      .selectFrom("audit_event")
      .select("action")
      .where("entity_id", "=", eventId)
      .where("action", "like", "picture.%")
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      "picture.reorder",
      "picture.upload",
      "picture.upload",
      "picture.upload",
    ]);
  });

  it("removes a deleted picture's files, and a deleted record's pictures with their files", async () => {
    const eventId = await create("/api/events", { title: "Gala", startsAt: "2026-07-01T10:00:00+02:00" });
    const before = (await filesKept()).length;
    const first = (await upload(`events/${eventId}`, "a.jpg", photo)).json();
    await upload(`events/${eventId}`, "b.jpg", photo);
    expect(await filesKept()).toHaveLength(before + 6);

    expect((await call("DELETE", `/api/pictures/${first.id}`, undefined, editor)).statusCode).toBe(204);
    expect(await filesKept()).toHaveLength(before + 3);
    expect((await call("GET", first.files.thumb.url, undefined, viewer)).statusCode).toBe(404);
    expect((await call("DELETE", `/api/pictures/${first.id}`, undefined, editor)).statusCode).toBe(404);

    expect((await call("DELETE", `/api/events/${eventId}`, undefined, editor)).statusCode).toBe(204);
    expect(await filesKept()).toHaveLength(before);
    const rows = await ctx.database.db.selectFrom("picture").select("id").where("owner_id", "=", eventId).execute();
    expect(rows).toEqual([]);
  });
});
