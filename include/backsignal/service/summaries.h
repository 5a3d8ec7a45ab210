// The summary of a person's diary that the clinician's list shows, made with the reading and
// given to the store (store.h's Summariser).
#pragma once

#include <memory>

#include "backsignal/service/service.h"

namespace backsignal::service {

std::shared_ptr<const Summariser> ReadingSummariser(const Overrides& overrides);

}  // namespace backsignal::service
