// A catalogue's Plural-Forms: the C expression of n that gettext defines (the ternary, ||, &&,
// comparisons, + - * / %, !, parentheses, n and numbers), parsed once by recursive descent and
// evaluated over unsigned integers as gettext's own evaluator does.
#include <cctype>
#include <cstdlib>

#include "backsignal/words/i18n.h"

namespace backsignal {

struct PluralRule::Node {
  enum class Op {
    kN,
    kNum,
    kNot,
    kMul,
    kDiv,
    kMod,
    kAdd,
    kSub,
    kLt,
    kGt,
    kLe,
    kGe,
    kEq,
    kNe,
    kAnd,
    kOr,
    kIf
  };
  Op op = Op::kNum;
  uint64_t value = 0;
  std::shared_ptr<const Node> a, b, c;

  uint64_t Eval(uint64_t n) const {
    switch (op) {
      case Op::kN:
        return n;
      case Op::kNum:
        return value;
      case Op::kNot:
        return a->Eval(n) == 0 ? 1 : 0;
      case Op::kMul:
        return a->Eval(n) * b->Eval(n);
      case Op::kDiv: {
        const uint64_t d = b->Eval(n);
        return d == 0 ? 0 : a->Eval(n) / d;
      }
      case Op::kMod: {
        const uint64_t d = b->Eval(n);
        return d == 0 ? 0 : a->Eval(n) % d;
      }
      case Op::kAdd:
        return a->Eval(n) + b->Eval(n);
      case Op::kSub:
        return a->Eval(n) - b->Eval(n);
      case Op::kLt:
        return a->Eval(n) < b->Eval(n);
      case Op::kGt:
        return a->Eval(n) > b->Eval(n);
      case Op::kLe:
        return a->Eval(n) <= b->Eval(n);
      case Op::kGe:
        return a->Eval(n) >= b->Eval(n);
      case Op::kEq:
        return a->Eval(n) == b->Eval(n);
      case Op::kNe:
        return a->Eval(n) != b->Eval(n);
      case Op::kAnd:
        return (a->Eval(n) != 0 && b->Eval(n) != 0) ? 1 : 0;
      case Op::kOr:
        return (a->Eval(n) != 0 || b->Eval(n) != 0) ? 1 : 0;
      case Op::kIf:
        return a->Eval(n) != 0 ? b->Eval(n) : c->Eval(n);
    }
    return 0;
  }
};

namespace {

using Node = PluralRule::Node;
using Op = Node::Op;
using Ptr = std::shared_ptr<const Node>;

Ptr Make(Op op, Ptr a = nullptr, Ptr b = nullptr, Ptr c = nullptr, uint64_t value = 0) {
  auto node = std::make_shared<Node>();
  node->op = op;
  node->a = std::move(a);
  node->b = std::move(b);
  node->c = std::move(c);
  node->value = value;
  return node;
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  Ptr Parse() {
    Ptr e = Ternary();
    Space();
    if (e == nullptr || i_ != s_.size()) return nullptr;
    return e;
  }

 private:
  void Space() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool Eat(std::string_view tok) {
    Space();
    if (s_.substr(i_, tok.size()) != tok) return false;
    // "<" must not take the first character of "<=", nor "=" of "==".
    if (tok.size() == 1 && (tok == "<" || tok == ">" || tok == "!") && i_ + 1 < s_.size() &&
        s_[i_ + 1] == '=') {
      return false;
    }
    if (tok == "|" || tok == "&") return false;
    i_ += tok.size();
    return true;
  }

  Ptr Ternary() {
    Ptr cond = Or();
    if (cond == nullptr || !Eat("?")) return cond;
    Ptr yes = Ternary();
    if (yes == nullptr || !Eat(":")) return nullptr;
    Ptr no = Ternary();
    if (no == nullptr) return nullptr;
    return Make(Op::kIf, cond, yes, no);
  }
  Ptr Or() {
    Ptr l = And();
    while (l != nullptr && Eat("||")) {
      Ptr r = And();
      if (r == nullptr) return nullptr;
      l = Make(Op::kOr, l, r);
    }
    return l;
  }
  Ptr And() {
    Ptr l = Equality();
    while (l != nullptr && Eat("&&")) {
      Ptr r = Equality();
      if (r == nullptr) return nullptr;
      l = Make(Op::kAnd, l, r);
    }
    return l;
  }
  Ptr Equality() {
    Ptr l = Relation();
    while (l != nullptr) {
      Op op;
      if (Eat("==")) {
        op = Op::kEq;
      } else if (Eat("!=")) {
        op = Op::kNe;
      } else {
        break;
      }
      Ptr r = Relation();
      if (r == nullptr) return nullptr;
      l = Make(op, l, r);
    }
    return l;
  }
  Ptr Relation() {
    Ptr l = Additive();
    while (l != nullptr) {
      Op op;
      if (Eat("<=")) {
        op = Op::kLe;
      } else if (Eat(">=")) {
        op = Op::kGe;
      } else if (Eat("<")) {
        op = Op::kLt;
      } else if (Eat(">")) {
        op = Op::kGt;
      } else {
        break;
      }
      Ptr r = Additive();
      if (r == nullptr) return nullptr;
      l = Make(op, l, r);
    }
    return l;
  }
  Ptr Additive() {
    Ptr l = Multiplicative();
    while (l != nullptr) {
      Op op;
      if (Eat("+")) {
        op = Op::kAdd;
      } else if (Eat("-")) {
        op = Op::kSub;
      } else {
        break;
      }
      Ptr r = Multiplicative();
      if (r == nullptr) return nullptr;
      l = Make(op, l, r);
    }
    return l;
  }
  Ptr Multiplicative() {
    Ptr l = Unary();
    while (l != nullptr) {
      Op op;
      if (Eat("*")) {
        op = Op::kMul;
      } else if (Eat("/")) {
        op = Op::kDiv;
      } else if (Eat("%")) {
        op = Op::kMod;
      } else {
        break;
      }
      Ptr r = Unary();
      if (r == nullptr) return nullptr;
      l = Make(op, l, r);
    }
    return l;
  }
  Ptr Unary() {
    if (Eat("!")) {
      Ptr e = Unary();
      return e == nullptr ? nullptr : Make(Op::kNot, e);
    }
    return Primary();
  }
  Ptr Primary() {
    Space();
    if (i_ >= s_.size()) return nullptr;
    if (Eat("(")) {
      Ptr e = Ternary();
      if (e == nullptr || !Eat(")")) return nullptr;
      return e;
    }
    if (s_[i_] == 'n') {
      ++i_;
      return Make(Op::kN);
    }
    if (std::isdigit(static_cast<unsigned char>(s_[i_])) == 0) return nullptr;
    uint64_t v = 0;
    while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_])) != 0) {
      v = v * 10 + static_cast<uint64_t>(s_[i_] - '0');
      if (v > 1000000000) return nullptr;
      ++i_;
    }
    return Make(Op::kNum, nullptr, nullptr, nullptr, v);
  }

  std::string_view s_;
  size_t i_ = 0;
};

// The value of `key=` in "nplurals=2; plural=(n != 1);", up to its ';' (or the end).
std::string_view Field(std::string_view s, std::string_view key) {
  size_t at = 0;
  while ((at = s.find(key, at)) != std::string_view::npos) {
    const bool starts = at == 0 || s[at - 1] == ' ' || s[at - 1] == ';' || s[at - 1] == '\t';
    size_t eq = at + key.size();
    while (eq < s.size() && s[eq] == ' ') ++eq;
    if (starts && eq < s.size() && s[eq] == '=') {
      const size_t end = s.find(';', eq + 1);
      return s.substr(eq + 1, end == std::string_view::npos ? s.npos : end - eq - 1);
    }
    at += key.size();
  }
  return {};
}

}  // namespace

PluralRule::PluralRule() : expr_(Make(Op::kNe, Make(Op::kN), Make(Op::kNum, {}, {}, {}, 1))) {}
PluralRule::~PluralRule() = default;
PluralRule::PluralRule(PluralRule&&) noexcept = default;
PluralRule& PluralRule::operator=(PluralRule&&) noexcept = default;
PluralRule::PluralRule(const PluralRule&) = default;
PluralRule& PluralRule::operator=(const PluralRule&) = default;

Result<PluralRule> PluralRule::Parse(std::string_view plural_forms) {
  const std::string_view count = Field(plural_forms, "nplurals");
  const std::string_view expr = Field(plural_forms, "plural");
  const std::string count_text(count);
  char* end = nullptr;
  const long n = std::strtol(count_text.c_str(), &end, 10);
  if (count_text.empty() || end == count_text.c_str() || n < 1 || n > 6) {
    return Fail(Error::Invalid("Plural-Forms: nplurals should be a number from 1 to 6, in \"" +
                               std::string(plural_forms) + "\""));
  }
  Ptr parsed = Parser(expr).Parse();
  if (parsed == nullptr) {
    return Fail(Error::Invalid("Plural-Forms: the plural expression \"" + std::string(expr) +
                               "\" is not a C expression of n"));
  }
  PluralRule rule;
  rule.count_ = static_cast<size_t>(n);
  rule.expr_ = std::move(parsed);
  return rule;
}

size_t PluralRule::Index(uint64_t n) const {
  const uint64_t i = expr_->Eval(n);
  return i < count_ ? static_cast<size_t>(i) : 0;
}

}  // namespace backsignal
