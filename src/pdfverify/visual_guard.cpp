#include "src/pdfverify/visual_guard.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <thread>

namespace kyso::pdfverify {

namespace {

// Grey levels two renderings of one page may differ by and still count as the same pixel.
constexpr int kPixelTolerance = 48;
// Pixels around an allowed area that belong to it (anti-aliased edges, borders drawn on the
// rectangle's edge).
constexpr int kAreaPad = 2;
// Pages added or removed that are listed one by one.
constexpr int kMaxPagesListed = 5;

VisualCheck skipped(VisualCheck::Skip why, std::string detail = {}) {
  VisualCheck v;
  v.status = VisualCheck::Status::Skipped;
  v.skipped = why;
  v.detail = std::move(detail);
  return v;
}

VisualCheck::Difference wholePage(int page, VisualCheck::DiffKind kind, const RenderedPage& p) {
  VisualCheck::Difference d;
  d.page = page;
  d.kind = kind;
  if (p.rendered && p.dpi > 0) {
    d.w = p.width * 72.0 / p.dpi;
    d.h = p.height * 72.0 / p.dpi;
  }
  return d;
}

}  // namespace

PixelBox areaToPixels(const PageArea& area, const RenderedPage& page, int pad) {
  const double s = page.dpi / 72.0;
  const double W = page.crop_x1 - page.crop_x0, H = page.crop_y1 - page.crop_y0;
  auto map = [&](double x, double y) {
    const double u = x - page.crop_x0, v = page.crop_y1 - y;  // from the top-left, unturned
    switch (page.rotation) {
      case 90:
        return std::pair{(H - v) * s, u * s};
      case 180:
        return std::pair{(W - u) * s, (H - v) * s};
      case 270:
        return std::pair{v * s, (W - u) * s};
      default:
        return std::pair{u * s, v * s};
    }
  };
  auto [ax, ay] = map(area.x0, area.y0);
  auto [bx, by] = map(area.x1, area.y1);
  auto clampTo = [](double v, int hi) {
    if (!std::isfinite(v)) return v > 0 ? hi : 0;
    return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(hi)));
  };
  PixelBox b;
  b.x0 = clampTo(std::floor(std::min(ax, bx)) - pad, page.width);
  b.x1 = clampTo(std::ceil(std::max(ax, bx)) + pad, page.width);
  b.y0 = clampTo(std::floor(std::min(ay, by)) - pad, page.height);
  b.y1 = clampTo(std::ceil(std::max(ay, by)) + pad, page.height);
  return b;
}

std::optional<VisualCheck::Difference> comparePage(int pageNumber, const RenderedPage& signedPage,
                                                   const RenderedPage& nowPage,
                                                   const std::vector<PageArea>& allowed) {
  using Kind = VisualCheck::DiffKind;
  if (!signedPage.rendered && !nowPage.rendered) return std::nullopt;  // nothing shown either way
  if (signedPage.rendered != nowPage.rendered || signedPage.width != nowPage.width ||
      signedPage.height != nowPage.height || signedPage.rotation != nowPage.rotation)
    return wholePage(pageNumber, Kind::PageResized, nowPage.rendered ? nowPage : signedPage);
  const int w = nowPage.width, h = nowPage.height;
  std::vector<std::uint8_t> mask(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), 0);
  for (const auto& a : allowed) {
    if (a.page != pageNumber) continue;
    // The area as the page is shown now and as it was signed (same size and rotation here; the
    // crop box may have moved, which the pixels outside the areas then show).
    for (const RenderedPage* p : {&nowPage, &signedPage}) {
      const PixelBox b = areaToPixels(a, *p, kAreaPad);
      for (int y = b.y0; y < b.y1; ++y)
        std::fill_n(mask.begin() + static_cast<std::ptrdiff_t>(y) * w + b.x0, b.x1 - b.x0, 1);
    }
  }
  int x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (int y = 0; y < h; ++y) {
    const std::size_t row = static_cast<std::size_t>(y) * static_cast<std::size_t>(w);
    for (int x = 0; x < w; ++x) {
      const std::size_t i = row + static_cast<std::size_t>(x);
      if (mask[i]) continue;
      if (std::abs(int(signedPage.gray[i]) - int(nowPage.gray[i])) <= kPixelTolerance) continue;
      x0 = std::min(x0, x);
      x1 = std::max(x1, x);
      y0 = std::min(y0, y);
      y1 = std::max(y1, y);
    }
  }
  if (x1 < 0) return std::nullopt;
  VisualCheck::Difference d;
  d.page = pageNumber;
  d.kind = Kind::Differs;
  const double toPt = 72.0 / nowPage.dpi;
  d.x = x0 * toPt;
  d.y = y0 * toPt;
  d.w = (x1 + 1 - x0) * toPt;
  d.h = (y1 + 1 - y0) * toPt;
  return d;
}

VisualCheck compareRendered(const RenderedDocument& then, const RenderedDocument& now,
                            const std::vector<PageArea>& allowed) {
  VisualCheck v;
  v.status = VisualCheck::Status::Compared;
  v.pages_signed = then.page_count;
  v.pages_now = now.page_count;
  const int common = std::min(v.pages_signed, v.pages_now);
  const int compared =
      std::min({common, static_cast<int>(then.pages.size()), static_cast<int>(now.pages.size())});
  for (int i = 0; i < compared; ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (auto d = comparePage(i + 1, then.pages[k], now.pages[k], allowed))
      v.differences.push_back(*d);
    ++v.pages_compared;
  }
  if (compared < common)
    v.cut_short =
        (then.out_of_time || now.out_of_time) ? VisualCheck::Cut::Time : VisualCheck::Cut::Pages;
  auto pageOr = [](const RenderedDocument& d, int i) {
    return static_cast<std::size_t>(i) < d.pages.size() ? d.pages[static_cast<std::size_t>(i)]
                                                        : RenderedPage{};
  };
  for (int i = common; i < v.pages_now && i < common + kMaxPagesListed; ++i)
    v.differences.push_back(wholePage(i + 1, VisualCheck::DiffKind::PageAdded, pageOr(now, i)));
  for (int i = common; i < v.pages_signed && i < common + kMaxPagesListed; ++i)
    v.differences.push_back(wholePage(i + 1, VisualCheck::DiffKind::PageRemoved, pageOr(then, i)));
  return v;
}

std::vector<VisualCheck> runVisualGuard(const FileBytes& bytes,
                                        const std::vector<VisualQuestion>& questions,
                                        const VisualGuardOptions& opt) {
  using Skip = VisualCheck::Skip;
  std::vector<VisualCheck> out(questions.size());
  if (questions.empty()) return out;
  auto all = [&](VisualCheck v) { return std::vector<VisualCheck>(questions.size(), v); };
  if (!opt.enabled) return all(skipped(Skip::Disabled));
  if (bytes.size() > opt.max_file_bytes) return all(skipped(Skip::FileTooLarge));
  auto skipFor = [](const Error& e) {
    return skipped(
        e.kind == Errc::ComponentUnavailable ? Skip::RendererUnavailable : Skip::Unrenderable,
        e.technical());
  };
  std::string data;
  if (auto st = bytes.readAt(0, static_cast<std::size_t>(bytes.size()), data); !st.ok())
    return all(skipped(Skip::Unrenderable, st.error().technical()));
  const auto deadline = std::chrono::steady_clock::now() + opt.budget;
  auto request = [&] {
    RenderRequest req;
    req.dpi = opt.dpi;
    req.max_pages = opt.max_pages;
    req.budget_ms = std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::milliseconds>(
                                                  deadline - std::chrono::steady_clock::now())
                                                  .count());
    return req;
  };
  auto now = renderPages(data.data(), data.size(), request());
  if (!now.ok()) return all(skipFor(now.error()));

  // Each signed revision on the next free thread; its pixels live only while it is compared.
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < questions.size(); i = next++) {
      const auto end = questions[i].signed_end;
      if (end > data.size()) {
        out[i] = skipped(Skip::Unrenderable, "the signed revision ends past the file");
        continue;
      }
      auto then = renderPages(data.data(), static_cast<std::size_t>(end), request());
      out[i] =
          then.ok() ? compareRendered(*then, *now, questions[i].allowed) : skipFor(then.error());
    }
  };
  unsigned threads =
      opt.threads ? opt.threads : std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  threads = std::min<unsigned>(threads, static_cast<unsigned>(questions.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return out;
}

Result<SideBySide> renderSideBySide(const std::filesystem::path& file, std::uint64_t signedEnd,
                                    int page, double dpi, const VisualGuardOptions& opt) {
  KYSO_ASSIGN_OR_RETURN(auto bytes, FileBytes::open(file));
  if (bytes->size() > opt.max_file_bytes)
    return Error::kyso(Errc::InputTooLarge, "renderSideBySide", file.string());
  if (signedEnd > bytes->size() || page < 1)
    return Error::kyso(Errc::PdfPageOutOfRange, "renderSideBySide", file.string());
  std::string data;
  KYSO_TRY(bytes->readAt(0, static_cast<std::size_t>(bytes->size()), data));
  RenderRequest req;
  req.dpi = dpi;
  req.first_page = page - 1;
  req.max_pages = 1;
  SideBySide out;
  KYSO_ASSIGN_OR_RETURN(auto then,
                        renderPages(data.data(), static_cast<std::size_t>(signedEnd), req));
  KYSO_ASSIGN_OR_RETURN(auto now, renderPages(data.data(), data.size(), req));
  if (!then.pages.empty()) out.as_signed = std::move(then.pages.front());
  if (!now.pages.empty()) out.now = std::move(now.pages.front());
  return out;
}

}  // namespace kyso::pdfverify
