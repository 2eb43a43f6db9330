// The command line's entry (CLI process): runs the arguments and sets the exit code. The launcher
// (bin/edu-credit.js) loads it built (out/node/cli.mjs) or from source through tsx.
import { runCli } from './main';

process.exitCode = await runCli(process.argv.slice(2));
