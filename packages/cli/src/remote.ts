import { Problem } from "@conventio/domain";
import { AppError, type Services } from "@conventio/server";
import { type Command, Option } from "commander";
import { withServices } from "./context.js";

/** A running Conventio server and the personal API token to call it with. */
export interface RemoteTarget {
  server: string;
  token: string;
}

/** Anything that checks a response body and gives it its type: the domain's zod schemas. */
interface Schema<T> {
  parse(data: unknown): T;
}

/** A small client of the HTTP API: GETs with the bearer, answers checked against the domain's contracts. */
export interface RemoteClient {
  get<T>(path: string, schema: Schema<T>): Promise<T>;
  /** A write with a JSON body, as the web app sends it (a bearer needs no CSRF token). */
  send<T>(method: "POST" | "PATCH" | "PUT", path: string, body: unknown, schema: Schema<T>): Promise<T>;
}

/** Commands that can run against a server; any other refuses --server rather than quietly use the local database. */
const REMOTE_CAPABLE = new WeakSet<Command>();

/** Marks a command as one that works with --server. */
export function worksRemotely(command: Command): Command {
  REMOTE_CAPABLE.add(command);
  return command;
}

/**
 * The global --server and --token options (or CONVENTIO_SERVER and CONVENTIO_TOKEN), and the
 * check that the command about to run can use them.
 */
export function addRemoteOptions(program: Command): void {
  program
    .addOption(
      new Option("--server <url>", "run read commands against this Conventio server through its API").env(
        "CONVENTIO_SERVER",
      ),
    )
    .addOption(
      new Option("--token <token>", "a personal API token for --server (see create-token)").env("CONVENTIO_TOKEN"),
    );
  program.hook("preAction", (_root, command) => {
    const { server, token } = command.optsWithGlobals<{ server?: string; token?: string }>();
    if (!server && !token) return;
    if (!server || !token) command.error("--server and --token go together: give both, or neither.", { exitCode: 2 });
    if (!REMOTE_CAPABLE.has(command)) {
      command.error(
        `conventio ${commandPath(command)} works on the local database only: it has no API equivalent. Run it without --server (and without CONVENTIO_SERVER).`,
        { exitCode: 2 },
      );
    }
  });
}

/** The server to call, when --server is given. */
export function remoteTarget(command: Command): RemoteTarget | null {
  const { server, token } = command.optsWithGlobals<{ server?: string; token?: string }>();
  return server && token ? { server: server.replace(/\/+$/, ""), token } : null;
}

/** Runs a read on the server named by --server, else on the local database. */
export function readFrom<T>(
  command: Command,
  local: (services: Services) => Promise<T>,
  remote: (api: RemoteClient) => Promise<T>,
): Promise<T> {
  const target = remoteTarget(command);
  return target ? remote(remoteClient(target)) : withServices(local);
}

/** Runs a write on the server named by --server, else on the local database. */
export const writeTo = readFrom;

export function remoteClient(target: RemoteTarget): RemoteClient {
  async function call<T>(method: string, path: string, body: unknown, schema: Schema<T>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${target.server}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${target.token}`,
          accept: "application/json, application/problem+json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      const cause = (err as { cause?: { message?: string } }).cause?.message ?? String(err);
      throw new AppError("internal", "Cannot reach {{server}}: {{cause}}", {
        params: { server: target.server, cause },
      });
    }
    const answer: unknown = await response.json().catch(() => null);
    if (response.ok) return schema.parse(answer);
    // The server's refusal is told as it would be locally: its sentence and the fields at fault.
    const problem = Problem.safeParse(answer);
    if (!problem.success) {
      throw new AppError("internal", "{{server}} answered {{status}} without a problem description.", {
        params: { server: target.server, status: response.status },
      });
    }
    const { code, detail, title, errors } = problem.data;
    throw new AppError(code, detail ?? title, errors ? { errors } : {});
  }
  return {
    get: (path, schema) => call("GET", path, undefined, schema),
    send: (method, path, body, schema) => call(method, path, body, schema),
  };
}

/** Query parameters of a GET, leaving out the empty ones. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}
