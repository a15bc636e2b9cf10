// The exit codes every `kyso` command uses; the README documents them.
#pragma once

namespace kyso::cli {

enum ExitCode : int {
  kExitOk = 0,               // success; every signature verified
  kExitSignatureFailed = 1,  // a signature failed (or, for batches, any file failed)
  kExitIndeterminate = 2,    // verification indeterminate, none failed
  kExitNoSignature = 3,      // the document has no signature
  kExitInputError = 4,       // the input cannot be read (not a PDF, damaged, missing)
  kExitTokenError = 5,       // token or PIN error
  kExitUsage = 64,           // the command line is wrong
  kExitInterrupted = 130,    // Ctrl-C stopped a batch after the file in hand (128 + SIGINT)
};

}  // namespace kyso::cli
