// The `kyso` subcommands. Each lives in its own cmd_*.cpp file, takes the words after its name,
// and returns an exit code from exit_codes.h. Output for people goes to stdout; errors to stderr;
// --json output is one JSON document (or JSON lines for streams) on stdout.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/messages.h"

namespace kyso::cli {

using Args = std::vector<std::string>;

int runToken(const Args& args);
int runSign(const Args& args);
int runExtend(const Args& args);
int runVerify(const Args& args);
int runInventory(const Args& args);
int runDemo(const Args& args);
/// `kyso service`: the local signing service (src/cli/service, the module kyso-service.so).
int runService(const Args& args);
/// `kyso sign --detached` and `kyso sign` on non-PDF files (src/cli/sign_detached.cpp).
int runSignDetached(const Args& args);
/// True when `kyso sign`'s arguments ask for detached signatures: "--detached" before any "--"
/// (after it, a file may be called that).
inline bool wantsDetached(const Args& args) {
  for (const auto& a : args) {
    if (a == "--") return false;
    if (a == "--detached") return true;
  }
  return false;
}
/// `kyso verify` on .p7s/.p7m files (src/cli/verify_cms.cpp).
int runVerifyCms(const Args& args);
/// `kyso sign` on .xml files: XML-DSig (src/cli/commands/cmd_sign_xml.cpp).
int runSignXml(const Args& args);
/// `kyso verify` on .xml files (src/cli/commands/verify_xml.cpp).
int runVerifyXml(const Args& args);

/// Prints a kyso Error to stderr as a sentence (with the technical line under --verbose/KYSO_LOG).
void printError(const std::string& what_failed, const ::kyso::Error& e);
/// What failed, in `lang` (the commands name it in English: "Opening the token failed").
std::string whatFailedIn(const std::string& what, Lang lang);

}  // namespace kyso::cli
