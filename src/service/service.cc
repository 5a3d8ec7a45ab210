#include "backsignal/service/service.h"

#include "backsignal/service/readings.h"
#include "backsignal/service/summaries.h"

namespace backsignal::service {

Service::Service(Database& db, Writer& writer, const Clock& clock, Overrides overrides)
    : db_(db),
      writer_(writer),
      clock_(clock),
      overrides_(std::move(overrides)),
      readings_(std::make_unique<ReadingCache>()) {}

Service::~Service() = default;

Result<std::unique_ptr<Database>> OpenServiceDatabase(const std::string& location,
                                                      OpenOptions options,
                                                      const Overrides& overrides) {
  options.summariser = ReadingSummariser(overrides);
  return OpenDatabase(location, options);
}

}  // namespace backsignal::service
