// The token, key and PIN options every kyso command shares, and the one function that opens the
// selected token for a command.
//
//   --module PATH|NAME   PKCS#11 module: a path or a known name (bit4id, safenet, viettel, vnpt,
//                        fpt, opensc, p11-kit, softhsm); default: config, else the first known
//   --token SERIAL|LABEL the token; not needed when exactly one token is plugged in
//   --key ID|LABEL|URI   the key: CKA_ID in hex, label, or an RFC 7512 pkcs11: URI;
//                        not needed when the token has exactly one signing key
//   --pin-stdin          read the PIN (one line; more lines for commands that need more PINs)
//   --pin-file PATH      read the PIN from the first line(s) of a file
//   --pin-env VAR        read the PIN from an environment variable
//   --force-login        log in even when the token says final try / PIN to be changed
//                        (`kyso token` commands also take it as --force; `kyso sign --force`
//                        only replaces an existing output and never weakens PIN safety)
// With no PIN option the PIN is asked on the terminal without echo. PINs are never options.
// Defaults for --module/--token/--key may be set in the config file (paths.h configFile()):
//   [token]
//   module = viettel
//   token = 0123456789
//   key = 01
//
// Example (a batch signer: one login, many signatures):
//   ArgParser p;
//   addTokenOptions(p);
//   p.flag("json");
//   if (auto st = p.parse(args); !st.ok()) ...
//   auto tok = openSelectedToken(p);                  // Result<std::unique_ptr<CliToken>>
//   if (!tok.ok()) { printError("Opening the token failed", tok.error()); return kExitTokenError; }
//   auto id = (*tok)->signingIdentity();              // Result<SigningIdentity>, token-backed key
//   for (auto& file : files) signOne(file, *id);      // every signature on the same session
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pkcs11/open_token.h"
#include "src/cli/kyso/args.h"

namespace kyso::cli {

/// How a command's own --force relates to the token's PIN safety override.
enum class ForceFlag {
  IsForceLogin,  // `kyso token ...`: --force is --force-login
  Separate,      // `kyso sign` and others: --force is the command's own (overwrite)
};

/// Declares --module, --token, --key, --pin-stdin, --pin-file, --pin-env, --force-login (and
/// --force as its alias when `force` is IsForceLogin).
void addTokenOptions(ArgParser& p, ForceFlag force = ForceFlag::IsForceLogin);

/// The selection from the parsed options, with config-file defaults for unset ones.
p11::TokenSelector tokenSelectorFrom(const ArgParser& p);

/// The CLI's PinPrompt: --pin-stdin / --pin-file / --pin-env, else the terminal without echo.
/// Sources with several lines answer requests in order; the user PIN, once given, also answers
/// context-specific re-logins (CKA_ALWAYS_AUTHENTICATE) in the same run. A terminal prompt asks
/// each time, and asks twice for a new PIN.
class CliPinPrompt final : public p11::PinPrompt {
 public:
  enum class Source { Terminal, Stdin, File, Env };
  CliPinPrompt(Source s, std::string arg) : m_source(s), m_arg(std::move(arg)) {}
  static Result<std::unique_ptr<CliPinPrompt>> fromOptions(const ArgParser& p);

  Result<SecretBuffer> getPin(const p11::PinRequest& req) override;
  void notice(Errc what, const p11::PinRequest& req) override;
  Source source() const { return m_source; }

 private:
  Result<SecretBuffer> nextLine();
  Result<SecretBuffer> fromTerminal(const std::string& question);
  Source m_source;
  std::string m_arg;
  std::vector<SecretBuffer> m_lines;
  bool m_loaded = false;
  std::size_t m_next = 0;
  std::optional<SecretBuffer> m_userPin;
};

/// What a command holds while it works with a token: the prompt and the open, logged-in token.
class CliToken {
 public:
  CliToken(std::unique_ptr<CliPinPrompt> prompt, std::unique_ptr<p11::OpenToken> token)
      : m_prompt(std::move(prompt)), m_token(std::move(token)) {}
  ~CliToken() { m_token.reset(); }  // the token goes before the prompt it borrows

  p11::OpenToken& token() { return *m_token; }
  CliPinPrompt& prompt() { return *m_prompt; }
  /// The selected key's identity (token-backed EVP_PKEY + certificate + chain).
  Result<SigningIdentity> signingIdentity() { return m_token->signingIdentity(); }

 private:
  std::unique_ptr<CliPinPrompt> m_prompt;
  std::unique_ptr<p11::OpenToken> m_token;
};

/// Opens the token the options select, logging in once unless opt.login is false.
Result<std::unique_ptr<CliToken>> openSelectedToken(const ArgParser& p,
                                                    const p11::OpenOptions& opt = {});

/// The exit code for a token-layer error (kExitTokenError, kExitUsage, kExitInputError).
int exitCodeFor(const Error& e);

}  // namespace kyso::cli
