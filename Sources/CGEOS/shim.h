#ifndef BEREIK_CGEOS_SHIM_H
#define BEREIK_CGEOS_SHIM_H
// Only the reentrant API: every call takes an explicit GEOSContextHandle_t.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif
