// The store behind a Service, for the service's own code only: the front doors (src/server,
// src/cli) never see it, so that each policy lives once, in the service (tests/layering_test.py).
#pragma once

#include "backsignal/service/service.h"

namespace backsignal::service {

// The database and the writer the service was made with.
Database& StoreOf(const Service& service);
Writer& WriterOf(const Service& service);

}  // namespace backsignal::service
