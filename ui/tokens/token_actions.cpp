#include "ui/tokens/token_actions.h"

#include <QtConcurrent>

#include "pkcs11/management.h"
#include "pkcs11/open_token.h"
#include "ui/common/pool_thread_cleanup.h"
#include "ui/common/token_work_pool.h"
#include "ui/tokens/qt_pin_prompt.h"

namespace kyso::ui {

QFuture<Status> runTokenAction(const QString& action, const QString& module, const QString& serial,
                               std::shared_ptr<p11::DeviceWorker> worker,
                               std::shared_ptr<QtPinPrompt> prompt) {
  return QtConcurrent::run(tokenWorkPool(), [action, module, serial, worker, prompt]() -> Status {
    const PoolThreadCleanup cleanup;
    p11::TokenSelector sel;
    sel.module = module.toStdString();
    sel.token = serial.toStdString();
    p11::OpenOptions opt;
    opt.login = false;  // the management call logs in itself, with the right user type
    opt.readWrite = true;
    KYSO_ASSIGN_OR_RETURN(auto token, p11::OpenToken::open(sel, *prompt, opt, worker));
    return token->call([&](p11::TokenSession& ts) -> Status {
      if (action == QLatin1String("change-pin"))
        return p11::changeUserPin(ts.session(), *prompt, false);
      if (action == QLatin1String("unblock"))
        return p11::unblockUserPin(ts.session(), *prompt, false);
      return Error::kyso(Errc::UsageError, "token action", action.toStdString());
    });
  });
}

}  // namespace kyso::ui
