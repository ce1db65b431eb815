#include "http/router.h"

#include <cassert>
#include <optional>
#include <utility>

namespace gazette::http {

namespace {

constexpr std::pair<Method, std::string_view> kMethodNames[] = {
    {Method::kGet, "GET"},         {Method::kHead, "HEAD"},   {Method::kPost, "POST"},
    {Method::kPut, "PUT"},         {Method::kPatch, "PATCH"}, {Method::kDelete, "DELETE"},
    {Method::kOptions, "OPTIONS"},
};

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Splits "/a/b/" into {"a", "b", ""}: a trailing empty segment stands for the trailing '/'.
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  path.remove_prefix(1);
  for (;;) {
    size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return segments;
    path.remove_prefix(slash + 1);
  }
}

// The percent-decoded segments of a raw request path, or nullopt when the path can match no
// route: not starting with '/', an empty segment before the last ("//"), a raw backslash (browsers
// read "/\host" as "//host"), an invalid escape, a NUL byte, or a "." or ".." segment.
std::optional<std::vector<std::string>> DecodeSegments(std::string_view raw_path) {
  if (raw_path.empty() || raw_path.front() != '/') return std::nullopt;
  std::vector<std::string_view> raw = SplitPath(raw_path);
  std::vector<std::string> decoded;
  decoded.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    std::string_view segment = raw[i];
    if (segment.empty() && i + 1 != raw.size()) return std::nullopt;
    if (segment.find('\\') != std::string_view::npos) return std::nullopt;
    for (size_t p = segment.find('%'); p != std::string_view::npos; p = segment.find('%', p + 1)) {
      if (p + 2 >= segment.size() || !IsHex(segment[p + 1]) || !IsHex(segment[p + 2])) {
        return std::nullopt;
      }
    }
    std::string value = PercentDecode(segment, false);
    if (value.find('\0') != std::string::npos || value == "." || value == "..") {
      return std::nullopt;
    }
    decoded.push_back(std::move(value));
  }
  return decoded;
}

std::string_view RawPath(const Request& request) {
  if (request.target.empty()) return request.path;
  std::string_view target = request.target;
  return target.substr(0, target.find('?'));
}

}  // namespace

struct Router::Node {
  struct Route {
    RouteHandler handler;
    std::vector<std::string> param_names;  // in the order the parameters appear
  };

  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> param;
  std::map<Method, Route> routes;

  bool Answers(Method method) const {
    return routes.contains(method) || (method == Method::kHead && routes.contains(Method::kGet));
  }

  // Depth-first search for a node that takes the segments from `index` on and satisfies
  // `accept`. Literal children are tried before the parameter child, which gives them
  // precedence; a failed literal branch falls back to the parameter. `values` collects the
  // parameter values on the way.
  template <class Accept>
  const Node* Find(const std::vector<std::string>& segments, size_t index, const Accept& accept,
                   std::vector<std::string>& values) const {
    if (index == segments.size()) return accept(*this) ? this : nullptr;
    const std::string& segment = segments[index];
    if (auto it = literals.find(segment); it != literals.end()) {
      if (const Node* found = it->second->Find(segments, index + 1, accept, values)) return found;
    }
    if (param && !segment.empty()) {
      values.push_back(segment);
      if (const Node* found = param->Find(segments, index + 1, accept, values)) return found;
      values.pop_back();
    }
    return nullptr;
  }

  // "GET, HEAD, POST": the methods this node answers.
  std::string Allow() const {
    std::string allow;
    for (const auto& [method, name] : kMethodNames) {
      if (!Answers(method)) continue;
      if (!allow.empty()) allow += ", ";
      allow += name;
    }
    return allow;
  }
};

Router::Router() : root_(std::make_unique<Node>()) {
  not_found_ = [](const Request&) { return Response::Text(404, "Not found\n"); };
}

Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::Add(Method method, std::string_view pattern, RouteHandler handler) {
  assert(!pattern.empty() && pattern.front() == '/');
  Node* node = root_.get();
  std::vector<std::string> param_names;
  std::vector<std::string_view> segments = SplitPath(pattern);
  for (size_t i = 0; i < segments.size(); ++i) {
    std::string_view segment = segments[i];
    assert(!segment.empty() || i + 1 == segments.size());
    if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
      param_names.emplace_back(segment.substr(1, segment.size() - 2));
      if (!node->param) node->param = std::make_unique<Node>();
      node = node->param.get();
    } else {
      auto [it, inserted] = node->literals.try_emplace(std::string(segment));
      if (inserted) it->second = std::make_unique<Node>();
      node = it->second.get();
    }
  }
  node->routes[method] = Node::Route{std::move(handler), std::move(param_names)};
}

void Router::SetNotFound(std::function<Response(const Request&)> handler) {
  not_found_ = std::move(handler);
}

Response Router::Dispatch(const Request& request) const {
  std::string_view raw_path = RawPath(request);
  std::optional<std::vector<std::string>> segments = DecodeSegments(raw_path);
  if (!segments) return not_found_(request);

  const Method method = request.method;
  auto answers_method = [method](const Node& node) { return node.Answers(method); };
  std::vector<std::string> values;
  if (const Node* node = root_->Find(*segments, 0, answers_method, values)) {
    auto it = node->routes.find(method);
    const Node::Route& route =
        it != node->routes.end() ? it->second : node->routes.at(Method::kGet);
    PathParams params;
    for (size_t i = 0; i < values.size(); ++i) params[route.param_names[i]] = std::move(values[i]);
    return route.handler(request, params);
  }

  if (!segments->back().empty()) {
    std::vector<std::string> with_slash = *segments;
    with_slash.emplace_back();
    values.clear();
    if (root_->Find(with_slash, 0, answers_method, values)) {
      std::string location(raw_path);
      location += '/';
      if (!request.query.empty()) location += "?" + request.query;
      return Response::Redirect(301, std::move(location));
    }
  }

  values.clear();
  auto has_any_route = [](const Node& node) { return !node.routes.empty(); };
  if (const Node* node = root_->Find(*segments, 0, has_any_route, values)) {
    Response response = Response::Text(405, "Method not allowed\n");
    response.SetHeader("Allow", node->Allow());
    return response;
  }
  return not_found_(request);
}

}  // namespace gazette::http
