// The system ICU (Debian libicu-dev), found through pkg-config: its include and link flags reach ICUShim, the
// only code that includes ICU's headers (Sources/ICUShim/icu_shim.c). No Swift module imports this one.
#ifndef CICU_SHIM_H
#define CICU_SHIM_H
#include <unicode/utypes.h>
#endif
