import { AppError } from "@conventio/server";
import { Command } from "commander";
import { registerAddCommands } from "./commands/add.js";
import { registerAgreementsCommands } from "./commands/agreements.js";
import { registerEwpCommands } from "./commands/ewp.js";
import { registerExportCommands } from "./commands/export.js";
import { registerImportCommands } from "./commands/import.js";
import { registerOperateCommands } from "./commands/operate.js";
import { registerRecordsCommands } from "./commands/records.js";
import { registerRegistryCommands } from "./commands/registry.js";
import { registerServerCommands } from "./commands/server.js";
import { registerTokenCommands } from "./commands/tokens.js";
import { addRemoteOptions } from "./remote.js";

const program = new Command("conventio").description(
  "Conventio: institutional partnerships, from partners to publication.",
);
addRemoteOptions(program);
registerServerCommands(program);
registerTokenCommands(program);
registerRegistryCommands(program);
registerAgreementsCommands(program);
registerRecordsCommands(program);
registerAddCommands(program);
registerExportCommands(program);
registerImportCommands(program);
registerOperateCommands(program);
registerEwpCommands(program);

try {
  await program.parseAsync();
} catch (err) {
  // Refusals (a rule, a missing record, a bad value) are told plainly; anything else keeps its stack.
  if (err instanceof AppError) {
    console.error(`${err.message}`);
    for (const e of err.details.errors ?? []) console.error(`  ${e.field}: ${e.message}`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
