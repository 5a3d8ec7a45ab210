#include "router.h"

namespace backsignal::server {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    const size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  return parts;
}

namespace {

bool IsPositiveNumber(std::string_view s) {
  if (s.empty() || s.size() > 18 || s == "0") return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

void Router::Add(std::span<const Route> table) {
  for (const Route& route : table) {
    AddEntry(route, route.pattern);
    if (route.clinician_view) {
      constexpr std::string_view kOwn = "/api/v1/";
      const std::string_view pattern(route.pattern);
      AddEntry(route, std::string(kClinicianPrefix) + std::string(pattern.substr(kOwn.size())));
    }
  }
}

void Router::AddEntry(const Route& route, std::string pattern) {
  Entry e;
  e.route = &route;
  for (std::string_view p : SplitPath(pattern)) e.parts.emplace_back(p);
  e.pattern = std::move(pattern);
  routes_.push_back(std::move(e));
}

std::optional<Router::Match> Router::Find(const std::string& method, const std::string& path,
                                          std::string* allow) const {
  const std::vector<std::string_view> segs = SplitPath(path);
  allow->clear();
  for (const Entry& e : routes_) {
    const bool rest = !e.parts.empty() && e.parts.back().ends_with("*}");
    if (rest ? segs.size() < e.parts.size() : e.parts.size() != segs.size()) continue;
    Match m;
    bool ok = true;
    for (size_t i = 0; i < e.parts.size() && ok; ++i) {
      const std::string& p = e.parts[i];
      if (rest && i + 1 == e.parts.size()) break;  // {name*}: the rest of the path
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
        // {name} takes any segment; {name:number} a positive whole number only.
        std::string name = p.substr(1, p.size() - 2);
        if (const size_t colon = name.find(':'); colon != std::string::npos) {
          ok = name.substr(colon + 1) != "number" || IsPositiveNumber(segs[i]);
          name.resize(colon);
        }
        m.params[name] = std::string(segs[i]);
      } else {
        ok = p == segs[i];
      }
    }
    if (!ok) continue;
    const bool writes = method != "GET" && method != "HEAD" && method != "OPTIONS";
    const std::string_view route_method(e.route->method);
    if (route_method == method || (method == "HEAD" && route_method == "GET") ||
        (route_method == "*" && writes)) {
      m.route = e.route;
      m.pattern = e.pattern;
      return m;
    }
    if (route_method == "*") continue;  // never listed in Allow
    if (allow->find(route_method) == std::string::npos) {
      *allow += (allow->empty() ? "" : ", ") + std::string(route_method);
    }
  }
  return std::nullopt;
}

}  // namespace backsignal::server
