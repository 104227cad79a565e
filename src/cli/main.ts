import { config as loadDotenv } from 'dotenv';
import { runCli } from './run-cli';

// Entry point of the `action-plan-bot` command.
loadDotenv({ quiet: true });
void runCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then((code) => {
  process.exitCode = code;
});
