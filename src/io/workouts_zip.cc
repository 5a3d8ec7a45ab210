// A zip's central directory read from its bytes (PKWARE's APPNOTE, sections 4.3.12 to 4.3.16),
// for what libzip does not check: how many entries there are before it allocates for them, and
// whether two entries share bytes. An export's entries never do; a "bomb" of 1,000 entries
// pointing at one deflated stream inflates it 1,000 times from a file of 1 MB.
#include <algorithm>
#include <vector>

#include "workouts_util.h"

namespace backsignal::workouts_detail {
namespace {

constexpr size_t kEndSize = 22;        // end of central directory record, without its comment
constexpr size_t kMaxComment = 65535;  // the comment's length is 16 bits
constexpr size_t kLocator = 20;        // zip64 end of central directory locator
constexpr size_t kZip64End = 56;       // zip64 end of central directory record, fixed part
constexpr size_t kCentral = 46;        // central directory header, fixed part
constexpr size_t kLocal = 30;          // local file header, fixed part
constexpr uint32_t k32 = 0xFFFFFFFFu;

uint64_t Le(std::string_view s, size_t at, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= uint64_t{static_cast<unsigned char>(s[at + i])} << (8 * i);
  return v;
}

Error Damaged(std::string_view where, Text what) {
  // TRANSLATORS: {reason} is what is wrong with the zip ("its directory is cut short").
  Text m = T_("a damaged zip ({reason})", {{"reason", std::move(what)}});
  return Error::Invalid(Problem(std::string(where), std::move(m)));
}

// The bytes of one entry in the file: from its local header to the end of its data, at least.
struct Span {
  uint64_t begin = 0;
  uint64_t end = 0;
  std::string name;  // for the message, cut
};

// Reads the directory sequentially in windows, so a large one costs one window of memory.
class Cursor {
 public:
  Cursor(const RandomRead& read, uint64_t at, uint64_t end, std::string_view where)
      : read_(read), at_(at), end_(end), where_(where) {}
  // The next `n` bytes; a refusal past the directory's end.
  Result<std::string_view> Take(size_t n) {
    if (n > end_ - at_) return Fail(Damaged(where_, T_("its directory is cut short")));
    if (at_ + n > base_ + window_.size()) {
      auto got = read_(at_, static_cast<size_t>(std::min<uint64_t>(
                                std::max<uint64_t>(n, uint64_t{1} << 20), end_ - at_)));
      if (!got) return Unexpected(got.error());
      window_ = std::move(*got);
      base_ = at_;
      if (window_.size() < n) return Fail(Damaged(where_, T_("its directory is cut short")));
    }
    std::string_view v(window_.data() + (at_ - base_), n);
    at_ += n;
    return v;
  }

 private:
  const RandomRead& read_;
  uint64_t at_, end_;
  std::string_view where_;
  uint64_t base_ = 0;
  std::string window_;
};

}  // namespace

Result<void> CheckZipLayout(const RandomRead& read, uint64_t size, std::string_view where,
                            ImportBudget& budget) {
  if (size < kEndSize) return Fail(Damaged(where, T_("shorter than its end record")));
  const uint64_t tail_at = size - std::min<uint64_t>(size, kEndSize + kMaxComment);
  auto tail = read(tail_at, static_cast<size_t>(size - tail_at));
  if (!tail) return Unexpected(tail.error());
  // The last end record whose comment reaches the end of the file.
  size_t end = std::string_view::npos;
  for (size_t i = tail->size() - kEndSize + 1; i-- > 0;) {
    if (tail->compare(i, 4, "PK\x05\x06") == 0 &&
        i + kEndSize + Le(*tail, i + 20, 2) <= tail->size()) {
      end = i;
      break;
    }
  }
  if (end == std::string_view::npos) return Fail(Damaged(where, T_("no end of its directory")));
  uint64_t entries = Le(*tail, end + 10, 2);
  uint64_t dir_size = Le(*tail, end + 12, 4);
  uint64_t dir_at = Le(*tail, end + 16, 4);
  const uint64_t end_at = tail_at + end;
  if (end_at >= kLocator) {
    auto loc = read(end_at - kLocator, kLocator);
    if (!loc) return Unexpected(loc.error());
    if (loc->size() == kLocator && loc->compare(0, 4, "PK\x06\x07") == 0) {
      const uint64_t at = Le(*loc, 8, 8);
      auto rec = read(at, kZip64End);
      if (!rec) return Unexpected(rec.error());
      if (rec->size() < kZip64End || rec->compare(0, 4, "PK\x06\x06") != 0) {
        return Fail(Damaged(where, T_("its zip64 end record is missing")));
      }
      entries = Le(*rec, 32, 8);
      dir_size = Le(*rec, 40, 8);
      dir_at = Le(*rec, 48, 8);
    }
  }
  if (entries > budget.limits().zip_entries) {
    return Fail(budget.TooManyEntries(where, entries));
  }
  if (dir_at > size || dir_size > size - dir_at) {
    return Fail(Damaged(where, T_("its directory lies outside the file")));
  }
  std::vector<Span> spans;
  spans.reserve(static_cast<size_t>(entries));
  Cursor cursor(read, dir_at, dir_at + dir_size, where);
  for (uint64_t i = 0; i < entries; ++i) {
    auto head = cursor.Take(kCentral);
    if (!head) return Unexpected(head.error());
    if (head->compare(0, 4, "PK\x01\x02") != 0) {
      return Fail(Damaged(where, T_("an entry of its directory has no header")));
    }
    uint64_t comp = Le(*head, 20, 4);
    const uint64_t plain = Le(*head, 24, 4);
    const size_t name_len = Le(*head, 28, 2);
    const size_t extra_len = Le(*head, 30, 2);
    const size_t comment_len = Le(*head, 32, 2);
    uint64_t offset = Le(*head, 42, 4);
    auto name = cursor.Take(name_len);
    if (!name) return Unexpected(name.error());
    Span span;
    span.name = std::string(name->substr(0, 100));
    auto extra = cursor.Take(extra_len);
    if (!extra) return Unexpected(extra.error());
    // Zip64's extra field: the 64-bit values of those that are all ones above, in this order.
    for (size_t at = 0; at + 4 <= extra->size();) {
      const uint64_t id = Le(*extra, at, 2), len = Le(*extra, at + 2, 2);
      if (at + 4 + len > extra->size()) break;
      if (id == 1) {
        size_t f = at + 4;
        auto field = [&](uint64_t& v, bool wide) {
          if (!wide) return;
          if (f + 8 <= at + 4 + len) v = Le(*extra, f, 8);
          f += 8;
        };
        uint64_t ignored = plain;
        field(ignored, plain == k32);
        field(comp, comp == k32);
        field(offset, offset == k32);
      }
      at += 4 + len;
    }
    if (auto c = cursor.Take(comment_len); !c) return Unexpected(c.error());
    span.begin = offset;
    span.end = offset + kLocal + name_len + comp;
    if (offset > size || span.end < offset)
      return Fail(Damaged(where, T_("an entry lies outside it")));
    spans.push_back(std::move(span));
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  for (size_t i = 0; i < spans.size(); ++i) {
    const uint64_t next = i + 1 < spans.size() ? spans[i + 1].begin : dir_at;
    if (spans[i].end > next) {
      Text m;
      if (i + 1 < spans.size()) {
        m =
            // TRANSLATORS: {first} and {second} are the names of two entries of the zip.
            T_("entries of the zip share bytes (\"{first}\" and \"{second}\"): a zip "
               "made to inflate the same data again and again, not an export",
               {{"first", spans[i].name}, {"second", spans[i + 1].name}});
      } else {
        m =
            // TRANSLATORS: {first} is the name of an entry of the zip.
            T_("entries of the zip share bytes (\"{first}\" and its directory): a zip "
               "made to inflate the same data again and again, not an export",
               {{"first", spans[i].name}});
      }
      return Fail(Error::Invalid(Problem(std::string(where), std::move(m))));
    }
  }
  return {};
}

}  // namespace backsignal::workouts_detail
