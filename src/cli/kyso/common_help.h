// Help texts and options that several commands share, in both of the CLI's languages.
#pragma once

#include "src/cli/kyso/args.h"

namespace kyso::cli {

inline const HelpText kJsonHelp{"JSON output", "in kết quả dạng JSON"};
inline const HelpText kYesHelp{"do not ask for confirmation", "không hỏi xác nhận"};
inline const HelpText kThisTextHelp{"this text", "nội dung này"};

/// -o, --out-dir, --force and --skip-existing of the commands that write one signed copy per
/// input (kyso sign for PDFs and XML, kyso extend).
inline void addOutputOptions(ArgParser& p) {
  p.value("output", 'o', {"output file (one input)", "tệp kết quả (khi ký một tệp)"})
      .value("out-dir", 0,
             {"output folder (any number of inputs; same file names; made if missing)",
              "thư mục kết quả (nhiều tệp; giữ tên tệp; tự tạo nếu chưa có)"})
      .flag("force", 0,
            {"replace an existing output file (a final PIN try needs --force-login)",
             "ghi đè tệp kết quả đã có (lần nhập PIN cuối cùng cần --force-login)"})
      .flag("skip-existing", 0,
            {"with --out-dir: skip inputs whose output already exists",
             "cùng --out-dir: bỏ qua tệp đã có tệp kết quả"});
}

/// --key-file, --cert-file and --chain-file: a software key for tests and developers.
inline void addKeyFileOptions(ArgParser& p) {
  p.value("key-file", 0,
          {"TESTS ONLY: signing key as an unencrypted PEM file instead of a token",
           "CHỈ ĐỂ KIỂM THỬ: khóa ký trong tệp PEM không mã hóa thay cho token"})
      .value("cert-file", 0,
             {"with --key-file: the signer's certificate (PEM)",
              "cùng --key-file: chứng thư số của người ký (PEM)"})
      .value("chain-file", 0,
             {"with --key-file: intermediate certificates (PEM)",
              "cùng --key-file: các chứng thư số trung gian (PEM)"});
}

}  // namespace kyso::cli
