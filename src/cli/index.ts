import { runCli } from './run-cli';

void runCli(process.argv).then((code) => {
  process.exitCode = code;
});
