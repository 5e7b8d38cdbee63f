import { allCommands } from './all-commands';
import { runProcess } from './run-cli';

// The whole CLI: --help, help and a mistyped command (a named one has a bundle of its own).
runProcess(Object.values(allCommands));
