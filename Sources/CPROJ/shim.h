#ifndef BEREIK_CPROJ_SHIM_H
#define BEREIK_CPROJ_SHIM_H
#include <proj.h>
#endif
