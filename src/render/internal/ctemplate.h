// The ctemplate headers render/ uses, in an order that compiles: ctemplate/str_ref.h calls
// strlen without including <cstring> itself. Private to render/.
#pragma once

// clang-format off
#include <cstring>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>
// clang-format on
