import type { Actor } from "@conventio/domain";

/** The actor of work done by Conventio itself (first start, demo data, CLI imports). */
export const SYSTEM_ACTOR: Actor = { kind: "user", id: "system", role: "admin", name: "Conventio" };
