import { CreateTokenInput, TokenScope } from "@conventio/domain";
import { type Command, Option } from "commander";
import { withServices } from "../context.js";

/** Personal API tokens made by the operator, for scripts and automation. */
export function registerTokenCommands(program: Command): void {
  program
    .command("create-token")
    .description("Make a personal API token for an account; the token is printed this once")
    .requiredOption("--email <email>", "the account the token acts as, with its role")
    .addOption(
      new Option("--scope <scope>", "read: GET only; write: everything the role allows")
        .choices(TokenScope.options)
        .makeOptionMandatory(),
    )
    .option("--name <name>", "what the token is for", "command line")
    .option("--expires-days <n>", "days until it stops working; never, when omitted")
    .action((opts: { email: string; scope: string; name: string; expiresDays?: string }) =>
      withServices(async ({ tokens }) => {
        const parsed = CreateTokenInput.omit({ userId: true }).safeParse({
          name: opts.name,
          scope: opts.scope,
          expiresInDays: opts.expiresDays === undefined ? null : Number(opts.expiresDays),
        });
        if (!parsed.success) {
          const flags: Record<string, string> = { expiresInDays: "--expires-days", name: "--name", scope: "--scope" };
          for (const i of parsed.error.issues) console.error(`${flags[String(i.path[0])] ?? "input"}: ${i.message}`);
          process.exitCode = 2;
          return;
        }
        const made = await tokens.createTokenAsOperator(opts.email, parsed.data);
        // Only the token goes to standard output, so a script can capture it alone.
        console.log(made.token);
        console.error(
          `Created the ${made.scope} token "${made.name}" for ${opts.email.trim().toLowerCase()}, ${made.expiresAt ? `valid until ${made.expiresAt}` : "without expiry"}. It is shown this once: keep it now.`,
        );
      }),
    );
}
