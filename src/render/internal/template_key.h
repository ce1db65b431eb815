// Dictionary keys with their ctemplate id computed once per program. Private to render/.
#pragma once

#include <cstddef>

#include "render/internal/ctemplate.h"

namespace gazette::render::internal {

// A key's name as a template argument: `Key<"TITLE">()`.
template <size_t N>
struct KeyName {
  consteval KeyName(const char (&name)[N]) {  // NOLINT(google-explicit-constructor)
    for (size_t i = 0; i < N; ++i) text[i] = name[i];
  }
  char text[N];
};

// `kName` as a key whose id is already known. A key passed as a plain string is hashed, and
// entered in ctemplate's global id-to-name map under its lock, on every SetValue: a sixth of
// the instructions of a page with many cards. A StaticTemplateString is registered once.
template <KeyName kName>
ctemplate::TemplateString Key() {
  static const ctemplate::StaticTemplateString key{{kName.text, sizeof(kName.text) - 1, 0}};
  static const ctemplate::StaticTemplateStringInitializer registered(&key);
  return key;
}

}  // namespace gazette::render::internal
