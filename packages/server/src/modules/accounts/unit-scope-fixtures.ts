import sharp from "sharp";
import type { Session, TestContext } from "#test/harness.js";

/**
 * The organisations of the unit-scope suites: a university with faculty A (and a laboratory A1
 * under it) and faculty B, and a partner; agreements are arranged by an editor not limited to units.
 */

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type Call = { method: Method; url: string; payload?: object | Buffer; headers?: Record<string, string> };

export interface Units {
  university: string;
  partner: string;
  a: string;
  a1: string;
  b: string;
}

export function api(ctx: TestContext, s: Session) {
  return (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({
      method,
      url,
      headers: { ...s.headers, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}

export async function created(res: { statusCode: number; body: string; json(): { id: string } }): Promise<string> {
  if (res.statusCode !== 201) throw new Error(`expected 201, got ${res.statusCode}: ${res.body}`);
  return res.json().id;
}

export async function arrangeUnits(call: ReturnType<typeof api>): Promise<Units> {
  const org = async (body: object) => created(await call("POST", "/api/organisations", body));
  const university = await org({ kind: "university", name: "Université de Lorraine" });
  const partner = await org({ kind: "university", name: "Kyushu Institute of Technology" });
  const a = await org({ kind: "unit", name: "Faculty of Science", parentId: university });
  const a1 = await org({ kind: "unit", name: "Laboratory of Robotics", parentId: a });
  const b = await org({ kind: "unit", name: "Faculty of Law", parentId: university });
  return { university, partner, a, a1, b };
}

/** An agreement body whose responsible unit on our side is `unit`. */
export function agreementBody(u: Units, unit: string, over: Record<string, unknown> = {}) {
  return {
    kind: "framework_agreement",
    title: "Open partnership Lorraine – Kyutech",
    visibility: "internal",
    signedOn: "2022-09-01",
    startsOn: "2022-09-01",
    endsOn: "2030-08-31",
    parties: [{ organisationId: u.university, responsibleUnitId: unit }, { organisationId: u.partner }],
    signatories: [{ name: "The President", signedOn: "2022-09-01" }],
    ...over,
  };
}

/** A multipart body with one file, as a browser sends an upload. */
export function multipart(fileName: string, content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----conventio-unit-scope";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

export function smallPicture(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: "#3366aa" } })
    .png()
    .toBuffer();
}

/** Limits an account to units through the administrators' API; throws unless it is accepted. */
export async function limitTo(adminCall: ReturnType<typeof api>, email: string, units: string[]): Promise<string> {
  const users = (await adminCall("GET", "/api/users")).json().items as Array<{ id: string; email: string }>;
  const id = users.find((u) => u.email === email)?.id;
  if (!id) throw new Error(`no account ${email}`);
  const res = await adminCall("PATCH", `/api/users/${id}`, { units });
  if (res.statusCode !== 200) throw new Error(`limiting ${email} failed: ${res.body}`);
  return id;
}
